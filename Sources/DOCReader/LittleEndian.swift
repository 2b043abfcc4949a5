/// Bounds-checked little-endian reads from bytes that came from the input: every read says
/// whether it fits, so a lying offset or length becomes an error, never a trap.
extension Array where Element == UInt8 {
    /// The byte at `offset`, or nil past the end.
    @inline(__always)
    func u8(_ offset: Int) -> UInt8? {
        offset >= 0 && offset < count ? self[offset] : nil
    }

    /// The 16-bit little-endian value at `offset`, or nil if it does not fit.
    @inline(__always)
    func u16(_ offset: Int) -> UInt16? {
        guard offset >= 0, offset <= count &- 2 else { return nil }
        return UInt16(self[offset]) | UInt16(self[offset &+ 1]) << 8
    }

    /// The 32-bit little-endian value at `offset`, or nil if it does not fit.
    @inline(__always)
    func u32(_ offset: Int) -> UInt32? {
        guard offset >= 0, offset <= count &- 4 else { return nil }
        return UInt32(self[offset]) | UInt32(self[offset &+ 1]) << 8
            | UInt32(self[offset &+ 2]) << 16 | UInt32(self[offset &+ 3]) << 24
    }

    /// Whether `length` bytes from `offset` lie inside the array (no overflow for hostile values).
    @inline(__always)
    func contains(offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= count && length <= count &- offset
    }
}

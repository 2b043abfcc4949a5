internal import CICUShim

/// The one Swift file that calls ICU (through the `CICUShim` C target). Everything here works on
/// byte or UTF-16 buffers: converting a Swift `String` for every call would cost more than ICU.
public enum ICU {
    /// The linked ICU version, e.g. "72.1".
    public static var version: String { String(cString: vn_icu_version()) }

    /// A failure reported by ICU, with ICU's own name for it.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public var operation: String
        public var status: Int32
        /// For decoding: offset of the first byte the charset does not define.
        public var byteOffset: Int?
        public var description: String {
            let name = String(cString: vn_icu_error_name(status))
            if let byteOffset { return "\(operation): \(name) at byte \(byteOffset)" }
            return "\(operation): \(name)"
        }
    }

    /// The canonical composition of two code points (e.g. "a" + U+0301 -> "á").
    public static func composePair(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Unicode.Scalar? {
        let c = vn_compose_pair(a.value, b.value)
        return c < 0 ? nil : Unicode.Scalar(UInt32(c))
    }

    /// NFC of a short string (for building tables; use the chunked normaliser for text).
    public static func nfc(_ s: String) -> String {
        let units = Array(s.utf16)
        var out = [UInt16](repeating: 0, count: units.count * 3 + 8)
        var status: Int32 = 0
        let n = units.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                vn_nfc(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count), &status)
            }
        }
        guard status <= 0, n >= 0 else { return s }
        return String(decoding: out[0..<Int(n)], as: UTF16.self)
    }

    /// The full canonical decomposition of a code point, or nil when it has none.
    public static func decomposition(_ c: Unicode.Scalar) -> [Unicode.Scalar]? {
        var buffer = [UInt16](repeating: 0, count: 16)
        let n = vn_decomposition(c.value, &buffer, Int32(buffer.count))
        guard n > 0 else { return nil }
        return Array(String(decoding: buffer[0..<Int(n)], as: UTF16.self).unicodeScalars)
    }

    public static func combiningClass(_ c: Unicode.Scalar) -> UInt8 { vn_combining_class(c.value) }

    /// Whether ICU has a converter by this name (e.g. "windows-1258").
    public static func hasConverter(_ charset: String) -> Bool { vn_has_converter(charset) != 0 }

    /// Decodes bytes in `charset` to UTF-8. A byte the charset does not define is an error that
    /// carries its offset. (ICU's windows-1258 yields combining tone marks: run NFC afterwards.)
    public static func decode(_ bytes: [UInt8], charset: String) throws(Failure) -> [UInt8] {
        if bytes.isEmpty { return [] }
        var units = [UInt16](repeating: 0, count: bytes.count + 16)
        var errorOffset: Int32 = -1
        var status: Int32 = 0
        let n = bytes.withUnsafeBufferPointer { src in
            units.withUnsafeMutableBufferPointer { dst in
                vn_decode(charset, src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count), &errorOffset, &status)
            }
        }
        if status > 0 || n < 0 {
            throw Failure(operation: "decode \(charset)", status: status, byteOffset: errorOffset >= 0 ? Int(errorOffset) : nil)
        }
        return try utf8(units[0..<Int(n)])
    }

    /// Encodes UTF-8 text into `charset`; a character it cannot represent is an error.
    public static func encode(_ utf8Bytes: [UInt8], charset: String) throws(Failure) -> [UInt8] {
        let units = try utf16(utf8Bytes[...])
        var out = [UInt8](repeating: 0, count: units.count * 4 + 16)
        var status: Int32 = 0
        let n = units.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                vn_encode(charset, src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count), &status)
            }
        }
        if status > 0 || n < 0 { throw Failure(operation: "encode \(charset)", status: status) }
        return Array(out[0..<Int(n)])
    }

    static func utf16(_ bytes: ArraySlice<UInt8>) throws(Failure) -> [UInt16] {
        var units = [UInt16](repeating: 0, count: bytes.count + 1)
        var status: Int32 = 0
        let n = bytes.withUnsafeBufferPointer { src in
            units.withUnsafeMutableBufferPointer { dst in
                vn_utf8_to_utf16(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count), &status)
            }
        }
        if status > 0 { throw Failure(operation: "utf-8 to utf-16", status: status) }
        units.removeLast(units.count - Int(n))
        return units
    }

    static func utf8(_ units: ArraySlice<UInt16>) throws(Failure) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: units.count * 3 + 1)
        var status: Int32 = 0
        let n = units.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                vn_utf16_to_utf8(src.baseAddress, Int32(src.count), dst.baseAddress, Int32(dst.count), &status)
            }
        }
        if status > 0 { throw Failure(operation: "utf-16 to utf-8", status: status) }
        out.removeLast(out.count - Int(n))
        return out
    }

    /// Reusable UTF-16 buffers for chunked NFC, so a long text costs no allocation per chunk.
    public final class NFCWorkspace {
        var source: [UInt16] = []
        var target: [UInt16] = []
        var bytes: [UInt8] = []
        public init() {}
    }

    /// Appends the NFC form of one chunk of well-formed UTF-8 to `out`, normalising the UTF-8
    /// directly (ICU's normalizeUTF8 copies spans that are already NFC). The chunk must begin
    /// and end at normalisation boundaries (the caller cuts before an ASCII byte).
    static func appendNFC(_ chunk: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], workspace w: NFCWorkspace) {
        let count = chunk.count
        var capacity = count + count / 2 + 16
        while true {
            if w.bytes.count < capacity { w.bytes = [UInt8](repeating: 0, count: capacity) }
            var status: Int32 = 0
            let n = w.bytes.withUnsafeMutableBufferPointer { dst in
                vn_nfc_utf8(chunk.baseAddress, Int32(count), dst.baseAddress, Int32(dst.count), &status)
            }
            if status > 0 {
                if n > capacity && capacity < count * 4 + 64 { capacity = max(Int(n), count * 3 + 16); continue }
                out.append(contentsOf: chunk)  // ICU refused (cannot happen on well-formed UTF-8): keep the bytes
                return
            }
            w.bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[0..<Int(n)])) }
            return
        }
    }
}

import CSHA256
import Foundation

/// SHA-256 (FIPS 180-4) of a byte buffer, for content hashes in `Source.sha256`.
///
/// Written here rather than pulled in from a crypto package to keep clean builds short; it is
/// checked against the FIPS test vectors and against `sha256sum` in the tests. The round
/// constants are derived as the standard defines them (fractional parts of square and cube
/// roots of the first primes), not typed in.
public enum SHA256 {
    private static let primes: [Int] = {
        var found: [Int] = []
        var n = 2
        while found.count < 64 {
            if !found.contains(where: { n % $0 == 0 }) { found.append(n) }
            n += 1
        }
        return found
    }()

    private static func fraction32(_ x: Double) -> UInt32 {
        UInt32((x - x.rounded(.down)) * 4_294_967_296.0)
    }

    static let initial: [UInt32] = primes.prefix(8).map { fraction32(Double($0).squareRoot()) }
    static let rounds: [UInt32] = primes.map { fraction32(cbrt(Double($0))) }

    /// Which block function runs: the x86 SHA extensions when this CPU has them, else the
    /// portable one written below. Tests run both.
    public enum Implementation: Sendable, CaseIterable {
        case portable, shaExtensions
    }

    public static let best: Implementation = vndoc_sha256_ni_available() != 0 ? .shaExtensions : .portable

    /// Lowercase hex digest.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        let digest = self.digest(Array(bytes))
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func digest(_ message: [UInt8], using implementation: Implementation = best) -> [UInt8] {
        let implementation = implementation == .shaExtensions && best != .shaExtensions ? .portable : implementation
        var h = initial
        let bitLength = UInt64(message.count) &* 8

        // The last one or two blocks: the tail of the message, 0x80, zeros, the bit length.
        var tail = Array(message[(message.count / 64 * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }

        h.withUnsafeMutableBufferPointer { state in
            rounds.withUnsafeBufferPointer { k in
                for part in [message, tail] {
                    part.withUnsafeBufferPointer { all in
                        guard let base = all.baseAddress, all.count >= 64 else { return }
                        switch implementation {
                        case .shaExtensions:
                            vndoc_sha256_blocks_ni(state.baseAddress, base, all.count / 64, k.baseAddress)
                        case .portable:
                            compressPortable(state, base, all.count / 64, k)
                        }
                    }
                }
            }
        }
        var out = [UInt8]()
        out.reserveCapacity(32)
        for word in h { for shift in [24, 16, 8, 0] { out.append(UInt8(truncatingIfNeeded: word >> UInt32(shift))) } }
        return out
    }

    /// FIPS 180-4 section 6.2.2 over whole 64-byte blocks.
    private static func compressPortable(_ h: UnsafeMutableBufferPointer<UInt32>, _ data: UnsafePointer<UInt8>, _ blocks: Int,
                                         _ kp: UnsafeBufferPointer<UInt32>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { w in
            for n in 0..<blocks {
                let block = data + 64 * n
                for t in 0..<16 {
                    let i = t * 4
                    w[t] = UInt32(block[i]) << 24 | UInt32(block[i + 1]) << 16 | UInt32(block[i + 2]) << 8 | UInt32(block[i + 3])
                }
                for t in 16..<64 {
                    let s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3)
                    let s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10)
                    w[t] = w[t - 16] &+ s0 &+ w[t - 7] &+ s1
                }
                var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7]
                for t in 0..<64 {
                    let s1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)
                    let ch = (e & f) ^ (~e & g)
                    let t1 = hh &+ s1 &+ ch &+ kp[t] &+ w[t]
                    let s0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)
                    let maj = (a & b) ^ (a & c) ^ (b & c)
                    let t2 = s0 &+ maj
                    hh = g; g = f; f = e; e = d &+ t1; d = c; c = b; b = a; a = t1 &+ t2
                }
                h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d
                h[4] = h[4] &+ e; h[5] = h[5] &+ f; h[6] = h[6] &+ g; h[7] = h[7] &+ hh
            }
        }
    }

    @inline(__always) private static func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
}

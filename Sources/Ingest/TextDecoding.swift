public import DocumentModel
import LegacyText
import Foundation
import VietnameseText

/// Decoded text: UTF-8 bytes with LF line ends, the encoding that was detected, and warnings.
public struct DecodedText: Sendable {
    public var utf8: [UInt8]
    public var encoding: String
    public var warnings: [Warning]
}

/// Encodings a user can name to override detection.
public enum TextEncoding: String, Sendable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case utf16le = "utf-16le"
    case utf16be = "utf-16be"
    case windows1258 = "windows-1258"
    /// Pre-Unicode Vietnamese 8-bit encodings (ABC/.VnTime, VNI, VISCII, VPS) and VIQR, which
    /// writes marks with ASCII characters (decoded only when named, never guessed).
    case tcvn3
    case vni
    case viscii
    case vps
    case viqr

    /// The legacy table a named legacy encoding reads with.
    var legacy: LegacyEncoding? {
        switch self {
        case .tcvn3: .tcvn3
        case .vni: .vni
        case .viscii: .viscii
        case .vps: .vps
        case .viqr: .viqr
        case .auto, .utf8, .utf16le, .utf16be, .windows1258: nil
        }
    }
}

/// Why bytes could not be read as text; the reader turns it into a `DocumentError`.
public struct DecodingFailure: Error, Sendable, Equatable {
    public var code: DocumentError.Code
    public var reason: String
}

public enum TextDecoding {
    /// A Windows-1258 decoding is accepted when at least this share of its words are
    /// Vietnamese syllables and at least `minMarkedShare` of them carry Vietnamese marks.
    public static let minSyllableShare = 0.6
    public static let minMarkedShare = 0.15

    /// Decodes text bytes: BOM first (UTF-8, UTF-16 LE/BE), then UTF-8, then Windows-1258 when
    /// that reads as Vietnamese. Line ends become LF.
    public static func decode(_ bytes: [UInt8], encoding: TextEncoding = .auto) throws(DecodingFailure) -> DecodedText {
        var warnings: [Warning] = []
        var utf8: [UInt8]
        var name: String
        switch encoding {
        case .auto:
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                utf8 = Array(bytes.dropFirst(3))
                if let bad = UTF8Validation.firstInvalidOffset(utf8) {
                    throw DecodingFailure(code: .undecodable, reason: "starts with a UTF-8 byte-order mark but is not valid UTF-8 (byte 0x\(hex(utf8[bad])) at offset \(bad + 3))")
                }
                name = "utf-8-bom"
            } else if bytes.starts(with: [0xFF, 0xFE]) {
                utf8 = try utf16(bytes.dropFirst(2), littleEndian: true)
                name = "utf-16le"
            } else if bytes.starts(with: [0xFE, 0xFF]) {
                utf8 = try utf16(bytes.dropFirst(2), littleEndian: false)
                name = "utf-16be"
            } else {
                try rejectBinary(bytes)
                if let bad = UTF8Validation.firstInvalidOffset(bytes) {
                    (utf8, name) = try legacyOrWindows1258(bytes, firstInvalid: bad, warnings: &warnings)
                } else {
                    utf8 = bytes
                    name = "utf-8"
                }
            }
        case .utf8:
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
            if let bad = UTF8Validation.firstInvalidOffset(body) {
                throw DecodingFailure(code: .undecodable, reason: "not valid UTF-8 (byte 0x\(hex(body[bad])) at offset \(bad))")
            }
            utf8 = body
            name = "utf-8"
        case .utf16le, .utf16be:
            let le = encoding == .utf16le
            let bom: [UInt8] = le ? [0xFF, 0xFE] : [0xFE, 0xFF]
            utf8 = try utf16(bytes.starts(with: bom) ? bytes.dropFirst(2) : bytes[...], littleEndian: le)
            name = encoding.rawValue
        case .windows1258:
            utf8 = try windows1258(bytes, firstInvalid: nil, warnings: &warnings)
            name = "windows-1258"
        case .tcvn3, .vni, .viscii, .vps, .viqr:
            try rejectBinary(bytes)
            utf8 = encoding.legacy.map { LegacyDecoder.decodeFile(bytes, as: $0) } ?? bytes
            name = encoding.rawValue
        }
        return DecodedText(utf8: unifyLineEnds(utf8), encoding: name, warnings: warnings)
    }

    /// Bytes the caller has already found to be well-formed UTF-8 without a byte-order mark:
    /// only line ends are unified (no second validation pass).
    public static func validatedUTF8(_ bytes: [UInt8]) -> DecodedText {
        DecodedText(utf8: unifyLineEnds(bytes), encoding: "utf-8", warnings: [])
    }

    /// NUL bytes or a high share of control characters mean this is not text in an 8-bit or
    /// UTF-8 encoding (UTF-16 without a byte-order mark is refused here too).
    static func rejectBinary(_ bytes: [UInt8]) throws(DecodingFailure) {
        let head = bytes.prefix(1 << 16)
        var controls = 0
        for (i, b) in head.enumerated() {
            if b == 0 {
                throw DecodingFailure(code: .binary, reason: "binary content, not text (NUL byte at offset \(i))")
            }
            if b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C && b != 0x0B && b != 0x1B { controls += 1 }
        }
        if controls * 100 > max(head.count, 1) {
            throw DecodingFailure(code: .binary, reason: "binary content, not text (\(controls) control bytes in the first \(head.count))")
        }
    }

    static func utf16(_ body: ArraySlice<UInt8>, littleEndian: Bool) throws(DecodingFailure) -> [UInt8] {
        guard body.count % 2 == 0 else {
            throw DecodingFailure(code: .undecodable, reason: "UTF-16 text with an odd number of bytes (\(body.count + 2)): truncated")
        }
        var units = [UInt16]()
        units.reserveCapacity(body.count / 2)
        var i = body.startIndex
        while i < body.endIndex {
            let a = UInt16(body[i]), b = UInt16(body[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var out = [UInt8]()
        out.reserveCapacity(units.count * 2)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var index = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                UTF8.encode(s) { out.append($0) }
                index += s.value > 0xFFFF ? 2 : 1
            case .emptyInput:
                break loop
            case .error:
                throw DecodingFailure(code: .undecodable, reason: "not valid UTF-16 (unpaired surrogate near code unit \(index))")
            }
        }
        if out.contains(0) {
            throw DecodingFailure(code: .binary, reason: "binary content, not text (NUL character in UTF-16 text)")
        }
        return out
    }

    static func windows1258(_ bytes: [UInt8], firstInvalid: Int?, warnings: inout [Warning]) throws(DecodingFailure) -> [UInt8] {
        let why = firstInvalid.map { "not valid UTF-8 (byte 0x\(hex(bytes[$0])) at offset \($0))" } ?? "read as Windows-1258"
        if let bad = bytes.firstIndex(where: { undefinedInWindows1258[Int($0)] }) {
            throw DecodingFailure(code: .undecodable, reason: "\(why), and not Windows-1258 either (byte 0x\(hex(bytes[bad])) at offset \(bad) is not defined in it)")
        }
        let decoded: [UInt8]
        do {
            decoded = try ICU.decode(bytes, charset: "windows-1258")
        } catch {
            throw DecodingFailure(code: .undecodable, reason: "\(why), and not Windows-1258 either (\(error))")
        }
        // ICU's windows-1258 gives combining tone marks: compose before judging.
        let composed = VietnameseNormalizer.normalize(decoded, options: NormalizationOptions(tones: nil, whitespace: false))
        let score = composed.withUnsafeBufferPointer { VietnameseScore.measure($0) }
        let markedShare = score.words == 0 ? 0 : Double(score.markedSyllables) / Double(score.words)
        let percent = Int((score.syllableShare * 100).rounded())
        if firstInvalid != nil && (score.syllableShare < minSyllableShare || markedShare < minMarkedShare) {
            throw DecodingFailure(
                code: .undecodable,
                reason: "\(why), and as Windows-1258 it does not read as Vietnamese (\(percent)% of \(score.words) words are syllables); name the encoding with the read stage's `encoding` option"
            )
        }
        warnings.append(Warning(
            stage: "read", code: "decoded-windows-1258",
            message: "\(why); decoded as Windows-1258, where \(percent)% of \(score.words) words are Vietnamese syllables"
        ))
        return composed
    }

    /// Bytes that are not UTF-8: the pre-Unicode encoding whose decoding reads most as
    /// Vietnamese (TCVN3, VNI, VISCII, VPS or Windows-1258, judged by valid syllables), with a
    /// warning that names it and how sure the choice is.
    public static func legacyOrWindows1258(_ bytes: [UInt8], firstInvalid: Int?, warnings: inout [Warning]) throws(DecodingFailure) -> ([UInt8], String) {
        if let detected = LegacyDetect.detect(bytes), detected.encoding != .windows1258 {
            let decoded = LegacyDecoder.decodeFile(bytes, as: detected.encoding)
            let percent = Int((detected.syllableShare * 100).rounded())
            let why = firstInvalid.map { "not valid UTF-8 (byte 0x\(hex(bytes[$0])) at offset \($0))" } ?? "not UTF-8"
            if detected.confidence < lowConfidence {
                warnings.append(Warning(
                    stage: "read", code: "decoded-legacy-low-confidence",
                    message: "\(why); decoded as \(detected.encoding.rawValue), where \(percent)% of the words are Vietnamese syllables, but another encoding comes close: check the text, or name the encoding with the read stage's `encoding` option"))
            } else {
                warnings.append(Warning(
                    stage: "read", code: "decoded-legacy",
                    message: "\(why); decoded as \(detected.encoding.rawValue) (pre-Unicode Vietnamese), where \(percent)% of the words are Vietnamese syllables"))
            }
            return (decoded, detected.encoding.rawValue)
        }
        return (try windows1258(bytes, firstInvalid: firstInvalid, warnings: &warnings), "windows-1258")
    }

    /// Below this detection confidence a legacy decoding gets a warning that says so.
    public static let lowConfidence = 0.5

    /// Bytes Windows-1258 leaves undefined. ICU maps them to the C1 control of the same value
    /// instead of failing, so they are found by asking ICU for each byte from 0x80 to 0x9F.
    static let undefinedInWindows1258: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for b in 0x80...0x9F {
            let decoded = (try? ICU.decode([UInt8(b)], charset: "windows-1258")) ?? []
            let c1 = [0xC2, UInt8(b)]
            table[b] = decoded.isEmpty || decoded == c1
        }
        return table
    }()

    /// CRLF and lone CR become LF.
    static func unifyLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        let hasCR = bytes.withUnsafeBufferPointer { p in p.baseAddress.map { memchr($0, 0x0D, p.count) != nil } ?? false }
        guard hasCR else { return bytes }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    static func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
    }
}

/// UTF-8 validation over bytes with an ASCII fast path (no `String` is built).
public enum UTF8Validation {
    /// Offset of the first byte that breaks well-formed UTF-8, or nil when all is well-formed.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { p -> Int? in
            guard let base = p.baseAddress else { return nil }
            let n = p.count
            var i = 0
            while i < n {
                // Eight ASCII bytes at a time.
                if i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                }
                let b = p[i]
                if b < 0x80 { i += 1; continue }
                if b < 0xC2 { return i }
                if b < 0xE0 {
                    guard i + 1 < n, p[i + 1] & 0xC0 == 0x80 else { return i }
                    i += 2
                    continue
                }
                if b < 0xF0 {
                    guard i + 2 < n else { return i }
                    let c1 = p[i + 1], c2 = p[i + 2]
                    guard c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80 else { return i }
                    if b == 0xE0 && c1 < 0xA0 { return i }  // overlong
                    if b == 0xED && c1 > 0x9F { return i }  // surrogates
                    i += 3
                    continue
                }
                guard b < 0xF5, i + 3 < n else { return i }
                let c1 = p[i + 1]
                guard c1 & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 else { return i }
                if b == 0xF0 && c1 < 0x90 { return i }  // overlong
                if b == 0xF4 && c1 > 0x8F { return i }  // above U+10FFFF
                i += 4
            }
            return nil
        }
    }
}

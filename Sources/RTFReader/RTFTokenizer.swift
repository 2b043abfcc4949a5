import DocumentModel

/// A problem found while reading an RTF file; `RTFReader.read` turns it into a `DocumentError`
/// that names the file.
struct RTFProblem: Error {
    var code: DocumentError.Code
    var reason: String
}

/// One lexical unit of RTF ([RTF 1.9.1] "Conventions of an RTF Reader").
enum RTFToken: Equatable {
    case groupStart
    case groupEnd
    /// `\word` or `\word-12`: letters, then an optional signed decimal parameter.
    case word(String, Int?)
    /// `\` followed by one non-letter (`\~`, `\*`, `\{`, `\'` is `hex`).
    case symbol(UInt8)
    /// `\'hh`: one byte in the current code page.
    case hex(UInt8)
    /// Plain bytes (no backslash, brace or line end), by their range in the input.
    case text(Range<Int>)
    /// The data of `\binN`, by its range in the input.
    case binary(Range<Int>)
}

/// Splits RTF bytes into tokens with one forward pass; nothing is copied except control word
/// names (short strings, stored inline). Line ends outside `\bin` data are dropped, as RTF says.
struct RTFTokenizer {
    let bytes: [UInt8]
    private(set) var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    private static let backslash = UInt8(ascii: "\\"), open = UInt8(ascii: "{"), close = UInt8(ascii: "}")

    mutating func next() throws(RTFProblem) -> RTFToken? {
        let n = bytes.count
        while position < n {
            let b = bytes[position]
            switch b {
            case Self.open:
                position += 1
                return .groupStart
            case Self.close:
                position += 1
                return .groupEnd
            case Self.backslash:
                return try control()
            case 0x0D, 0x0A:
                position += 1
            default:
                let start = position
                position += 1
                while position < n {
                    let c = bytes[position]
                    if c == Self.backslash || c == Self.open || c == Self.close || c == 0x0D || c == 0x0A { break }
                    position += 1
                }
                return .text(start..<position)
            }
        }
        return nil
    }

    private mutating func control() throws(RTFProblem) -> RTFToken? {
        let n = bytes.count
        position += 1  // the backslash
        guard position < n else { return nil }
        let first = bytes[position]
        if !Self.isLetter(first) {
            position += 1
            if first == UInt8(ascii: "'") {
                guard position + 2 <= n, let high = Self.hexValue(bytes[position]), let low = Self.hexValue(bytes[position + 1]) else {
                    return .symbol(UInt8(ascii: "?"))  // a broken \' escape: nothing sensible to decode
                }
                position += 2
                return .hex(high << 4 | low)
            }
            // "\" before a line end is a paragraph mark.
            if first == 0x0D || first == 0x0A { return .word("par", nil) }
            return .symbol(first)
        }
        let nameStart = position
        while position < n, Self.isLetter(bytes[position]), position - nameStart < 32 { position += 1 }
        let name = String(decoding: bytes[nameStart..<position], as: UTF8.self)
        // Skip letters past 32 (a name that long is not a real control word).
        while position < n, Self.isLetter(bytes[position]) { position += 1 }
        var parameter: Int?
        if position < n, bytes[position] == UInt8(ascii: "-") || Self.isDigit(bytes[position]) {
            var negative = false
            if bytes[position] == UInt8(ascii: "-") {
                negative = true
                position += 1
            }
            var value = 0
            var digits = 0
            while position < n, Self.isDigit(bytes[position]) {
                // Clamp: RTF parameters are 16- or 32-bit; more digits are a broken or hostile file.
                if digits < 10 { value = value * 10 + Int(bytes[position] - 0x30) }
                digits += 1
                position += 1
            }
            if digits > 0 || negative { parameter = negative ? -value : value }
        }
        if position < n, bytes[position] == 0x20 { position += 1 }
        if name == "bin" {
            let length = max(0, parameter ?? 0)
            guard length <= n - position else {
                throw RTFProblem(code: .malformed,
                                 reason: "\\bin\(length) announces \(length) bytes of binary data but only \(n - position) remain; the file is truncated or corrupt")
            }
            let range = position..<(position + length)
            position += length
            return .binary(range)
        }
        return .word(name, parameter)
    }

    @inline(__always) private static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) private static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case 0x30...0x39: b - 0x30
        case 0x41...0x46: b - 0x41 + 10
        case 0x61...0x66: b - 0x61 + 10
        default: nil
        }
    }
}

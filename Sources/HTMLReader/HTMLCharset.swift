import DocumentModel
import Ingest

/// Finds a page's character encoding and decodes its bytes to UTF-8 before libxml2 sees them:
/// libxml2 would read an undeclared page as Latin-1, and it knows nothing of Windows-1258's
/// combining tone marks, so it is always handed UTF-8.
enum HTMLCharset {
    /// How far into the bytes the `<meta>` declaration is looked for (browsers look at 1 KB;
    /// pages with long comments or scripts before it are common enough to look further).
    static let prescanBytes = 4096

    /// What the page says about its encoding.
    enum Declaration: Equatable {
        case none
        /// A label vndoc can read.
        case supported(TextEncoding, label: String)
        /// A label vndoc cannot read (Latin-1, VISCII, TCVN3, …).
        case unsupported(label: String)
    }

    /// The decoded page: UTF-8 bytes (no BOM, LF line ends), the name of the encoding used and
    /// warnings about how it was chosen.
    struct Decoded {
        var utf8: [UInt8]
        var encoding: String
        var warnings: [Warning]
    }

    /// Decodes by, in order: `forced` (the user's option), a byte-order mark, the page's
    /// `<meta>` declaration, UTF-8 when the bytes are valid UTF-8, else Windows-1258.
    static func decode(_ bytes: [UInt8], forced: TextEncoding?, path: String) throws(DocumentError) -> Decoded {
        if let forced, forced != .auto {
            return try run(bytes, forced, path: path)
        }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if hasBOM {
            // The decoder's automatic mode reads byte-order marks (and names "utf-8-bom").
            return try run(bytes, .auto, path: path)
        }
        var warnings: [Warning] = []
        // Validated at most once: a page found valid is not checked again by the decoder.
        var validated: Bool?
        func isValidUTF8() -> Bool {
            if let validated { return validated }
            let valid = UTF8Validation.firstInvalidOffset(bytes) == nil
            validated = valid
            return valid
        }
        switch declaredCharset(bytes) {
        case .supported(let encoding, _) where encoding == .windows1258:
            // Declared: the decoder's "read as Windows-1258" note would only repeat the page.
            var decoded = try run(bytes, .windows1258, path: path)
            decoded.warnings.removeAll { $0.code == "decoded-windows-1258" }
            return decoded
        case .supported(let encoding, let label):
            if encoding == .utf8 && isValidUTF8() {
                return validUTF8(bytes)
            }
            if encoding != .utf8 {
                return try run(bytes, encoding, path: path)
            }
            warnings.append(Warning(
                stage: "read", code: "html-charset-mismatch",
                message: "the page declares charset \"\(label)\" but is not valid UTF-8; read as Windows-1258"))
        case .unsupported(let label):
            if bytes.contains(where: { $0 >= 0x80 }) {
                warnings.append(Warning(
                    stage: "read", code: "html-charset-unsupported",
                    message: "the page declares charset \"\(label)\", which vndoc does not read; read as UTF-8 if valid, else Windows-1258 (name the encoding with the read stage's `encoding` option)"))
            }
        case .none:
            break
        }
        if isValidUTF8() {
            var decoded = validUTF8(bytes)
            decoded.warnings = warnings
            return decoded
        }
        // Not UTF-8 and no usable declaration: the pre-Unicode encoding that reads most as
        // Vietnamese (TCVN3, VNI, VISCII, VPS), else Windows-1258.
        var decodedWarnings: [Warning] = []
        let utf8: [UInt8], name: String
        do {
            (utf8, name) = try TextDecoding.legacyOrWindows1258(bytes, firstInvalid: nil, warnings: &decodedWarnings)
        } catch {
            throw DocumentError(error.code, path: path, stage: "read", reason: error.reason)
        }
        if name == "windows-1258" {
            decodedWarnings.removeAll { $0.code == "decoded-windows-1258" }
            if warnings.isEmpty {
                decodedWarnings.append(Warning(
                    stage: "read", code: "decoded-windows-1258",
                    message: "the page declares no charset and is not valid UTF-8; decoded as Windows-1258"))
            }
        }
        return Decoded(utf8: utf8, encoding: name, warnings: warnings + decodedWarnings)
    }

    /// Bytes already validated as UTF-8 (no byte-order mark): not validated again.
    private static func validUTF8(_ bytes: [UInt8]) -> Decoded {
        let decoded = TextDecoding.validatedUTF8(bytes)
        return Decoded(utf8: decoded.utf8, encoding: decoded.encoding, warnings: decoded.warnings)
    }

    /// One call of Ingest's decoder, its failure turned into the reader's error.
    private static func run(_ bytes: [UInt8], _ encoding: TextEncoding, path: String) throws(DocumentError) -> Decoded {
        do {
            let decoded = try TextDecoding.decode(bytes, encoding: encoding)
            return Decoded(utf8: decoded.utf8, encoding: decoded.encoding, warnings: decoded.warnings)
        } catch {
            throw DocumentError(error.code, path: path, stage: "read", reason: error.reason)
        }
    }

    // MARK: - The <meta> prescan

    /// The charset a `<meta charset>` or `<meta http-equiv="Content-Type" content="…;
    /// charset=…">` in the first `prescanBytes` bytes declares. Comments are skipped so that a
    /// commented-out declaration does not count.
    static func declaredCharset(_ bytes: [UInt8]) -> Declaration {
        let head = bytes.prefix(prescanBytes)
        var i = head.startIndex
        while i < head.endIndex {
            guard let lt = head[i...].firstIndex(of: UInt8(ascii: "<")) else { break }
            if head[lt...].starts(with: Array("<!--".utf8)) {
                i = indexAfter("-->", in: head, from: lt + 4) ?? head.endIndex
                continue
            }
            if startsWithTag(head, at: lt, name: "meta") {
                let (attributes, end) = attributes(head, from: lt + 5)
                if let label = charsetLabel(attributes) {
                    return declaration(label)
                }
                i = end
                continue
            }
            i = lt + 1
        }
        return .none
    }

    /// Maps a charset label (WHATWG names and common aliases) to an encoding vndoc reads.
    static func declaration(_ rawLabel: String) -> Declaration {
        let label = rawLabel.lowercased()
        switch label {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8":
            return .supported(.utf8, label: label)
        // A UTF-16 page could not have been prescanned as ASCII: browsers read it as UTF-8.
        case "utf-16", "utf-16le", "utf-16be", "unicode", "ucs-2":
            return .supported(.utf8, label: label)
        case "windows-1258", "cp1258", "x-cp1258":
            return .supported(.windows1258, label: label)
        default:
            return .unsupported(label: label)
        }
    }

    /// The charset named by `charset=…`, or by `http-equiv="content-type"` with `content`.
    private static func charsetLabel(_ attributes: [(name: String, value: String)]) -> String? {
        if let charset = attributes.first(where: { $0.name == "charset" })?.value {
            let trimmed = trim(charset)
            return trimmed.isEmpty ? nil : trimmed
        }
        let isContentType = attributes.contains { $0.name == "http-equiv" && trim($0.value).lowercased() == "content-type" }
        guard isContentType, let content = attributes.first(where: { $0.name == "content" })?.value else { return nil }
        return charsetInContent(content)
    }

    /// `text/html; charset=windows-1258` → `windows-1258` (quotes allowed around the value).
    static func charsetInContent(_ content: String) -> String? {
        let lower = content.lowercased()
        guard let range = lower.range(of: "charset") else { return nil }
        var rest = lower[range.upperBound...].drop { $0 == " " || $0 == "\t" }
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop { $0 == " " || $0 == "\t" }
        if let quote = rest.first, quote == "\"" || quote == "'" {
            rest = rest.dropFirst()
            let value = rest.prefix { $0 != quote }
            return value.isEmpty ? nil : String(value)
        }
        let value = rest.prefix { $0 != ";" && $0 != " " && $0 != "\t" && $0 != "\"" && $0 != "'" }
        return value.isEmpty ? nil : String(value)
    }

    /// Attributes of a tag from just after its name up to its `>`, names lowercased, and the
    /// index after the tag. Bytes outside ASCII are kept as Latin-1 characters: only ASCII
    /// names and labels matter here.
    private static func attributes(_ head: ArraySlice<UInt8>, from start: Int) -> ([(name: String, value: String)], Int) {
        var result: [(name: String, value: String)] = []
        var i = start
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0C || b == 0x0D || b == UInt8(ascii: "/") }
        func text(_ slice: ArraySlice<UInt8>) -> String { String(slice.map { Character(Unicode.Scalar($0)) }) }
        while i < head.endIndex {
            while i < head.endIndex && isSpace(head[i]) { i += 1 }
            guard i < head.endIndex, head[i] != UInt8(ascii: ">") else { return (result, min(i + 1, head.endIndex)) }
            let nameStart = i
            while i < head.endIndex && !isSpace(head[i]) && head[i] != UInt8(ascii: "=") && head[i] != UInt8(ascii: ">") { i += 1 }
            let name = text(head[nameStart..<i]).lowercased()
            while i < head.endIndex && isSpace(head[i]) && head[i] != UInt8(ascii: "/") { i += 1 }
            var value = ""
            if i < head.endIndex && head[i] == UInt8(ascii: "=") {
                i += 1
                while i < head.endIndex && (head[i] == 0x20 || head[i] == 0x09 || head[i] == 0x0A) { i += 1 }
                if i < head.endIndex && (head[i] == UInt8(ascii: "\"") || head[i] == UInt8(ascii: "'")) {
                    let quote = head[i]
                    let valueStart = i + 1
                    let valueEnd = head[valueStart...].firstIndex(of: quote) ?? head.endIndex
                    value = text(head[valueStart..<valueEnd])
                    i = min(valueEnd + 1, head.endIndex)
                } else {
                    let valueStart = i
                    while i < head.endIndex && !isSpace(head[i]) && head[i] != UInt8(ascii: ">") { i += 1 }
                    value = text(head[valueStart..<i])
                }
            }
            if !name.isEmpty { result.append((name, value)) }
        }
        return (result, head.endIndex)
    }

    /// `<meta` (any case) followed by a space, `/` or `>`.
    private static func startsWithTag(_ head: ArraySlice<UInt8>, at lt: Int, name: String) -> Bool {
        let letters = Array(name.utf8)
        guard lt + letters.count + 1 < head.endIndex else { return false }
        for (k, letter) in letters.enumerated() where head[lt + 1 + k] | 0x20 != letter { return false }
        let after = head[lt + 1 + letters.count]
        return after == 0x20 || after == 0x09 || after == 0x0A || after == 0x0C || after == 0x0D || after == UInt8(ascii: "/") || after == UInt8(ascii: ">")
    }

    private static func indexAfter(_ marker: String, in head: ArraySlice<UInt8>, from start: Int) -> Int? {
        let m = Array(marker.utf8)
        var i = start
        while i + m.count <= head.endIndex {
            if head[i..<i + m.count].elementsEqual(m) { return i + m.count }
            i += 1
        }
        return nil
    }

    private static func trim(_ s: String) -> String {
        String(s.drop { $0 == " " || $0 == "\t" || $0 == "\n" }.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\n" }.reversed())
    }
}

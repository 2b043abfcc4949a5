/// What a file is, judged by its content rather than its name.
public enum Sniffed: Sendable, Equatable {
    /// Text in some character encoding (plain text for now; markup is read as text until the
    /// HTML reader lands).
    case text
    /// A format vndoc recognises but does not read (yet): its name for the error message.
    case unsupported(String)
}

public enum Sniffer {
    /// Signatures of formats that must never be read as text, with the name a user knows them by.
    private static let signatures: [(magic: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "PDF"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "OLE2 compound file (Word 97-2003 .doc, .xls or .ppt)"),
        (Array("{\\rtf".utf8), "RTF"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG image"),
        ([0xFF, 0xD8, 0xFF], "JPEG image"),
        (Array("GIF87a".utf8), "GIF image"),
        (Array("GIF89a".utf8), "GIF image"),
        ([0x49, 0x49, 0x2A, 0x00], "TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], "TIFF image"),
        ([0x1F, 0x8B], "gzip archive"),
        (Array("7z".utf8) + [0xBC, 0xAF, 0x27, 0x1C], "7-Zip archive"),
        (Array("Rar!".utf8), "RAR archive"),
        (Array("\u{7F}ELF".utf8), "ELF executable"),
    ]

    public static func sniff(_ bytes: [UInt8]) -> Sniffed {
        for (magic, name) in signatures where bytes.starts(with: magic) {
            return .unsupported(name)
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            return .unsupported(zipKind(bytes))
        }
        return .text
    }

    /// Names a ZIP by the members an office format puts in it (found in the local headers).
    private static func zipKind(_ bytes: [UInt8]) -> String {
        let head = bytes.prefix(1 << 16)
        func has(_ name: String) -> Bool {
            let needle = Array(name.utf8)
            guard head.count >= needle.count else { return false }
            var i = head.startIndex
            while i + needle.count <= head.endIndex {
                if head[i] == needle[0] && head[i..<(i + needle.count)].elementsEqual(needle) { return true }
                i += 1
            }
            return false
        }
        if has("word/") { return "DOCX (the Word reader is not built yet)" }
        if has("xl/") { return "XLSX spreadsheet" }
        if has("ppt/") { return "PPTX presentation" }
        if has("application/vnd.oasis.opendocument") { return "OpenDocument (ODT/ODS)" }
        return "ZIP archive"
    }
}

/// What a file is, judged by its content rather than its name.
public enum Sniffed: Sendable, Equatable {
    /// Text in some character encoding.
    case text
    /// An HTML page (markup that opens with a doctype, `<html>`, `<head>`, `<body>` or such).
    case html
    /// A ZIP holding `[Content_Types].xml` and `word/document.xml`: a Word 2007+ file.
    case docx
    /// An OLE2 compound file: a Word 97–2003 `.doc` (the reader refuses Excel and PowerPoint ones).
    case doc
    /// Rich Text Format (`{\rtf`).
    case rtf
    /// A format vndoc recognises but does not read (yet): its name for the error message.
    case unsupported(String)
}

public enum Sniffer {
    /// Signatures of formats that must never be read as text, with the name a user knows them by.
    private static let signatures: [(magic: [UInt8], name: String)] = [
        (Array("%PDF-".utf8), "PDF"),
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
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .doc }
        if bytes.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        for (magic, name) in signatures where bytes.starts(with: magic) {
            return .unsupported(name)
        }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            let kind = zipKind(bytes)
            return kind == "DOCX" ? .docx : .unsupported(kind)
        }
        return looksLikeHTML(bytes) ? .html : .text
    }

    /// Markup at the start (after a BOM, spaces and comments) that only an HTML page opens with,
    /// or an `<html` / `<body` tag near the start of a file that opens with `<`.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        let head = bytes.prefix(4096)
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C }
        while i < head.count, isSpace(head[i]) { i += 1 }
        guard i < head.count, head[i] == UInt8(ascii: "<") else { return false }
        let lower = head.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        func at(_ k: Int, _ s: String) -> Bool {
            let needle = Array(s.utf8)
            return k + needle.count <= lower.count && lower[k..<(k + needle.count)].elementsEqual(needle)
        }
        for opening in ["<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<div", "<p>", "<p ", "<table", "<h1", "<h2", "<ul", "<!--"] where at(i, opening) {
            return true
        }
        // An XML declaration or other markup: HTML only if it has an <html or <body tag soon.
        for k in i..<lower.count where lower[k] == UInt8(ascii: "<") && (at(k, "<html") || at(k, "<body")) {
            return true
        }
        return false
    }

    /// Names a ZIP by the members an office format puts in it (found in the local headers).
    private static func zipKind(_ bytes: [UInt8]) -> String {
        // Local headers near the start, and the central directory at the end, name the members.
        let head = bytes.prefix(1 << 16), tail = bytes.suffix(1 << 16)
        func has(_ name: String) -> Bool {
            let needle = Array(name.utf8)
            for part in [head, tail] where part.count >= needle.count {
                var i = part.startIndex
                while i + needle.count <= part.endIndex {
                    if part[i] == needle[0] && part[i..<(i + needle.count)].elementsEqual(needle) { return true }
                    i += 1
                }
            }
            return false
        }
        if has("word/document.xml") && has("[Content_Types].xml") { return "DOCX" }
        if has("word/") { return "DOCX without its main part (word/document.xml or [Content_Types].xml missing)" }
        if has("xl/") { return "XLSX spreadsheet" }
        if has("ppt/") { return "PPTX presentation" }
        if has("application/vnd.oasis.opendocument") { return "OpenDocument (ODT/ODS)" }
        return "ZIP archive"
    }
}

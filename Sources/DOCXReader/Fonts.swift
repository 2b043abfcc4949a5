import DocumentModel
import Foundation

/// The font a run's text is set in, as Word decides it: the first of these that names one
///
///     run properties (w:rPr/w:rFonts)
///     the run's character style (w:rStyle), then the styles it is based on
///     the paragraph's style (w:pStyle, else the default paragraph style), then its bases
///     the document defaults (w:docDefaults/w:rPrDefault)
///
/// At each step `w:rFonts` is read as `w:asciiTheme`, `w:ascii`, `w:hAnsiTheme`, `w:hAnsi` in
/// that order (a theme attribute overrides its plain twin, as in Word); theme names
/// ("minorHAnsi", "majorAscii", …) resolve through the theme's major and minor Latin fonts.
/// Table styles and the fonts Word picks per character class (east Asian, complex script) are
/// not considered: for the ASCII and high-ANSI text that legacy Vietnamese fonts cover, this is
/// the font that shows it.
enum FontChoice {
    /// The font a `w:rFonts` element names, or nil to ask the next step. Attributes are read in
    /// order of precedence and no further than the first that names a font.
    static func font(_ stream: XMLStream, theme: ThemeFonts) -> String? {
        if let font = theme.font(stream.attribute("asciiTheme")) ?? name(stream.attribute("ascii")) { return font }
        return theme.font(stream.attribute("hAnsiTheme")) ?? name(stream.attribute("hAnsi"))
    }

    /// A font name as declared (without surrounding spaces), nil when empty.
    static func name(_ value: String?) -> String? {
        guard let value, let firstByte = value.utf8.first, let lastByte = value.utf8.last else { return nil }
        // Printable ASCII at both ends (nearly always): nothing to trim.
        if firstByte > 0x20, firstByte < 0x7F, lastByte > 0x20, lastByte < 0x7F { return value }
        guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last else { return nil }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return value }
        let trimmed = value.trimmingSpace(.whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }
}

/// The fonts of the document's theme (word/theme/theme1.xml): the Latin typefaces of its major
/// (headings) and minor (body) fonts.
struct ThemeFonts {
    private(set) var major: String?
    private(set) var minor: String?

    init() {}

    init(major: String?, minor: String?) {
        self.major = major
        self.minor = minor
    }

    init(stream: XMLStream) throws(DocumentError) {
        var inMajor = false
        var inMinor = false
        while let event = try stream.next() {
            switch (event, stream.tag) {
            case (.start, .majorFont): inMajor = true
            case (.end, .majorFont): inMajor = false
            case (.start, .minorFont): inMinor = true
            case (.end, .minorFont): inMinor = false
            case (.start, .latin):
                let face = FontChoice.name(stream.attribute("typeface", namespace: .unqualified))
                if inMajor, major == nil { major = face }
                if inMinor, minor == nil { minor = face }
            default:
                break
            }
        }
    }

    /// The font of a theme font name: "majorAscii", "majorHAnsi", … → the major font; "minor…" →
    /// the minor font; nil for anything else or when the theme has none.
    func font(_ themeName: String?) -> String? {
        guard let themeName else { return nil }
        if themeName.hasPrefix("major") { return major }
        if themeName.hasPrefix("minor") { return minor }
        return nil
    }
}

/// How often a font was used: Unicode scalars of run text (before any `runText` replacement)
/// resolved to it.
public struct DOCXFontUse: Sendable, Equatable {
    /// The font name as the document declares it (e.g. ".VnTime", "Times New Roman", or a
    /// LibreOffice fallback list such as "UVnTime;Times New Roman").
    public var name: String
    public var characters: Int

    public init(name: String, characters: Int) {
        self.name = name
        self.characters = characters
    }
}

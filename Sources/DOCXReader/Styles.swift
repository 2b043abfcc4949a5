import DocumentModel
import Foundation

/// What the reader needs from word/styles.xml: which paragraph styles are headings (and of
/// which level), which carry list numbering and which font each style sets, with `w:basedOn`
/// inheritance resolved.
struct StyleSheet {
    struct Style {
        var name: String?
        var basedOn: String?
        var outlineLevel: Int?
        var numId: Int?
        var ilvl: Int?
        /// The font of the style's own `w:rPr/w:rFonts`.
        var font: String?
    }

    private(set) var styles: [String: Style] = [:]
    /// The style a paragraph without `w:pStyle` has (usually "Normal").
    private(set) var defaultParagraphStyle: String?
    /// The font of the document defaults (`w:docDefaults/w:rPrDefault`), theme resolved.
    private(set) var defaultFont: String?
    /// The theme the fonts were resolved with (for a run's own `w:asciiTheme`).
    let theme: ThemeFonts
    private var headingLevels: [String: Int] = [:]
    private var numberings: [String: (numId: Int?, ilvl: Int?)] = [:]
    private var fonts: [String: String] = [:]

    init(theme: ThemeFonts = ThemeFonts()) {
        self.theme = theme
    }

    /// Parses styles.xml and resolves each style's heading level, numbering and font once.
    init(stream: XMLStream, theme: ThemeFonts = ThemeFonts()) throws(DocumentError) {
        self.theme = theme
        var currentId: String?
        var current = Style()
        var styleDepth = 0
        var inPPr = false
        /// Depth of the `w:rPr` being read: the style's own, or the document defaults'.
        var rPrDepth: Int?
        var inDefaults = false
        var documentFont: String?
        var skipDepth: Int?
        while let event = try stream.next() {
            if let depth = skipDepth {
                if event == .end && stream.depth == depth { skipDepth = nil }
                continue
            }
            switch (event, stream.tag) {
            case (.start, .style):
                currentId = stream.attribute("styleId")
                current = Style()
                styleDepth = stream.depth
                let isParagraph = (stream.attribute("type") ?? "paragraph") == "paragraph"
                if isParagraph, stream.attribute("default").map({ $0 == "1" || $0 == "true" }) == true {
                    defaultParagraphStyle = currentId
                }
            case (.end, .style):
                if let id = currentId { styles[id] = current }
                currentId = nil
            case (.start, .pPrChange), (.start, .rPrChange):
                skipDepth = stream.depth
            case (.start, .name) where currentId != nil:
                current.name = stream.attribute("val")
            case (.start, .basedOn) where currentId != nil:
                current.basedOn = stream.attribute("val")
            case (.start, .pPr) where currentId != nil:
                inPPr = true
            case (.end, .pPr):
                inPPr = false
            case (.start, .rPrDefault):
                inDefaults = true
            case (.end, .rPrDefault):
                inDefaults = false
            case (.start, .rPr) where (currentId != nil && stream.depth == styleDepth + 1) || inDefaults:
                rPrDepth = stream.depth
            case (.end, .rPr) where stream.depth == rPrDepth:
                rPrDepth = nil
            case (.start, .rFonts) where rPrDepth.map { $0 + 1 == stream.depth } == true:
                let font = FontChoice.font(stream, theme: theme)
                if inDefaults { documentFont = font } else { current.font = font }
            case (.start, .outlineLvl) where inPPr:
                current.outlineLevel = stream.intValue()
            case (.start, .numId) where inPPr:
                current.numId = stream.intValue()
            case (.start, .ilvl) where inPPr:
                current.ilvl = stream.intValue()
            default:
                break
            }
        }
        // Each style's own name read once (a name is asked for by every style based on it).
        let nameLevels = styles.compactMapValues { $0.name.flatMap(Self.headingLevel(name:)) }
        for id in styles.keys {
            let links = chain(id)
            if let level = Self.resolveHeading(links, nameLevels: nameLevels) { headingLevels[id] = level }
            numberings[id] = Self.resolveNumbering(links)
            if let font = links.first(where: { $0.style.font != nil })?.style.font { fonts[id] = font }
        }
        defaultFont = documentFont
    }

    /// The font a style sets, through its `w:basedOn` chain; nil when none of them sets one.
    func font(_ styleId: String?) -> String? {
        guard let styleId else { return nil }
        return fonts[styleId]
    }

    /// The heading level (1-based) of a paragraph style, nil for body text.
    func headingLevel(_ styleId: String?) -> Int? {
        guard let styleId else { return nil }
        return headingLevels[styleId]
    }

    /// The list numbering a paragraph style carries (numId and level), if any.
    func numbering(_ styleId: String?) -> (numId: Int?, ilvl: Int?) {
        guard let styleId, let found = numberings[styleId] else { return (nil, nil) }
        return found
    }

    /// The chain of a style and the styles it is based on, stopping at a cycle or after 32 steps.
    private func chain(_ id: String) -> [(id: String, style: Style)] {
        var result: [(id: String, style: Style)] = []
        var seen: Set<String> = []
        var next: String? = id
        while let current = next, seen.count < 32, !seen.contains(current), let style = styles[current] {
            seen.insert(current)
            result.append((current, style))
            next = style.basedOn
        }
        return result
    }

    /// `nameLevels`: `headingLevel(name:)` of each style's name, for the styles it gives one.
    private static func resolveHeading(_ chain: [(id: String, style: Style)], nameLevels: [String: Int]) -> Int? {
        for (id, style) in chain {
            if style.name != nil, let level = nameLevels[id] { return level }
            if let outline = style.outlineLevel {
                // 9 is "body text": an explicit statement that this is not a heading.
                return (0...8).contains(outline) ? outline + 1 : nil
            }
        }
        return nil
    }

    private static func resolveNumbering(_ chain: [(id: String, style: Style)]) -> (numId: Int?, ilvl: Int?) {
        var numId: Int?
        var ilvl: Int?
        for (_, style) in chain {
            if numId == nil { numId = style.numId }
            if ilvl == nil { ilvl = style.ilvl }
        }
        return (numId, ilvl)
    }

    /// Names of the heading styles in the languages Word is used in here (Swift compares
    /// strings by canonical equivalence, so a decomposed "Tiêu đề" matches as well).
    private static let headingWords: Set<String> = [
        "heading", "tiêu đề", "đầu đề", "titre", "überschrift", "encabezado", "título", "titolo", "kop",
        "rubrik", "overskrift", "otsikko", "nagłówek", "заголовок", "标题", "見出し",
    ]
    private static let titleWords: Set<String> = ["title", "tiêu đề", "titre", "titel", "título", "titolo"]

    /// "heading 2" → 2, "Tiêu đề 3" → 3, "Title" → 1; nil for other names.
    static func headingLevel(name: String) -> Int? {
        let lower = name.lowercased().trimmingSpace(.whitespaces)
        if titleWords.contains(lower) { return 1 }
        // ASCII names (nearly all): the trailing digits by bytes, without walking characters.
        let utf8 = lower.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            var count = 0
            var level = 0
            for byte in utf8.reversed() {
                guard byte >= 0x30, byte <= 0x39 else { break }
                count += 1
                if count > 2 { return nil }
                level = count == 1 ? Int(byte - 0x30) : Int(byte - 0x30) * 10 + level
            }
            guard count > 0, (1...9).contains(level) else { return nil }
            let word = String(decoding: utf8.dropLast(count), as: UTF8.self).trimmingSpace(.whitespaces)
            return headingWords.contains(word) ? level : nil
        }
        let digits = lower.reversed().prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let level = Int(String(digits.reversed())), (1...9).contains(level) else {
            return nil
        }
        let word = String(lower.dropLast(digits.count)).trimmingSpace(.whitespaces)
        return headingWords.contains(word) ? level : nil
    }
}

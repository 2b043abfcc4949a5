import DocumentModel
import Foundation

/// The list definitions of word/numbering.xml.
///
/// An abstract list (`w:abstractNum`) defines up to nine levels; a list instance (`w:num`)
/// points at one and may override a level's start (`w:startOverride`) or the whole level
/// (`w:lvlOverride/w:lvl`). An abstract list may instead link to a numbering style
/// (`w:numStyleLink`): its levels are those of the abstract list that defines the style
/// (`w:styleLink`), found through the style's own `w:numPr` once the styles are known.
struct Numbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text: String?
        /// What follows the label: "tab" (Word's default), "space" or "nothing".
        var suffix = "tab"
        /// `w:isLgl`: every number in the label is shown in decimal ("1.2.3", not "I.B.iii").
        var isLegal = false
        /// `w:lvlRestart`: the (1-based) level whose use restarts this one; 0 never restarts it;
        /// nil (and a level not above this one) restarts it after any higher level.
        var restart: Int?
        /// `w:pStyle`: the paragraph style linked to this level (the level of a paragraph in that
        /// style that names no level).
        var paragraphStyle: String?
    }

    struct Abstract {
        var levels: [Int: Level] = [:]
        /// `w:styleLink`: the numbering style this list defines.
        var styleLink: String?
        /// `w:numStyleLink`: the numbering style whose list this one uses.
        var numStyleLink: String?
    }

    /// A `w:num`: an abstract list and what this instance overrides.
    struct Instance {
        var abstractId: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private(set) var abstracts: [Int: Abstract] = [:]
    private(set) var instances: [Int: Instance] = [:]
    /// Abstract lists linked to a numbering style → the abstract list that defines it.
    private var links: [Int: Int] = [:]

    init() {}

    init(stream: XMLStream) throws(DocumentError) {
        var abstractId: Int?
        var abstract = Abstract()
        var numId: Int?
        var instance = Instance(abstractId: -1)
        var overrideLevel: Int?
        var levelIndex: Int?
        var level = Level()
        while let event = try stream.next() {
            switch (event, stream.tag) {
            case (.start, .abstractNum):
                abstractId = stream.intValue("abstractNumId")
                abstract = Abstract()
            case (.end, .abstractNum):
                if let abstractId { abstracts[abstractId] = abstract }
                abstractId = nil
            case (.start, .styleLink) where abstractId != nil && levelIndex == nil:
                abstract.styleLink = stream.attribute("val")
            case (.start, .numStyleLink) where abstractId != nil && levelIndex == nil:
                abstract.numStyleLink = stream.attribute("val")
            case (.start, .num):
                numId = stream.intValue("numId")
                instance = Instance(abstractId: -1)
            case (.end, .num):
                if let numId, instance.abstractId >= 0 { instances[numId] = instance }
                numId = nil
            case (.start, .abstractNumId) where numId != nil:
                instance.abstractId = stream.intValue() ?? -1
            case (.start, .lvlOverride):
                overrideLevel = stream.intValue("ilvl")
            case (.end, .lvlOverride):
                overrideLevel = nil
            case (.start, .startOverride):
                if let overrideLevel, let value = stream.intValue() { instance.startOverrides[overrideLevel] = value }
            case (.start, .lvl):
                levelIndex = stream.intValue("ilvl")
                level = Level()
            case (.end, .lvl):
                if let index = levelIndex {
                    if overrideLevel != nil { instance.levelOverrides[index] = level } else { abstract.levels[index] = level }
                }
                levelIndex = nil
            case (.start, .start) where levelIndex != nil:
                level.start = stream.intValue() ?? 1
            case (.start, .numFmt) where levelIndex != nil:
                // Word writes a "custom" format in mc:Choice and a plain one in mc:Fallback: keep the plain one.
                if let format = stream.attribute("val"), format != "custom" { level.format = format }
            case (.start, .lvlText) where levelIndex != nil:
                level.text = stream.attribute("val")
            case (.start, .suff) where levelIndex != nil:
                level.suffix = stream.attribute("val") ?? "tab"
            case (.start, .isLgl) where levelIndex != nil:
                level.isLegal = stream.isOn()
            case (.start, .lvlRestart) where levelIndex != nil:
                level.restart = stream.intValue()
            case (.start, .pStyle) where levelIndex != nil:
                level.paragraphStyle = stream.attribute("val")
            default:
                break
            }
        }
    }

    /// Resolves the abstract lists that link to a numbering style (`w:numStyleLink`) to the list
    /// that defines the style: the one the style's `w:numPr` names, else the one whose
    /// `w:styleLink` names the style. A chain of links is followed a few steps, never in a cycle.
    mutating func link(styles: StyleSheet) {
        var definers: [String: Int] = [:]
        for (id, abstract) in abstracts {
            if let name = abstract.styleLink, definers[name].map({ id < $0 }) ?? true { definers[name] = id }
        }
        for (start, abstract) in abstracts where abstract.numStyleLink != nil {
            var id = start
            var seen: Set<Int> = [start]
            while let style = abstracts[id]?.numStyleLink, seen.count <= 8 {
                var target: Int?
                if let numId = styles.numbering(style).numId, let found = instances[numId]?.abstractId, !seen.contains(found) {
                    target = found
                } else if let found = definers[style], !seen.contains(found) {
                    target = found
                }
                guard let target, abstracts[target] != nil else { break }
                seen.insert(target)
                id = target
            }
            if id != start { links[start] = id }
        }
    }

    /// The abstract list whose levels an instance shows (a style link followed).
    private func abstractId(of instance: Instance) -> Int {
        links[instance.abstractId] ?? instance.abstractId
    }

    /// The definition of one level of a list instance, overrides applied, and the key of the
    /// counters it advances.
    func level(numId: Int, ilvl: Int) -> (Level, key: String)? {
        guard let instance = instances[numId] else { return nil }
        let abstractId = abstractId(of: instance)
        guard var level = instance.levelOverrides[ilvl] ?? abstracts[abstractId]?.levels[ilvl] else { return nil }
        if let start = instance.startOverrides[ilvl] { level.start = start }
        // Instances of one abstract list continue each other's numbering unless one restarts it.
        let key = instance.startOverrides.isEmpty && instance.levelOverrides.isEmpty ? "a\(abstractId)" : "n\(numId)"
        return (level, key)
    }

    /// The level of a list linked to a paragraph style (`w:lvl/w:pStyle`), for a paragraph in
    /// that style whose numbering names no level.
    func levelIndex(numId: Int, paragraphStyle: String) -> Int? {
        guard let instance = instances[numId] else { return nil }
        for ilvl in 0..<9 {
            let level = instance.levelOverrides[ilvl] ?? abstracts[abstractId(of: instance)]?.levels[ilvl]
            if level?.paragraphStyle == paragraphStyle { return ilvl }
        }
        return nil
    }
}

/// The list counters Word keeps while laying out a document, to compute each label.
struct ListCounters {
    struct Item {
        var kind: ListKind
        var label: String?
        /// Text between the label and the paragraph's text.
        var separator: String
    }

    private var counters: [String: [Int?]] = [:]

    /// Advances the counter of a numbered paragraph and returns its label; nil when the
    /// numbering is missing or shows nothing. A bullet's label is the character Word draws
    /// (see `bulletGlyph`); a bullet counts as a use of its level: deeper levels restart after it.
    mutating func next(numId: Int, ilvl rawLevel: Int, numbering: Numbering) -> Item? {
        let ilvl = min(max(rawLevel, 0), 8)
        guard let (level, key) = numbering.level(numId: numId, ilvl: ilvl) else { return nil }
        var values = counters[key] ?? Array(repeating: nil, count: 9)
        values[ilvl] = (values[ilvl] ?? (level.start - 1)) + 1
        // A shallower item restarts the deeper levels, unless their w:lvlRestart says otherwise.
        for deeper in (ilvl + 1)..<9 where values[deeper] != nil {
            if Self.restarts(numbering.level(numId: numId, ilvl: deeper)?.0.restart, level: deeper, after: ilvl) {
                values[deeper] = nil
            }
        }
        counters[key] = values
        if level.format == "bullet" {
            let separator = level.suffix == "nothing" ? "" : " "
            return Item(kind: .bullet, label: Self.bulletGlyph(level.text), separator: separator)
        }
        guard let template = level.text, !template.isEmpty else { return nil }
        let label = Self.render(template, values: values, legal: level.isLegal,
                                levelFor: { numbering.level(numId: numId, ilvl: $0)?.0 })
        let trimmed = Self.trimTrailing(label)
        guard !trimmed.isEmpty else { return nil }
        // A level numbered "none" shows only its literal text: punctuation alone ("." of "%1.")
        // is no label.
        if level.format == "none", !trimmed.contains(where: { $0.isLetter || $0.isNumber }) { return nil }
        let separator = level.suffix == "nothing" ? "" : " "
        return Item(kind: .numbered, label: trimmed, separator: separator)
    }

    /// The character a bullet level shows, as its label: the `w:lvlText` character when it is
    /// one an ordinary font draws ("-", "+", "–", "•", "o", "➢"); a character from the Private
    /// Use Area (Symbol and Wingdings bullets are stored there, U+F0B7 and the like) shows as
    /// "•", since its picture depends on a font vndoc does not have; an empty or blank text, or
    /// a control character, is no label.
    static func bulletGlyph(_ text: String?) -> String? {
        guard let text else { return nil }
        let scalars = text.unicodeScalars.filter { !$0.properties.isWhitespace }
        guard let first = scalars.first else { return nil }
        guard scalars.count == 1 else { return String(String.UnicodeScalarView(scalars)) }
        if (0xE000...0xF8FF).contains(first.value) { return "•" }
        switch first.properties.generalCategory {
        case .control, .format, .unassigned, .privateUse: return nil
        default: return String(first)
        }
    }

    /// Whether using level `used` (0-based) restarts the deeper level `level` whose
    /// `w:lvlRestart` is `restart` (1-based; 0 never; nil, or a level not above this one: any
    /// higher level restarts it).
    static func restarts(_ restart: Int?, level: Int, after used: Int) -> Bool {
        guard let restart, restart <= level else { return true }
        if restart <= 0 { return false }
        return used < restart
    }

    /// Replaces %1…%9 in a level text with the counters of those levels, each in its own format
    /// (in decimal under `w:isLgl`, except zero-padded decimal, which stays as it is).
    static func render(_ template: String, values: [Int?], legal: Bool = false, levelFor: (Int) -> Numbering.Level?) -> String {
        var out = ""
        var chars = template.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { out.append(c); continue }
            guard let d = chars.next() else { out.append(c); break }
            guard let n = d.wholeNumberValue, (1...9).contains(n) else { out.append(c); out.append(d); continue }
            let level = levelFor(n - 1)
            let value = values[n - 1] ?? level?.start ?? 1
            var shown = level?.format ?? "decimal"
            if legal, shown != "decimalZero", shown != "none" { shown = "decimal" }
            out += format(value, shown)
        }
        return out
    }

    /// A number in one of Word's numbering formats; formats not listed show as decimal.
    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": return letters(value, upper: false)
        case "upperLetter": return letters(value, upper: true)
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : "\(value)"
        case "ordinal": return ordinal(value)
        case "decimalEnclosedCircle": return enclosed(value, first: 0x2460)
        case "decimalEnclosedParen": return enclosed(value, first: 0x2474)
        case "decimalEnclosedFullstop": return enclosed(value, first: 0x2488)
        case "chicago": return chicago(value)
        case "none", "bullet": return ""
        default: return "\(value)"
        }
    }

    /// "1st", "2nd", "3rd", "4th", "11th", "21st".
    static func ordinal(_ value: Int) -> String {
        let tens = abs(value) % 100
        let suffix: String
        switch (tens / 10 == 1, abs(value) % 10) {
        case (false, 1): suffix = "st"
        case (false, 2): suffix = "nd"
        case (false, 3): suffix = "rd"
        default: suffix = "th"
        }
        return "\(value)\(suffix)"
    }

    /// ① … ⑳ (and the parenthesised and full-stop forms): Unicode has 1 to 20; decimal beyond.
    static func enclosed(_ value: Int, first: UInt32) -> String {
        guard (1...20).contains(value), let scalar = Unicode.Scalar(first + UInt32(value - 1)) else { return "\(value)" }
        return String(Character(scalar))
    }

    /// Word's "chicago" note marks: *, †, ‡, §, then doubled, tripled, ….
    static func chicago(_ value: Int) -> String {
        guard value > 0 else { return "\(value)" }
        let symbols = ["*", "\u{2020}", "\u{2021}", "\u{00A7}"]
        return String(repeating: symbols[(value - 1) % 4], count: min((value - 1) / 4 + 1, 32))
    }

    /// Word's letters: a…z, then aa…zz, then aaa… (the letter repeated).
    static func letters(_ value: Int, upper: Bool) -> String {
        guard value > 0 else { return "\(value)" }
        let index = (value - 1) % 26
        let repeats = (value - 1) / 26 + 1
        let scalar = Unicode.Scalar(UInt8((upper ? 65 : 97) + index))
        return String(repeating: String(Character(scalar)), count: min(repeats, 32))
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return "\(value)" }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = value
        var out = ""
        for (amount, symbol) in table {
            while rest >= amount {
                out += symbol
                rest -= amount
            }
        }
        return out
    }

    /// Labels are kept without a trailing comma or colon (the block vocabulary's convention).
    private static func trimTrailing(_ label: String) -> String {
        var result = label.trimmingSpace(.whitespaces)
        while let last = result.last, last == "," || last == ":" { result.removeLast() }
        return result
    }
}

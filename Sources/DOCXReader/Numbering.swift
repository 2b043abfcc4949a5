import DocumentModel
import Foundation

/// The list definitions of word/numbering.xml.
struct Numbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text: String?
        /// What follows the label: "tab" (Word's default), "space" or "nothing".
        var suffix = "tab"
    }

    /// A `w:num`: an abstract list and what this instance overrides.
    struct Instance {
        var abstractId: Int
        var startOverrides: [Int: Int] = [:]
        var levelOverrides: [Int: Level] = [:]
    }

    private(set) var abstracts: [Int: [Int: Level]] = [:]
    private(set) var instances: [Int: Instance] = [:]

    init() {}

    init(stream: XMLStream) throws(DocumentError) {
        var abstractId: Int?
        var levels: [Int: Level] = [:]
        var numId: Int?
        var instance = Instance(abstractId: -1)
        var overrideLevel: Int?
        var levelIndex: Int?
        var level = Level()
        while let event = try stream.next() {
            switch (event, stream.tag) {
            case (.start, .abstractNum):
                abstractId = stream.intValue("abstractNumId")
                levels = [:]
            case (.end, .abstractNum):
                if let abstractId { abstracts[abstractId] = levels }
                abstractId = nil
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
                    if overrideLevel != nil { instance.levelOverrides[index] = level } else { levels[index] = level }
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
            default:
                break
            }
        }
    }

    /// The definition of one level of a list instance, overrides applied.
    func level(numId: Int, ilvl: Int) -> (Level, key: String)? {
        guard let instance = instances[numId] else { return nil }
        guard var level = instance.levelOverrides[ilvl] ?? abstracts[instance.abstractId]?[ilvl] else { return nil }
        if let start = instance.startOverrides[ilvl] { level.start = start }
        // Instances of one abstract list continue each other's numbering unless one restarts it.
        let key = instance.startOverrides.isEmpty && instance.levelOverrides.isEmpty ? "a\(instance.abstractId)" : "n\(numId)"
        return (level, key)
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
    /// numbering is missing or shows nothing.
    mutating func next(numId: Int, ilvl rawLevel: Int, numbering: Numbering) -> Item? {
        let ilvl = min(max(rawLevel, 0), 8)
        guard let (level, key) = numbering.level(numId: numId, ilvl: ilvl) else { return nil }
        if level.format == "bullet" {
            return Item(kind: .bullet, label: nil, separator: "")
        }
        var values = counters[key] ?? Array(repeating: nil, count: 9)
        values[ilvl] = (values[ilvl] ?? (level.start - 1)) + 1
        // A shallower item restarts the deeper levels.
        for deeper in (ilvl + 1)..<9 { values[deeper] = nil }
        counters[key] = values
        guard level.format != "none", let template = level.text, !template.isEmpty else { return nil }
        let label = Self.render(template, values: values, levelFor: { numbering.level(numId: numId, ilvl: $0)?.0 })
        let trimmed = Self.trimTrailing(label)
        guard !trimmed.isEmpty else { return nil }
        let separator = level.suffix == "nothing" ? "" : " "
        return Item(kind: .numbered, label: trimmed, separator: separator)
    }

    /// Replaces %1…%9 in a level text with the counters of those levels, each in its own format.
    static func render(_ template: String, values: [Int?], levelFor: (Int) -> Numbering.Level?) -> String {
        var out = ""
        var chars = template.makeIterator()
        while let c = chars.next() {
            guard c == "%" else { out.append(c); continue }
            guard let d = chars.next() else { out.append(c); break }
            guard let n = d.wholeNumberValue, (1...9).contains(n) else { out.append(c); out.append(d); continue }
            let level = levelFor(n - 1)
            let value = values[n - 1] ?? level?.start ?? 1
            out += format(value, level?.format ?? "decimal")
        }
        return out
    }

    /// A number in one of Word's numbering formats.
    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "lowerLetter": return letters(value, upper: false)
        case "upperLetter": return letters(value, upper: true)
        case "lowerRoman": return roman(value).lowercased()
        case "upperRoman": return roman(value)
        case "decimalZero": return value < 10 && value >= 0 ? "0\(value)" : "\(value)"
        case "none": return ""
        default: return "\(value)"
        }
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
        var result = label.trimmingCharacters(in: .whitespaces)
        while let last = result.last, last == "," || last == ":" { result.removeLast() }
        return result
    }
}

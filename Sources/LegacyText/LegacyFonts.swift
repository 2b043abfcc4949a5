/// Legacy fonts and the encodings their text is in, from `Resources/fonts.txt` (sources named on
/// its first line): `.VnTime` is TCVN3, `.VnTimeH` TCVN3 drawn in capitals, `VNI-Times` VNI,
/// `VPS Times` VPS.
///
/// A font name says how a document was authored, not that its text is still legacy: use
/// `LegacyRepair.decodeRun`, which also checks the characters.
public enum LegacyFonts {
    struct Rule: Sendable {
        enum Capitals: String, Sendable { case no, yes, suffixH = "suffix-h" }
        var exact: Bool
        var name: String
        var encoding: LegacyEncoding
        var capitals: Capitals
    }

    static let rules: [Rule] = parse(TableFile.resourceText("fonts") ?? "")

    static func parse(_ text: String) -> [Rule] {
        var rules: [Rule] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 4, let encoding = LegacyEncoding(rawValue: String(fields[2])),
                  let capitals = Rule.Capitals(rawValue: String(fields[3])) else { continue }
            rules.append(Rule(exact: fields[0] == "exact", name: String(fields[1]), encoding: encoding, capitals: capitals))
        }
        // Exact names first, then longer prefixes before shorter ones.
        return rules.sorted { a, b in a.exact != b.exact ? a.exact : a.name.count > b.name.count }
    }

    /// The encoding of text set in `font`, and whether the font draws every letter as a capital;
    /// nil for fonts that are not legacy Vietnamese fonts. Case, surrounding quotes and spaces
    /// and an RTF `;` are ignored, except the capital "H" that marks an all-capital font.
    public static func encoding(forFont font: String) -> (encoding: LegacyEncoding, uppercase: Bool)? {
        let trimmed = trim(font, " \t\"';")
        guard !trimmed.isEmpty else { return nil }
        let lower = trimmed.lowercased()
        for rule in rules where rule.exact ? lower == rule.name : (lower.hasPrefix(rule.name) && lower.count > rule.name.count) {
            switch rule.capitals {
            case .no: return (rule.encoding, false)
            case .yes: return (rule.encoding, true)
            case .suffixH: return (rule.encoding, trimmed.hasSuffix("H"))
            }
        }
        return nil
    }
}

extension LegacyFonts {
    /// `text` without leading and trailing characters from `set`.
    static func trim(_ text: String, _ set: String) -> String {
        let drop = Set(set.unicodeScalars)
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !drop.contains($0) }),
              let last = scalars.lastIndex(where: { !drop.contains($0) }) else { return "" }
        return String(scalars[first...last])
    }
}

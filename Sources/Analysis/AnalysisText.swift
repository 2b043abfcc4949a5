import DocumentModel
import VietnameseText

/// What the record parsers (`QuestionnaireParser`, `NewsParser`, `TWGParser`) share: the body
/// blocks with their text and entities, folded search over a block, numbering labels, and the
/// small text rules every record follows (whitespace collapsed, bullets dropped).
///
/// The parsers read blocks and entities only, never the input format, so a text file, a web page
/// and a Word file with the same content give the same records.
enum AnalysisText {
    /// One block of the document's body with its text and the entities inside it.
    struct Unit {
        /// Position among the units (body blocks in document order).
        var index: Int
        var block: Block
        /// The block's text as in `Document.text`.
        var text: String
        /// `text` as scalars, for slicing by the offsets blocks and entities use.
        var scalars: [Unicode.Scalar]
        /// `scalars` folded one for one (lowercase, no diacritics, đ → d), for search.
        var folded: [Unicode.Scalar]
        /// Entities lying wholly inside the block, by start.
        var entities: [Entity]

        /// The text between two offsets relative to the block's start (clamped to the block).
        func slice(_ from: Int, _ to: Int) -> String {
            let lower = min(max(from, 0), scalars.count)
            let upper = min(max(to, lower), scalars.count)
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[lower..<upper])
            return String(view)
        }

        /// An entity's span relative to the block's start.
        func range(of entity: Entity) -> Range<Int> {
            (entity.start - block.start)..<(entity.end - block.start)
        }

        /// Entities of one type, in order.
        func entities(_ type: String) -> [Entity] { entities.filter { $0.type == type } }

        /// Where the folded `needle` ("cuoc hop") first occurs at or after `from` (relative
        /// offset), starting a word: the scalar before it is not a letter or digit.
        func find(_ needle: String, from: Int = 0) -> Int? {
            let n = Array(needle.unicodeScalars)
            guard !n.isEmpty, folded.count >= n.count else { return nil }
            var i = max(from, 0)
            while i + n.count <= folded.count {
                if folded[i] == n[0], (i == 0 || !AnalysisText.isWordScalar(folded[i - 1])),
                   folded[i..<(i + n.count)].elementsEqual(n) {
                    return i
                }
                i += 1
            }
            return nil
        }

        /// Every start of the folded `needle` as a word start.
        func findAll(_ needle: String) -> [Int] {
            var found: [Int] = []
            var from = 0
            while let at = find(needle, from: from) {
                found.append(at)
                from = at + 1
            }
            return found
        }

        /// Whether the folded text begins with one of `prefixes`, each ending a word.
        func starts(with prefixes: [String]) -> Bool {
            Self.startsWord(folded, at: 0, prefixes)
        }

        /// Whether one of the folded `words` begins at `at` in `folded` and ends a word there.
        static func startsWord(_ folded: [Unicode.Scalar], at: Int, _ words: [String]) -> Bool {
            words.contains { word in
                let w = Array(word.unicodeScalars)
                guard at >= 0, let last = w.last, folded.count >= at + w.count,
                      folded[at..<(at + w.count)].elementsEqual(w) else { return false }
                return folded.count == at + w.count || !AnalysisText.isWordScalar(folded[at + w.count]) || !AnalysisText.isWordScalar(last)
            }
        }

        /// The numbering label when it is a number or letter ("1.", "2a", "a)", "II."); nil for
        /// bullets and for blocks without one.
        var numbering: Label? {
            guard block.list != .bullet, let raw = block.label else { return nil }
            return Label(raw, level: block.level)
        }

        /// A bullet list item: a bullet label ("-", "•", "+") or a list the format calls bulleted.
        var isBullet: Bool {
            if block.list == .bullet { return true }
            guard block.type == .listItem, let raw = block.label else { return false }
            return Label(raw, level: nil) == nil
        }

        /// The text after the block's label (and the comma, colon or space that follows it),
        /// whitespace collapsed; the whole text when the label is not written in it (HTML lists).
        var textAfterLabel: String {
            AnalysisText.collapse(slice(labelEnd, scalars.count))
        }

        /// Relative offset where the text after the label begins (0 without a written label).
        var labelEnd: Int {
            guard let raw = block.label else { return 0 }
            let label = Array(raw.unicodeScalars)
            guard !label.isEmpty, scalars.count >= label.count, scalars[0..<label.count].elementsEqual(label) else { return 0 }
            var i = label.count
            while i < scalars.count, [",", ":", ".", ")"].contains(scalars[i]) { i += 1 }
            while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
            return i
        }

        /// The text as a reader sees it, whitespace collapsed: a bullet item without its
        /// bullet, a numbered item with its label (written in front when the format draws it).
        var entry: String {
            if isBullet { return textAfterLabel }
            let text = AnalysisText.collapse(self.text)
            if let raw = block.label, labelEnd == 0, block.list == .numbered { return raw + " " + text }
            return text
        }
    }

    /// The body blocks (no headers, footers, notes or page chrome) with their text and entities,
    /// found in one pass over the text.
    static func units(_ document: Document) -> [Unit] {
        let entities = document.entities.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var units: [Unit] = []
        var scalars = document.text.unicodeScalars.makeIterator()
        var offset = 0
        var next = 0  // first entity not yet before the current block
        for block in document.blocks {
            guard block.start >= offset, block.end >= block.start else { continue }
            while offset < block.start, scalars.next() != nil { offset += 1 }
            var own: [Unicode.Scalar] = []
            own.reserveCapacity(block.end - block.start)
            while offset < block.end, let s = scalars.next() {
                own.append(s)
                offset += 1
            }
            while next < entities.count && entities[next].start < block.start { next += 1 }
            guard block.part == nil else { continue }
            var inside: [Entity] = []
            var e = next
            while e < entities.count && entities[e].start < block.end {
                if entities[e].end <= block.end { inside.append(entities[e]) }
                e += 1
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: own)
            units.append(Unit(index: units.count, block: block, text: String(view), scalars: own,
                              folded: own.map { Folding.fold($0) ?? $0 }, entities: inside))
        }
        return units
    }

    /// Runs of whitespace (line breaks included) made one space, ends trimmed.
    static func collapse(_ text: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for s in text.unicodeScalars {
            if isSpace(s) {
                space = true
                continue
            }
            if space && !out.isEmpty { out.append(" ") }
            space = false
            out.append(s)
        }
        return String(out)
    }

    /// Whitespace, with the ASCII answer found without a property lookup.
    @inline(__always)
    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value == 0x20 || (s.value >= 0x09 && s.value <= 0x0D)) : s.properties.isWhitespace
    }

    /// The folded search key of a text: lowercase, no diacritics, đ → d, whitespace collapsed.
    static func fold(_ text: some StringProtocol) -> String {
        collapse(Folding.fold(String(text)))
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || (s.value >= 0x30 && s.value <= 0x39)
    }

    /// `text` without the characters in `characters` at its ends, and without whitespace.
    static func trim(_ text: String, _ characters: Set<Character> = []) -> String {
        var t = Substring(text)
        while let c = t.first, c.isWhitespace || characters.contains(c) { t.removeFirst() }
        while let c = t.last, c.isWhitespace || characters.contains(c) { t.removeLast() }
        return String(t)
    }

    /// A string entity value (dates, e-mail addresses, phone numbers).
    static func string(_ value: JSONValue) -> String? {
        if case .string(let s) = value { return s }
        return nil
    }

    /// The `id` member of a `twg` or `partner` entity value.
    static func id(_ value: JSONValue) -> String? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == "id" }.flatMap { string($0.value) }
    }

    static func optional(_ text: String?) -> JSONValue {
        text.map { .string($0) } ?? .null
    }

    /// A numbering label as the records use it: "1." → id "1", "2a" → "2a", "a)" → "a",
    /// "1.2." → "1.2"; with its parts (["2", "a"], ["1", "2"]) for telling which label follows
    /// which. Bullets and labels that are not numbering ("Chương II") are not labels.
    struct Label: Equatable {
        /// As written without the punctuation that ends it.
        var id: String
        var parts: [String]
        /// The punctuation that ends it (".", ")"), nil for none ("2a" written "2a,").
        var style: Unicode.Scalar?
        /// The block's nesting level, when it has one.
        var level: Int?

        init?(_ raw: String, level: Int?) {
            var scalars = Array(raw.unicodeScalars)
            var style: Unicode.Scalar?
            while let last = scalars.last, [".", ")", ",", ":"].contains(last) {
                if style == nil { style = last == "," || last == ":" ? nil : last }
                scalars.removeLast()
            }
            guard !scalars.isEmpty, scalars.allSatisfy({ AnalysisText.isWordScalar($0) || $0 == "." }),
                  scalars.contains(where: { AnalysisText.isWordScalar($0) }) else { return nil }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            id = String(view)
            // "2a" → "2", "a"; "1.2" → "1", "2".
            var parts: [String] = []
            for segment in id.split(separator: ".") {
                let digits = segment.prefix { $0.isASCII && $0.isNumber }
                if !digits.isEmpty { parts.append(String(digits)) }
                let rest = segment.dropFirst(digits.count)
                if !rest.isEmpty { parts.append(String(rest)) }
            }
            guard !parts.isEmpty, parts.count <= 4, parts.allSatisfy({ $0.count <= 4 }) else { return nil }
            self.parts = parts
            self.style = style
            self.level = level
        }

        /// The depth of the numbering: the level the block has, else the number of parts.
        var depth: Int { level ?? parts.count }

        /// Whether this label comes right after `other` in the same list: same style, same
        /// parts but the last, and the last one step on ("3." after "2.", "2b" after "2a").
        func follows(_ other: Label) -> Bool {
            guard style == other.style, parts.count == other.parts.count,
                  let mine = parts.last, let theirs = other.parts.last,
                  parts.dropLast() == other.parts.dropLast(),
                  let a = Self.ordinal(mine), let b = Self.ordinal(theirs) else { return false }
            return a == b + 1 && Self.sameKind(mine, theirs)
        }

        /// Whether this label numbers an item under `other`: "2a" and "2.1" under "2", or a
        /// deeper level.
        func isChild(of other: Label) -> Bool {
            if parts.count > other.parts.count, Array(parts.prefix(other.parts.count)) == other.parts { return true }
            if let mine = level, let theirs = other.level { return mine > theirs }
            return false
        }

        enum Kind { case number, letter, roman }

        /// Numbers, one letter (a, b, c, d, đ, e, …) or Roman numerals in capitals.
        static func kind(_ part: String) -> Kind? {
            if Int(part) != nil { return .number }
            if part.allSatisfy({ "IVXLC".contains($0) }) { return .roman }
            if part.count == 1, let c = part.first, c.isLetter { return .letter }
            return nil
        }

        /// 1, 2, … for numbers; a = 1, b = 2, …, đ after d, for a letter; Roman numerals.
        static func ordinal(_ part: String) -> Int? {
            switch kind(part) {
            case .number: return Int(part)
            case .roman: return roman(part)
            case .letter:
                guard let s = part.unicodeScalars.first else { return nil }
                if s == "đ" || s == "Đ" { return 5 }
                guard let folded = Folding.fold(s), folded.value >= 0x61, folded.value <= 0x7A else { return nil }
                let base = Int(folded.value - 0x61) + 1
                return base >= 5 ? base + 1 : base
            case nil: return nil
            }
        }

        static func roman(_ part: String) -> Int? {
            let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
            var total = 0
            var previous = 0
            for c in part.reversed() {
                guard let v = values[c] else { return nil }
                total += v < previous ? -v : v
                previous = max(previous, v)
            }
            return total > 0 ? total : nil
        }

        static func sameKind(_ a: String, _ b: String) -> Bool {
            kind(a) == kind(b)
        }
    }
}

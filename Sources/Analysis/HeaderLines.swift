import DocumentModel
import VietnameseText

/// A piece of one line of the document, as the header parser reads it: scalars with their
/// offset in `Document.text`, and the same scalars folded one for one (lowercase, no
/// diacritics, đ → d) for search.
struct HeaderPiece: Sendable {
    var scalars: [Unicode.Scalar]
    var folded: [Unicode.Scalar]
    /// Offset of `scalars[0]` in `Document.text`.
    var start: Int

    init(_ scalars: some Collection<Unicode.Scalar>, start: Int) {
        self.scalars = Array(scalars)
        self.folded = self.scalars.map { Folding.fold($0) ?? $0 }
        self.start = start
    }

    var end: Int { start + scalars.count }
    var isEmpty: Bool { scalars.isEmpty }
    var text: String { HeaderText.string(scalars) }

    /// The piece between two offsets relative to its start, with whitespace and the emphasis
    /// marks of markdown trimmed from both ends.
    func sub(_ from: Int, _ to: Int) -> HeaderPiece {
        var lower = min(max(from, 0), scalars.count)
        var upper = min(max(to, lower), scalars.count)
        while lower < upper, HeaderText.isEdgeNoise(scalars[lower]) { lower += 1 }
        while upper > lower, HeaderText.isEdgeNoise(scalars[upper - 1]) { upper -= 1 }
        return HeaderPiece(scalars[lower..<upper], start: start + lower)
    }

    /// The piece from `from` to its end (trimmed).
    func dropFirst(_ from: Int) -> HeaderPiece { sub(from, scalars.count) }

    /// Where the folded `needle` first occurs at or after `from`, as whole words (the scalars
    /// around it are not letters or digits where the needle has a letter or digit at that end).
    /// With `wordEnd` false the needle may run into a word ("tháng5").
    func find(_ needle: String, from: Int = 0, wordEnd: Bool = true) -> Int? {
        HeaderText.find(Array(needle.unicodeScalars), in: folded, from: from, wordEnd: wordEnd)
    }

    /// Whether the folded piece starts with `prefix` as whole words.
    func starts(with prefix: String) -> Bool { find(prefix) == 0 }

    /// Letters in capitals only (at least one letter): "SỞ Y TẾ", "KT. GIÁM ĐỐC".
    var isAllCaps: Bool { HeaderText.isAllCaps(scalars[...]) }

    /// The first letter is a lowercase letter: a wrapped line going on.
    var startsLowercase: Bool {
        guard let first = scalars.first(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else { return false }
        return first.properties.isLowercase
    }
}

/// One line of a body block (a block's text split at its line feeds), trimmed.
struct HeaderLine: Sendable {
    var piece: HeaderPiece
    /// Index of the block in `Document.blocks`.
    var block: Int
    /// A rule drawn with characters (`______`, `-----`, `***`): it ends a run of header lines.
    var isRule: Bool
}

/// The document as the header parser reads it: the body's lines (blocks of no `part`) in order
/// and the entities by start.
struct HeaderDocument: Sendable {
    let document: Document
    let lines: [HeaderLine]
    let entities: [Entity]
    private let entityStarts: [Int]

    init(_ document: Document) {
        self.document = document
        let scalars = Array(document.text.unicodeScalars)
        var lines: [HeaderLine] = []
        for (index, block) in document.blocks.enumerated() where block.part == nil {
            let lower = min(max(block.start, 0), scalars.count)
            let upper = min(max(block.end, lower), scalars.count)
            var lineStart = lower
            var k = lower
            while k <= upper {
                if k == upper || scalars[k] == "\n" {
                    let raw = HeaderPiece(scalars[lineStart..<k], start: lineStart)
                    let isRule = HeaderText.isRule(raw.scalars)
                    let piece = isRule ? HeaderPiece([], start: raw.start) : raw.sub(0, raw.scalars.count)
                    if !piece.isEmpty || isRule {
                        lines.append(HeaderLine(piece: piece, block: index, isRule: isRule))
                    }
                    lineStart = k + 1
                }
                k += 1
            }
        }
        self.lines = lines
        let sorted = document.entities.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        self.entities = sorted
        self.entityStarts = sorted.map(\.start)
    }

    /// Entities of `type` lying wholly inside `start..<end`, in order.
    func entities(_ type: String, in start: Int, _ end: Int) -> [Entity] {
        var lower = 0
        var upper = entityStarts.count
        while lower < upper {
            let mid = (lower + upper) / 2
            if entityStarts[mid] < start { lower = mid + 1 } else { upper = mid }
        }
        var found: [Entity] = []
        var i = lower
        while i < entities.count, entities[i].start < end {
            if entities[i].type == type && entities[i].end <= end { found.append(entities[i]) }
            i += 1
        }
        return found
    }

    func entities(_ type: String, in piece: HeaderPiece) -> [Entity] { entities(type, in: piece.start, piece.end) }

    func block(of line: HeaderLine) -> Block { document.blocks[line.block] }
}

/// Small text rules the header parser shares.
enum HeaderText {
    static func string(_ scalars: some Sequence<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    static func isWord(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || ("0"..."9").contains(s)
    }

    /// Whitespace and the emphasis marks markdown leaves around a line (`**KT. GIÁM ĐỐC`).
    static func isEdgeNoise(_ s: Unicode.Scalar) -> Bool {
        s.properties.isWhitespace || s == "*" || s == "_" || s == "#" || s == "`" || s == "~"
    }

    /// A line made of rule characters only, at least three of them.
    static func isRule(_ scalars: [Unicode.Scalar]) -> Bool {
        var count = 0
        for s in scalars where !s.properties.isWhitespace {
            guard "_-=*~.…–—".unicodeScalars.contains(s) else { return false }
            count += 1
        }
        return count >= 3
    }

    static func isAllCaps(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var letters = 0
        for s in scalars where s.properties.isAlphabetic {
            if s.properties.isLowercase { return false }
            if s.properties.isUppercase { letters += 1 }
        }
        return letters > 0
    }

    /// A word is all capitals and has at least two letters ("SỞ", "UBND"; not "Y", not "Hà").
    static func isCapsWord(_ word: some StringProtocol) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return scalars.filter { $0.properties.isAlphabetic }.count >= 2 && isAllCaps(scalars[...])
    }

    static func find(_ needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int = 0, wordEnd: Bool = true) -> Int? {
        guard let first = needle.first, let last = needle.last, hay.count >= needle.count else { return nil }
        let startWord = isWord(first), endWord = wordEnd && isWord(last)
        var i = max(from, 0)
        while i + needle.count <= hay.count {
            if hay[i] == first, !(startWord && i > 0 && isWord(hay[i - 1])),
               !(endWord && i + needle.count < hay.count && isWord(hay[i + needle.count])),
               hay[i..<(i + needle.count)].elementsEqual(needle) {
                return i
            }
            i += 1
        }
        return nil
    }

    /// Words separated by whitespace.
    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace })
    }

    /// Runs of whitespace made one space, ends trimmed.
    static func collapse(_ text: some StringProtocol) -> String { AnalysisText.collapse(text) }

    /// Trailing characters dropped while they are in `characters` or whitespace.
    static func trimEnd(_ text: String, _ characters: String) -> String {
        var scalars = Array(text.unicodeScalars)
        while let last = scalars.last, last.properties.isWhitespace || characters.unicodeScalars.contains(last) { scalars.removeLast() }
        return string(scalars)
    }

    /// The first letter in capitals.
    static func capitalized(_ word: some StringProtocol) -> String {
        var out = ""
        var done = false
        for s in word.unicodeScalars {
            if !done && s.properties.isAlphabetic {
                out += s.properties.uppercaseMapping
                done = true
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out
    }
}

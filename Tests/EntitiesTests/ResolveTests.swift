import DocumentModel
import Testing
@testable import Entities

/// How the entity stage turns recognisers' byte-offset matches into entities: within a type the
/// longest match wins (the earliest, then the recogniser that ran first, on a tie); the survivors
/// come in text order (start, end, type name) with Unicode-scalar offsets and their exact text.
@Suite("Resolving matches into entities")
struct ResolveTests {
    /// Byte offset of the n-th occurrence of `needle` in `text`.
    static func byte(_ text: String, _ needle: String, _ n: Int = 1) -> Int {
        var from = text.startIndex
        var found = text.startIndex
        for _ in 0..<n {
            guard let r = text.range(of: needle, range: from..<text.endIndex) else { return -1 }
            found = r.lowerBound
            from = r.upperBound
        }
        return text.utf8.distance(from: text.startIndex, to: found)
    }

    static func resolve(_ text: String, _ matches: [Match]) -> [Entity] {
        var text = text
        return text.withUTF8 { EntityRecognizer.resolve(matches, in: $0) }
    }

    static func m(_ type: EntityType, _ start: Int, _ end: Int, _ rule: String) -> Match {
        Match(type, start, end, .string(rule), rule: rule)
    }

    // "Sở Y tế tỉnh Hòa Bình" — 'ở', 'ế', 'ỉ', 'ò', 'ì' are three bytes each.
    let text = "Sở Y tế tỉnh Hòa Bình, ngày 5/3/2024."

    struct Case: Sendable, CustomStringConvertible {
        var description: String
        var matches: [(EntityType, String, String, String)]  // type, first word, last word, rule
        var expected: [(String, String)]  // rule, text
    }

    func span(_ from: String, _ to: String) -> (Int, Int) {
        (Self.byte(text, from), Self.byte(text, to) + to.utf8.count)
    }

    @Test("the longest overlapping match of a type wins, whatever order they came in")
    func longestWins() {
        let (a0, a1) = span("Hòa", "Hòa"), (b0, b1) = span("Hòa", "Bình"), (c0, c1) = span("Bình", "Bình")
        for matches in [[Self.m(.province, a0, a1, "short"), Self.m(.province, b0, b1, "long"), Self.m(.province, c0, c1, "tail")],
                        [Self.m(.province, c0, c1, "tail"), Self.m(.province, b0, b1, "long"), Self.m(.province, a0, a1, "short")]] {
            let got = Self.resolve(text, matches)
            #expect(got.map(\.rule) == ["long"])
            #expect(got.map(\.text) == ["Hòa Bình"])
        }
    }

    @Test("equal lengths: the earlier start wins; same span: the recogniser that ran first")
    func ties() {
        let (a0, a1) = span("tỉnh", "Hòa"), (b0, b1) = span("Hòa", "Bình")
        #expect(Self.resolve(text, [Self.m(.province, b0, b1, "later"), Self.m(.province, a0, a1, "earlier")]).map(\.rule) == ["earlier"])
        #expect(Self.resolve(text, [Self.m(.province, b0, b1, "first"), Self.m(.province, b0, b1, "second")]).map(\.rule) == ["first"])
    }

    @Test("different types may overlap; output is in text order, then by end, then by type name")
    func typesOverlapInTextOrder() {
        let (o0, o1) = span("Sở", "Bình"), (p0, p1) = span("Hòa", "Bình"), (d0, d1) = span("5/3/2024", "5/3/2024")
        let got = Self.resolve(text, [Self.m(.date, d0, d1, "d"), Self.m(.province, p0, p1, "p"), Self.m(.organization, o0, o1, "o"),
                                      Self.m(.partner, p0, p1, "q"), Self.m(.country, p0, p1, "c")])
        #expect(got.map(\.rule) == ["o", "c", "q", "p", "d"])
        #expect(got.map(\.type) == ["organization", "country", "partner", "province", "date"])
    }

    @Test("offsets are Unicode scalars and text is exactly that span")
    func scalarOffsets() {
        let (p0, p1) = span("Hòa", "Bình"), (d0, d1) = span("5/3/2024", "5/3/2024")
        let got = Self.resolve(text, [Self.m(.date, d0, d1, "d"), Self.m(.province, p0, p1, "p")])
        let scalars = Array(text.unicodeScalars)
        for e in got {
            #expect(String(String.UnicodeScalarView(scalars[e.start..<e.end])) == e.text)
        }
        #expect(got.map(\.start) == [13, 28])
        #expect(got.map(\.end) == [21, 36])
    }

    @Test("empty, reversed and out-of-range matches are dropped")
    func invalidDropped() {
        let n = text.utf8.count
        let got = Self.resolve(text, [Self.m(.date, 3, 3, "empty"), Self.m(.date, 5, 2, "reversed"),
                                      Self.m(.date, n - 2, n + 5, "past"), Self.m(.date, -1, 2, "negative")])
        #expect(got.isEmpty)
    }

    @Test("the type order used for ties is the alphabetical order of the type names")
    func typeOrder() {
        let byName = EntityType.allCases.sorted { $0.rawValue < $1.rawValue }
        let byOrder = EntityType.allCases.sorted { $0.order < $1.order }
        #expect(byName == byOrder)
        #expect(Set(EntityType.allCases.map(\.order)).count == EntityType.allCases.count)
    }
}

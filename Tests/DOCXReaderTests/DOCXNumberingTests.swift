import DOCXReader
import DocumentModel
import Foundation
import Ingest
import Testing

/// List numbering beyond the basics of `DOCXListTests`: legal numbering, restarts, lists linked
/// through numbering styles, overrides, and the label formats Word shows.
@Suite struct DOCXNumberingTests {
    /// A numbering part from abstract lists and instances written as XML.
    static func numbering(_ content: String) -> String { DOCX.part("numbering", content) }

    static func lvl(_ ilvl: Int, _ format: String, _ text: String, start: Int = 1, extra: String = "") -> String {
        "<w:lvl w:ilvl=\"\(ilvl)\"><w:start w:val=\"\(start)\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"\(text)\"/>\(extra)</w:lvl>"
    }

    /// Paragraphs of (text, numId, ilvl); returns the label of each block in order.
    static func labels(_ items: [(String, Int, Int)], numbering: String, styles: String? = nil) throws -> [String?] {
        let body = items.map { DOCXListTests.item($0.0, numId: $0.1, ilvl: $0.2) }.joined()
        var parts = ["word/numbering.xml": numbering]
        if let styles { parts["word/styles.xml"] = styles }
        let doc = try DOCX.read(body: body, parts: parts)
        #expect(doc.contractViolation() == nil)
        return doc.blocks.map(\.label)
    }

    @Test func legalNumberingShowsEveryLevelInDecimal() throws {
        let numbering = Self.numbering("""
            <w:abstractNum w:abstractNumId="0">
              \(Self.lvl(0, "upperRoman", "Chương %1."))
              \(Self.lvl(1, "upperLetter", "%1.%2.", extra: "<w:isLgl/>"))
              \(Self.lvl(2, "lowerRoman", "%1.%2.%3"))
              \(Self.lvl(3, "decimalZero", "Mục %1.%4", extra: "<w:isLgl w:val=\"1\"/>"))
              \(Self.lvl(4, "lowerLetter", "%1.%5", extra: "<w:isLgl w:val=\"false\"/>"))
            </w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """)
        let labels = try Self.labels([("a", 1, 0), ("b", 1, 0), ("c", 1, 1), ("d", 1, 2), ("e", 1, 3), ("f", 1, 4)], numbering: numbering)
        // Level 3 has no isLgl: its own and the other levels' formats stay; decimalZero stays zero-padded.
        #expect(labels == ["Chương I.", "Chương II.", "2.1.", "II.A.i", "Mục 2.01", "II.a"])
    }

    struct RestartCase: CustomStringConvertible, Sendable {
        var description: String
        /// The `w:lvlRestart` of level 3 (ilvl 2), nil for none.
        var restart: Int?
        var labels: [String]
    }

    /// Items: 1, 1.a, 1.a.i, 1.a.ii, 1.b, 1.b.?, 2, 2.?.?: which counters of level 3 restart.
    static let restartCases: [RestartCase] = [
        RestartCase(description: "default: restarts after any higher level", restart: nil,
                    labels: ["1", "a", "i", "ii", "b", "i", "2", "i"]),
        RestartCase(description: "lvlRestart 1: restarts only after level 1", restart: 1,
                    labels: ["1", "a", "i", "ii", "b", "iii", "2", "i"]),
        RestartCase(description: "lvlRestart 0: never restarts", restart: 0,
                    labels: ["1", "a", "i", "ii", "b", "iii", "2", "iv"]),
        RestartCase(description: "lvlRestart 2: as the default (after level 2 or above)", restart: 2,
                    labels: ["1", "a", "i", "ii", "b", "i", "2", "i"]),
        RestartCase(description: "lvlRestart naming a deeper level is ignored", restart: 5,
                    labels: ["1", "a", "i", "ii", "b", "i", "2", "i"]),
    ]

    @Test(arguments: restartCases)
    func levelRestart(_ c: RestartCase) throws {
        let restart = c.restart.map { "<w:lvlRestart w:val=\"\($0)\"/>" } ?? ""
        let numbering = Self.numbering("""
            <w:abstractNum w:abstractNumId="0">\(Self.lvl(0, "decimal", "%1"))\(Self.lvl(1, "lowerLetter", "%2"))\(Self.lvl(2, "lowerRoman", "%3", extra: restart))</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """)
        let items = [("x", 1, 0), ("x", 1, 1), ("x", 1, 2), ("x", 1, 2), ("x", 1, 1), ("x", 1, 2), ("x", 1, 0), ("x", 1, 2)]
        #expect(try Self.labels(items, numbering: numbering) == c.labels)
    }

    @Test func bulletRestartsDeeperLevels() throws {
        let numbering = Self.numbering("""
            <w:abstractNum w:abstractNumId="0">\(Self.lvl(0, "bullet", "-"))\(Self.lvl(1, "decimal", "%2)"))</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """)
        let body = [("A", 1, 0), ("x", 1, 1), ("y", 1, 1), ("B", 1, 0), ("z", 1, 1)].map { DOCXListTests.item($0.0, numId: $0.1, ilvl: $0.2) }.joined()
        let doc = try DOCX.read(body: body, parts: ["word/numbering.xml": numbering])
        #expect(DOCX.texts(doc) == ["- A", "1) x", "2) y", "- B", "1) z"])
        #expect(doc.blocks.map(\.list) == [.bullet, .numbered, .numbered, .bullet, .numbered])
    }

    /// A bullet's label is what Word draws: its own character, or "•" for a symbol-font bullet
    /// stored in the Private Use Area; nothing for an empty bullet text.
    @Test(arguments: [
        ("-", "- A"), ("+", "+ A"), ("–", "– A"), ("•", "• A"), ("o", "o A"), ("➢", "➢ A"),
        ("\u{F0B7}", "• A"), ("\u{F0A7}", "• A"), ("\u{F0D8}", "• A"), ("", "A"), (" ", "A"),
    ])
    func bulletLabels(glyph: String, text: String) throws {
        let numbering = Self.numbering("""
            <w:abstractNum w:abstractNumId="0">\(Self.lvl(0, "bullet", glyph))</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """)
        let doc = try DOCX.read(body: DOCXListTests.item("A", numId: 1), parts: ["word/numbering.xml": numbering])
        #expect(DOCX.texts(doc) == [text])
        #expect(doc.blocks.first?.label == (text == "A" ? nil : String(text.prefix(1))))
        #expect(doc.blocks.first?.list == .bullet)
    }

    /// A list defined once in a numbering style and used through `w:numStyleLink`.
    @Test func numStyleLinkResolvesToTheStyleList() throws {
        let numbering = Self.numbering("""
            <w:abstractNum w:abstractNumId="10"><w:numStyleLink w:val="DieuKhoan"/></w:abstractNum>
            <w:abstractNum w:abstractNumId="11"><w:styleLink w:val="DieuKhoan"/>\(Self.lvl(0, "decimal", "Điều %1."))\(Self.lvl(1, "lowerLetter", "%2)"))</w:abstractNum>
            <w:abstractNum w:abstractNumId="12"><w:numStyleLink w:val="NoNumPr"/></w:abstractNum>
            <w:abstractNum w:abstractNumId="13"><w:styleLink w:val="NoNumPr"/>\(Self.lvl(0, "upperRoman", "(%1)"))</w:abstractNum>
            <w:abstractNum w:abstractNumId="14"><w:numStyleLink w:val="Missing"/></w:abstractNum>
            <w:abstractNum w:abstractNumId="15"><w:numStyleLink w:val="Loop"/></w:abstractNum>
            <w:num w:numId="20"><w:abstractNumId w:val="11"/></w:num>
            <w:num w:numId="21"><w:abstractNumId w:val="10"/></w:num>
            <w:num w:numId="22"><w:abstractNumId w:val="12"/></w:num>
            <w:num w:numId="23"><w:abstractNumId w:val="14"/></w:num>
            <w:num w:numId="24"><w:abstractNumId w:val="15"/></w:num>
            """)
        let styles = DOCX.part("styles", """
            <w:style w:type="numbering" w:styleId="DieuKhoan"><w:name w:val="Điều khoản"/><w:pPr><w:numPr><w:numId w:val="20"/></w:numPr></w:pPr></w:style>
            <w:style w:type="numbering" w:styleId="NoNumPr"><w:name w:val="Only linked"/></w:style>
            <w:style w:type="numbering" w:styleId="Loop"><w:pPr><w:numPr><w:numId w:val="24"/></w:numPr></w:pPr></w:style>
            """)
        let labels = try Self.labels([("a", 21, 0), ("b", 21, 1), ("c", 20, 0), ("d", 22, 0), ("e", 23, 0), ("f", 24, 0)],
                                     numbering: numbering, styles: styles)
        // Both instances show the one list of the style, and continue each other.
        #expect(labels == ["Điều 1.", "a)", "Điều 2.", "(I)", nil, nil])
    }

    @Test func overrides() throws {
        let numbering = Self.numbering("""
            <w:abstractNum w:abstractNumId="0">\(Self.lvl(0, "decimal", "%1."))\(Self.lvl(1, "decimal", "%1.%2."))</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
            <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="1">\(Self.lvl(1, "lowerRoman", "(%2)", start: 4))</w:lvlOverride></w:num>
            <w:num w:numId="4"><w:abstractNumId w:val="0"/></w:num>
            """)
        let labels = try Self.labels([("a", 1, 0), ("b", 1, 1), ("c", 2, 0), ("d", 2, 0), ("e", 3, 1), ("f", 4, 0), ("g", 4, 1)],
                                     numbering: numbering)
        // numId 4 shares the abstract list with numId 1 and continues it; the overridden ones are lists of their own.
        #expect(labels == ["1.", "1.1.", "5.", "6.", "(iv)", "2.", "2.1."])
    }

    @Test func levelLinkedToAParagraphStyle() throws {
        let numbering = Self.numbering("""
            <w:abstractNum w:abstractNumId="0">\(Self.lvl(0, "upperRoman", "Chương %1", extra: "<w:pStyle w:val=\"Heading1\"/>"))\(Self.lvl(1, "decimal", "Điều %2.", extra: "<w:pStyle w:val=\"Heading2\"/>"))</w:abstractNum>
            <w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>
            """)
        let styles = DOCX.part("styles", """
            <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
            """)
        let body = DOCX.p("QUY ĐỊNH CHUNG", pPr: "<w:pStyle w:val=\"Heading1\"/>") + DOCX.p("Phạm vi", pPr: "<w:pStyle w:val=\"Heading2\"/>")
            + DOCX.p("Đối tượng", pPr: "<w:pStyle w:val=\"Heading2\"/>")
        let doc = try DOCX.read(body: body, parts: ["word/numbering.xml": numbering, "word/styles.xml": styles])
        #expect(DOCX.texts(doc) == ["Chương I QUY ĐỊNH CHUNG", "Điều 1. Phạm vi", "Điều 2. Đối tượng"])
        #expect(doc.blocks.map(\.level) == [1, 2, 2])
        #expect(doc.blocks.map(\.type) == [.heading, .heading, .heading])
    }

    struct FormatCase: CustomStringConvertible, Sendable {
        var format: String
        var start: Int
        var text: String
        /// The label of the first and second items (nil: no label).
        var labels: [String?]
        var description: String { "\(format) from \(start) as \(text)" }
    }

    static let formatCases: [FormatCase] = [
        FormatCase(format: "decimal", start: 9, text: "%1.", labels: ["9.", "10."]),
        FormatCase(format: "decimalZero", start: 9, text: "%1.", labels: ["09.", "10."]),
        FormatCase(format: "lowerLetter", start: 26, text: "%1)", labels: ["z)", "aa)"]),
        FormatCase(format: "upperLetter", start: 1, text: "%1.", labels: ["A.", "B."]),
        FormatCase(format: "lowerRoman", start: 3, text: "(%1)", labels: ["(iii)", "(iv)"]),
        FormatCase(format: "upperRoman", start: 8, text: "%1.", labels: ["VIII.", "IX."]),
        FormatCase(format: "ordinal", start: 1, text: "%1", labels: ["1st", "2nd"]),
        FormatCase(format: "decimalEnclosedCircle", start: 1, text: "%1", labels: ["\u{2460}", "\u{2461}"]),
        FormatCase(format: "none", start: 1, text: "", labels: [nil, nil]),
        FormatCase(format: "none", start: 1, text: "%1.", labels: [nil, nil]),
        FormatCase(format: "none", start: 1, text: "Phụ lục", labels: ["Phụ lục", "Phụ lục"]),
        FormatCase(format: "unknownFormat", start: 4, text: "%1:", labels: ["4", "5"]),
    ]

    @Test(arguments: formatCases)
    func labelFormats(_ c: FormatCase) throws {
        let numbering = Self.numbering("""
            <w:abstractNum w:abstractNumId="0">\(Self.lvl(0, c.format, c.text, start: c.start))</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """)
        let body = DOCXListTests.item("x", numId: 1) + DOCXListTests.item("y", numId: 1)
        let doc = try DOCX.read(body: body, parts: ["word/numbering.xml": numbering])
        #expect(doc.blocks.map(\.label) == c.labels)
        #expect(DOCX.texts(doc) == zip(c.labels, ["x", "y"]).map { label, text in label.map { "\($0) \(text)" } ?? text })
        #expect(doc.blocks.map(\.type) == c.labels.map { $0 == nil ? .paragraph : .listItem })
    }

    @Test func multiLevelText() throws {
        let numbering = Self.numbering("""
            <w:abstractNum w:abstractNumId="0">\(Self.lvl(0, "decimal", "%1.", start: 2))\(Self.lvl(1, "decimal", "%1.%2."))\(Self.lvl(2, "decimal", "%1.%2.%3."))</w:abstractNum>
            <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            """)
        let items = [("a", 1, 0), ("b", 1, 1), ("c", 1, 2), ("d", 1, 2), ("e", 1, 1), ("f", 1, 2), ("g", 1, 0), ("h", 1, 1)]
        #expect(try Self.labels(items, numbering: numbering) == ["2.", "2.1.", "2.1.1.", "2.1.2.", "2.2.", "2.2.1.", "3.", "3.1."])
    }
}

import DocumentModel
import Foundation
import Pipeline
import Ingest
import Testing
import _TestSupport

/// Scores the default pipeline's entities against the hand-annotated gold standard in
/// `Tests/Gold/` (see `Tests/Gold/README.md` for the annotation guidelines).
///
/// An entity is correct when type, start, end and value all equal a gold entity's (values are
/// compared as canonical JSON: keys sorted, `1766925000` equal to `1766925000.0`). Each
/// document prints a table of gold / predicted / correct / precision / recall per type, then its
/// misses and false alarms, and expects precision and recall of at least 0.95 per type.
@Suite("Gold-standard entities")
struct GoldScorerTests {
    static let threshold = 0.95
    /// How many misses and how many false alarms to print per type.
    static let listLimit = 20

    @Test("Every gold file is well-formed: its hash, spans, order and types fit the current text", arguments: GoldFile.names)
    func wellFormed(name: String) throws {
        let gold = try GoldFile.load(name)
        #expect(gold.expectedName == name, "\(name) annotates \(gold.document); it should be named \(gold.expectedName)")
        let document = try GoldFile.process(gold.document)
        let scalars = Array(document.text.unicodeScalars)
        #expect(
            SHA256.hex(Array(document.text.utf8)) == gold.textSHA256,
            "\(name) is stale: the normalised text of \(gold.document) no longer has the hash it was annotated on; re-derive the offsets (Tests/Gold/README.md)"
        )
        var previous: (start: Int, end: Int)? = nil
        var lastEndByType: [String: Int] = [:]
        for (i, entity) in gold.entities.enumerated() {
            let label = "\(name) entity \(i) (\(entity.type) \"\(entity.text)\" \(entity.start)..<\(entity.end))"
            #expect(GoldFile.types.contains(entity.type), "\(label): unknown type")
            guard entity.start >= 0, entity.start <= entity.end, entity.end <= scalars.count else {
                Issue.record("\(label): span outside the text (0..<\(scalars.count))")
                continue
            }
            let written = String(String.UnicodeScalarView(scalars[entity.start..<entity.end]))
            #expect(written == entity.text, "\(label): the text there is \"\(written)\"")
            if let p = previous {
                let sorted = (p.start, p.end) <= (entity.start, entity.end)
                #expect(sorted, "\(label): not sorted by start")
            }
            previous = (entity.start, entity.end)
            if let end = lastEndByType[entity.type] {
                #expect(end <= entity.start, "\(label): overlaps an earlier \(entity.type)")
            }
            lastEndByType[entity.type] = max(lastEndByType[entity.type] ?? 0, entity.end)
        }

        // Values have the shapes docs/schema/document.schema.json prescribes: validate the gold
        // entities inside this document's envelope.
        let schema = try JSONSchema(data: Data(contentsOf: GoldFile.root.appendingPathComponent("docs/schema/document.schema.json")))
        let parsed = try JSONSerialization.jsonObject(with: Data(contentsOf: GoldFile.folder.appendingPathComponent(name)))
        let envelope: [String: Any] = [
            "schema_version": 1,
            "source": [
                "path": document.source.path, "format": document.source.format.rawValue,
                "encoding": document.source.encoding.map { $0 as Any } ?? NSNull(),
                "bytes": document.source.bytes, "sha256": document.source.sha256,
            ] as [String: Any],
            "text": document.text,
            "blocks": [Any](),
            "entities": (parsed as? [String: Any])?["entities"] ?? NSNull(),
            "warnings": [Any](),
        ]
        let errors = schema.validate(envelope)
        #expect(errors.isEmpty, "\(name) breaks the document schema: \(errors.prefix(5))")
    }

    @Test("The gold files are there, one per annotated Corpus document")
    func present() {
        #expect(!GoldFile.names.isEmpty, "no gold files in \(GoldFile.folder.path)")
        for name in GoldFile.names {
            guard let gold = try? GoldFile.load(name) else {
                Issue.record("Tests/Gold/\(name) is not a gold file (document, text_sha256, entities)")
                continue
            }
            #expect(FileManager.default.fileExists(atPath: GoldFile.root.appendingPathComponent(gold.document).path), "\(name) annotates \(gold.document), which does not exist")
        }
    }

    @Test("The default pipeline finds the gold entities", arguments: GoldFile.names)
    func score(name: String) throws {
        let gold = try GoldFile.load(name)
        let document = try GoldFile.process(gold.document)
        let hash = SHA256.hex(Array(document.text.utf8))
        guard hash == gold.textSHA256 else {
            Issue.record("Tests/Gold/\(name) is stale: the normalised text of \(gold.document) has SHA-256 \(hash), the gold was annotated on \(gold.textSHA256). Re-derive its offsets (Tests/Gold/README.md) before scoring.")
            return
        }
        let predicted = document.entities.map {
            ScoredEntity(type: $0.type, text: $0.text, start: $0.start, end: $0.end, value: CanonicalJSON.string($0.value))
        }
        let score = Score(gold: gold.entities, predicted: predicted)
        print(score.report(title: "\(gold.document) against Tests/Gold/\(name)", limit: Self.listLimit))

        for row in score.rows {
            // Recall wherever there is gold; precision wherever something was found, so false
            // alarms of a type this document has no gold for count too.
            if row.gold > 0 {
                #expect(row.recall >= Self.threshold, "\(gold.document): \(row.type) recall \(Score.format(row.recall)) (\(row.correct) of \(row.gold) gold)")
            }
            if row.predicted > 0 {
                #expect(row.precision >= Self.threshold, "\(gold.document): \(row.type) precision \(Score.format(row.precision)) (\(row.correct) of \(row.predicted) predicted)")
            }
        }
    }

    @Test("The scorer compares values as canonical JSON and counts exact matches")
    func scorer() throws {
        // Key order and integral doubles do not matter; strings, nulls and nesting do.
        let parsed = try JSONDecoder().decode(ParsedJSON.self, from: Data(#"{"currency": "VND", "amount": 1766925000}"#.utf8))
        #expect(parsed.canonical == CanonicalJSON.string(.object([.init("amount", .double(1766925000)), .init("currency", .string("VND"))])))
        #expect(parsed.canonical == CanonicalJSON.string(.object([.init("currency", .string("VND")), .init("amount", .int(1766925000))])))
        #expect(parsed.canonical != CanonicalJSON.string(.object([.init("amount", .double(1766925000.5)), .init("currency", .string("VND"))])))
        let province = try JSONDecoder().decode(ParsedJSON.self, from: Data(#"{"name": "Xaisomboun", "country": "LA", "code": null, "successor": null}"#.utf8))
        #expect(province.canonical == CanonicalJSON.string(.object([
            .init("name", .string("Xaisomboun")), .init("country", .string("LA")), .init("code", .null), .init("successor", .null),
        ])))
        #expect(province.canonical != CanonicalJSON.string(.object([
            .init("name", .string("Xaisomboun")), .init("country", .string("LA")), .init("code", .string("")), .init("successor", .null),
        ])))
        let date = try JSONDecoder().decode(ParsedJSON.self, from: Data(#""2016-11-15""#.utf8))
        #expect(date.canonical == CanonicalJSON.string(.string("2016-11-15")))

        // Multiset matching: a duplicate prediction is one correct and one false alarm; a value
        // that differs at the right span is a miss and a false alarm.
        func e(_ type: String, _ start: Int, _ end: Int, _ value: String) -> ScoredEntity {
            ScoredEntity(type: type, text: "", start: start, end: end, value: value)
        }
        let gold = [e("date", 0, 4, #""2021""#), e("date", 10, 14, #""2022""#), e("money", 20, 30, "1")]
        let predicted = [e("date", 0, 4, #""2021""#), e("date", 0, 4, #""2021""#), e("date", 10, 14, #""2023""#), e("url", 40, 45, #""x""#)]
        let score = Score(gold: gold, predicted: predicted)
        let rows = Dictionary(uniqueKeysWithValues: score.rows.map { ($0.type, $0) })
        #expect(rows["date"].map { [$0.gold, $0.predicted, $0.correct, $0.misses.count, $0.falseAlarms.count] } == [2, 3, 1, 1, 2])
        #expect(rows["money"].map { [$0.gold, $0.predicted, $0.correct] } == [1, 0, 0])
        #expect(rows["url"].map { [$0.gold, $0.predicted, $0.correct, $0.falseAlarms.count] } == [0, 1, 0, 1])
        #expect(rows["date"]?.recall == 0.5)
        #expect(score.report(title: "t", limit: 20).contains("(found there: \"2023\")"))

        // Every gold file scored against itself is perfect.
        for name in GoldFile.names {
            let entities = try GoldFile.load(name).entities
            for row in Score(gold: entities, predicted: entities).rows {
                #expect(row.precision == 1 && row.recall == 1, "\(name): \(row.type)")
            }
        }
    }
}

// The helpers are nested in the suite so that their names cannot clash with other files of
// this test target.
extension GoldScorerTests {
    // MARK: - Gold files

    /// One entity, gold or predicted, with its value as canonical JSON text.
    fileprivate struct ScoredEntity: Sendable {
        var type: String
        var text: String
        var start: Int
        var end: Int
        var value: String

        var key: Key { Key(type: type, start: start, end: end, value: value) }

        struct Key: Hashable {
            var type: String
            var start: Int
            var end: Int
            var value: String
        }

        var line: String { "\(type) \(start)..<\(end) \"\(text)\" = \(value)" }
    }

    fileprivate struct GoldFile {
        var document: String
        var textSHA256: String
        var entities: [ScoredEntity]

        var expectedName: String { Self.goldName(for: document) }

        static let root = Paths.packageRoot()
        static let folder = root.appendingPathComponent("Tests/Gold")

        /// The entity types of the document contract (docs/output.md).
        static let types: Set<String> = [
            "date", "period", "money", "province", "twg", "partner", "country", "organization",
            "person", "document-ref", "email", "phone", "url",
        ]

        /// The gold files, by name ("plans__bac-giang-123-kh-syt-2022.json").
        static let names: [String] = {
            let found = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return found.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        }()

        /// "Corpus/plans/x.txt" -> "plans__x.json".
        static func goldName(for document: String) -> String {
            var relative = document
            if relative.hasPrefix("Corpus/") { relative.removeFirst("Corpus/".count) }
            let stem = (relative as NSString).deletingPathExtension
            return stem.replacingOccurrences(of: "/", with: "__") + ".json"
        }

        struct Failure: Error, CustomStringConvertible {
            var description: String
        }

        static func load(_ name: String) throws -> GoldFile {
            let url = folder.appendingPathComponent(name)
            let raw = try JSONDecoder().decode(Raw.self, from: Data(contentsOf: url))
            return GoldFile(
                document: raw.document,
                textSHA256: raw.text_sha256,
                entities: raw.entities.map {
                    ScoredEntity(type: $0.type, text: $0.text, start: $0.start, end: $0.end, value: $0.value.canonical)
                }
            )
        }

        /// Runs the built-in pipeline over a Corpus file (named by its path relative to the
        /// package root, so the result never depends on the working directory).
        static func process(_ path: String) throws -> Document {
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(path)))
            return try Pipeline.builtIn().run(path: path, bytes: bytes).get()
        }

        private struct Raw: Decodable {
            var document: String
            var text_sha256: String
            var entities: [RawEntity]
        }

        private struct RawEntity: Decodable {
            var type: String
            var text: String
            var start: Int
            var end: Int
            var value: ParsedJSON
        }
    }

    // MARK: - Canonical JSON values

    /// A JSON value as parsed from a gold file.
    fileprivate indirect enum ParsedJSON: Decodable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([ParsedJSON])
        case object([String: ParsedJSON])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                self = .null
            } else if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Int.self) {
                self = .int(value)
            } else if let value = try? container.decode(Double.self) {
                self = .double(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([ParsedJSON].self) {
                self = .array(value)
            } else {
                self = .object(try container.decode([String: ParsedJSON].self))
            }
        }

        var canonical: String {
            switch self {
            case .null: "null"
            case .bool(let b): b ? "true" : "false"
            case .int(let i): CanonicalJSON.number(Double(i), exact: i)
            case .double(let d): CanonicalJSON.number(d, exact: nil)
            case .string(let s): CanonicalJSON.quote(s)
            case .array(let items): "[" + items.map(\.canonical).joined(separator: ",") + "]"
            case .object(let members):
                "{" + members.keys.sorted().map { CanonicalJSON.quote($0) + ":" + members[$0]!.canonical }.joined(separator: ",") + "}"
            }
        }
    }

    /// Canonical JSON text, identical for equal values whichever side they come from: object keys
    /// sorted, no spaces, integral numbers written as integers.
    fileprivate enum CanonicalJSON {
        static func string(_ value: JSONValue) -> String {
            switch value {
            case .null: "null"
            case .bool(let b): b ? "true" : "false"
            case .int(let i): number(Double(i), exact: i)
            case .double(let d): number(d, exact: nil)
            case .string(let s): quote(s)
            case .array(let items): "[" + items.map(string).joined(separator: ",") + "]"
            case .object(let members):
                "{" + members.sorted { $0.key < $1.key }.map { quote($0.key) + ":" + string($0.value) }.joined(separator: ",") + "}"
            }
        }

        /// `exact` is the integer itself when the value came as one (kept exact beyond 2^53).
        static func number(_ d: Double, exact: Int?) -> String {
            if let exact { return String(exact) }
            if d.isFinite, d == d.rounded(), abs(d) < 9.0e15 { return String(Int(d)) }
            return String(d)
        }

        static func quote(_ s: String) -> String {
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                case "\r": out += "\\r"
                default:
                    if scalar.value < 0x20 {
                        out += String(format: "\\u%04x", scalar.value)
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
    }

    // MARK: - Scoring

    fileprivate struct Score {
        struct Row {
            var type: String
            var gold = 0
            var predicted = 0
            var correct = 0
            var misses: [ScoredEntity] = []
            var falseAlarms: [ScoredEntity] = []

            /// Correct / predicted; 0 when nothing was predicted but there is gold to find.
            var precision: Double { predicted == 0 ? (gold == 0 ? 1 : 0) : Double(correct) / Double(predicted) }
            /// Correct / gold; 1 when there is no gold.
            var recall: Double { gold == 0 ? 1 : Double(correct) / Double(gold) }
        }

        var rows: [Row]
        /// Predicted values at each gold span, to show what was found instead of a missed value.
        var predictedAtSpan: [String: [String]]

        /// Exact matching of (type, start, end, value) as multisets: a duplicated prediction counts
        /// once as correct and once as a false alarm.
        init(gold: [ScoredEntity], predicted: [ScoredEntity]) {
            var byType: [String: Row] = [:]
            var unmatched: [ScoredEntity.Key: Int] = [:]
            for entity in gold {
                byType[entity.type, default: Row(type: entity.type)].gold += 1
                unmatched[entity.key, default: 0] += 1
            }
            var spans: [String: [String]] = [:]
            for entity in predicted {
                byType[entity.type, default: Row(type: entity.type)].predicted += 1
                spans["\(entity.type) \(entity.start) \(entity.end)", default: []].append(entity.value)
                if let left = unmatched[entity.key], left > 0 {
                    unmatched[entity.key] = left - 1
                    byType[entity.type]!.correct += 1
                } else {
                    byType[entity.type]!.falseAlarms.append(entity)
                }
            }
            for entity in gold {
                if let left = unmatched[entity.key], left > 0 {
                    unmatched[entity.key] = left - 1
                    byType[entity.type]!.misses.append(entity)
                }
            }
            rows = byType.values.sorted { $0.type < $1.type }
            predictedAtSpan = spans
        }

        static func format(_ x: Double) -> String { String(format: "%.3f", x) }

        func report(title: String, limit: Int) -> String {
            func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
                let fill = String(repeating: " ", count: max(0, width - s.count))
                return right ? fill + s : s + fill
            }
            var lines = ["", "== \(title)"]
            lines.append(pad("type", 14) + pad("gold", 6, right: true) + pad("pred", 6, right: true) + pad("correct", 9, right: true)
                + pad("precision", 11, right: true) + pad("recall", 8, right: true))
            var total = Row(type: "all")
            for row in rows {
                total.gold += row.gold
                total.predicted += row.predicted
                total.correct += row.correct
            }
            for row in rows + [total] {
                lines.append(pad(row.type, 14) + pad("\(row.gold)", 6, right: true) + pad("\(row.predicted)", 6, right: true)
                    + pad("\(row.correct)", 9, right: true) + pad(Self.format(row.precision), 11, right: true)
                    + pad(Self.format(row.recall), 8, right: true))
            }
            for row in rows where !row.misses.isEmpty || !row.falseAlarms.isEmpty {
                if !row.misses.isEmpty {
                    lines.append("-- \(row.type): \(row.misses.count) missed")
                    for entity in row.misses.prefix(limit) {
                        let found = predictedAtSpan["\(entity.type) \(entity.start) \(entity.end)"] ?? []
                        lines.append("   miss  " + entity.line + (found.isEmpty ? "" : "   (found there: \(found.joined(separator: " | ")))"))
                    }
                    if row.misses.count > limit { lines.append("   … \(row.misses.count - limit) more") }
                }
                if !row.falseAlarms.isEmpty {
                    lines.append("-- \(row.type): \(row.falseAlarms.count) false alarms")
                    for entity in row.falseAlarms.prefix(limit) { lines.append("   false " + entity.line) }
                    if row.falseAlarms.count > limit { lines.append("   … \(row.falseAlarms.count - limit) more") }
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}

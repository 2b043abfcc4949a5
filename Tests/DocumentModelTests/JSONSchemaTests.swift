import DocumentModel
import Foundation
import Testing
import _TestSupport

// The JSON Schema checker in _TestSupport, and docs/schema/document.schema.json checked with it.

/// The package root, found from this file: Tests/DocumentModelTests/JSONSchemaTests.swift.
private let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()  // Tests/DocumentModelTests
    .deletingLastPathComponent()  // Tests
    .deletingLastPathComponent()  // the package

private let documentSchemaURL = packageRoot.appendingPathComponent("docs/schema/document.schema.json")

private func loadDocumentSchema() throws -> JSONSchema {
    try JSONSchema(data: try Data(contentsOf: documentSchemaURL))
}

/// The schema file as plain JSON, to read or to edit.
private func documentSchemaObject() throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: try Data(contentsOf: documentSchemaURL)) as? [String: Any])
}

/// A valid document as vndoc writes it. Offsets count Unicode scalars of `text`.
private let sampleDocument = #"""
    {
      "schema_version": 1,
      "source": {"path": "Corpus/questionnaires/x.txt", "format": "text", "encoding": "windows-1258", "bytes": 97, "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"},
      "text": "II. MỤC ĐÍCH\nNgày 15/11/2016, Sở Y tế Cao Bằng họp.\n2a) Thành phần: Sở Y tế",
      "blocks": [
        {"type": "heading", "start": 0, "end": 12, "level": 1, "label": "II."},
        {"type": "paragraph", "start": 13, "end": 51},
        {"type": "list-item", "start": 52, "end": 75, "level": 2, "label": "2a)"}
      ],
      "entities": [
        {"type": "date", "text": "15/11/2016", "start": 18, "end": 28, "value": "2016-11-15", "rule": "dd/mm/yyyy"},
        {"type": "province", "text": "Cao Bằng", "start": 38, "end": 46, "value": {"name": "Cao Bằng", "country": "VN", "code": "04", "successor": "Cao Bằng"}}
      ],
      "warnings": [
        {"stage": "read", "code": "decoded-windows-1258", "message": "not valid UTF-8 (byte 0xD0 at offset 9); decoded as Windows-1258"}
      ]
    }
    """#

/// An edit to the sample document: a JSON pointer and the JSON to put there (nil removes it).
struct DocumentEdit: Sendable, CustomTestStringConvertible {
    var name: String
    var pointer: String
    var json: String?
    /// The path the one error must name; nil when the edited document is still valid.
    var errorPath: String?

    var testDescription: String { name }

    func apply(to document: Any) throws -> Any {
        let keys = pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
            .map { $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~") }
        let value = try json.map { try parseJSON($0) }
        return try Self.replace(in: document, at: keys[...], with: value)
    }

    private static func replace(in container: Any, at keys: ArraySlice<String>, with value: Any?) throws -> Any {
        guard let key = keys.first else { return value ?? NSNull() }
        let rest = keys.dropFirst()
        if var object = container as? [String: Any] {
            if rest.isEmpty {
                object[key] = value
            } else {
                object[key] = try replace(in: try #require(object[key]), at: rest, with: value)
            }
            return object
        }
        if var array = container as? [Any], let index = Int(key), array.indices.contains(index) {
            if rest.isEmpty, let value {
                array[index] = value
            } else if rest.isEmpty {
                array.remove(at: index)
            } else {
                array[index] = try replace(in: array[index], at: rest, with: value)
            }
            return array
        }
        Issue.record("cannot follow \(key) in \(type(of: container))")
        return container
    }
}

private func parseJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

/// The JSON pointer an error names: everything before the first ": ".
private func errorPath(_ error: String) -> String {
    error.range(of: ": ").map { String(error[..<$0.lowerBound]) } ?? error
}

private let documentEdits: [DocumentEdit] = [
    // Each of these breaks exactly one rule, so exactly one error, at exactly this path.
    DocumentEdit(name: "missing text", pointer: "/text", json: nil, errorPath: "/text"),
    DocumentEdit(name: "block type chapter", pointer: "/blocks/0/type", json: #""chapter""#, errorPath: "/blocks/0/type"),
    DocumentEdit(name: "negative start", pointer: "/blocks/1/start", json: "-1", errorPath: "/blocks/1/start"),
    DocumentEdit(name: "sha256 of 63 digits", pointer: "/source/sha256",
                 json: #""9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0""#, errorPath: "/source/sha256"),
    DocumentEdit(name: "sha256 of 65 digits", pointer: "/source/sha256",
                 json: #""9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a080""#, errorPath: "/source/sha256"),
    DocumentEdit(name: "extra key in source", pointer: "/source/mtime", json: "0", errorPath: "/source/mtime"),
    DocumentEdit(name: "true where integer expected", pointer: "/source/bytes", json: "true", errorPath: "/source/bytes"),
    DocumentEdit(name: "false where integer expected", pointer: "/blocks/0/level", json: "false", errorPath: "/blocks/0/level"),
    DocumentEdit(name: "1.5 where integer expected", pointer: "/blocks/0/end", json: "1.5", errorPath: "/blocks/0/end"),
    DocumentEdit(name: "entity without value", pointer: "/entities/0/value", json: nil, errorPath: "/entities/0/value"),
    DocumentEdit(name: "warning code with spaces", pointer: "/warnings/0/code", json: #""decoded windows 1258""#,
                 errorPath: "/warnings/0/code"),
    // More of the schema's rules.
    DocumentEdit(name: "schema_version 2", pointer: "/schema_version", json: "2", errorPath: "/schema_version"),
    DocumentEdit(name: "schema_version true", pointer: "/schema_version", json: "true", errorPath: "/schema_version"),
    DocumentEdit(name: "extra top-level key", pointer: "/stats", json: "{}", errorPath: "/stats"),
    DocumentEdit(name: "missing source", pointer: "/source", json: nil, errorPath: "/source"),
    DocumentEdit(name: "missing encoding", pointer: "/source/encoding", json: nil, errorPath: "/source/encoding"),
    DocumentEdit(name: "format pdf", pointer: "/source/format", json: #""pdf""#, errorPath: "/source/format"),
    DocumentEdit(name: "encoding a number", pointer: "/source/encoding", json: "8", errorPath: "/source/encoding"),
    DocumentEdit(name: "negative bytes", pointer: "/source/bytes", json: "-5", errorPath: "/source/bytes"),
    DocumentEdit(name: "sha256 in uppercase", pointer: "/source/sha256",
                 json: #""9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08""#, errorPath: "/source/sha256"),
    DocumentEdit(name: "text null", pointer: "/text", json: "null", errorPath: "/text"),
    DocumentEdit(name: "blocks an object", pointer: "/blocks", json: "{}", errorPath: "/blocks"),
    DocumentEdit(name: "level 0", pointer: "/blocks/0/level", json: "0", errorPath: "/blocks/0/level"),
    DocumentEdit(name: "empty label", pointer: "/blocks/2/label", json: #""""#, errorPath: "/blocks/2/label"),
    DocumentEdit(name: "block without end", pointer: "/blocks/1/end", json: nil, errorPath: "/blocks/1/end"),
    DocumentEdit(name: "extra key in block", pointer: "/blocks/1/text", json: #""Ngày""#, errorPath: "/blocks/1/text"),
    DocumentEdit(name: "empty entity type", pointer: "/entities/1/type", json: #""""#, errorPath: "/entities/1/type"),
    DocumentEdit(name: "entity rule null", pointer: "/entities/0/rule", json: "null", errorPath: "/entities/0/rule"),
    DocumentEdit(name: "warning code in capitals", pointer: "/warnings/0/code", json: #""Decoded""#,
                 errorPath: "/warnings/0/code"),
    DocumentEdit(name: "empty warning message", pointer: "/warnings/0/message", json: #""""#,
                 errorPath: "/warnings/0/message"),
    DocumentEdit(name: "warning without stage", pointer: "/warnings/0/stage", json: nil, errorPath: "/warnings/0/stage"),
    // Still valid.
    DocumentEdit(name: "encoding null", pointer: "/source/encoding", json: "null", errorPath: nil),
    DocumentEdit(name: "no level or label", pointer: "/blocks/0", json: #"{"type": "heading", "start": 0, "end": 12}"#,
                 errorPath: nil),
    DocumentEdit(name: "1.0 is an integer", pointer: "/blocks/1/start", json: "13.0", errorPath: nil),
    DocumentEdit(name: "date value null", pointer: "/entities/0/value", json: "null", errorPath: "/entities/0/value"),
    DocumentEdit(name: "date value an array", pointer: "/entities/0/value", json: "[2016, 11, 15]", errorPath: "/entities/0/value"),
    DocumentEdit(name: "date value written as in the text", pointer: "/entities/0/value", json: "\"15/11/2016\"", errorPath: "/entities/0/value"),
    DocumentEdit(name: "no entities", pointer: "/entities", json: "[]", errorPath: nil),
    DocumentEdit(name: "format docx", pointer: "/source/format", json: #""docx""#, errorPath: nil),
]

@Suite struct DocumentSchemaTests {
    @Test func schemaFileIsJSONTheCheckerAccepts() throws {
        #expect(try documentSchemaObject()["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        _ = try loadDocumentSchema()
    }

    @Test func sampleDocumentIsValid() throws {
        let schema = try loadDocumentSchema()
        #expect(schema.validate(try parseJSON(sampleDocument)) == [])
        #expect(try schema.validate(jsonData: Data(sampleDocument.utf8)) == [])
    }

    @Test func sampleOffsetsAreScalarOffsets() throws {
        // The sample itself keeps the rule the schema describes: text[start:end] is the span.
        let document = try #require(try parseJSON(sampleDocument) as? [String: Any])
        let scalars = Array(try #require(document["text"] as? String).unicodeScalars)
        let entities = try #require(document["entities"] as? [[String: Any]])
        for entity in entities {
            let start = try #require(entity["start"] as? Int), end = try #require(entity["end"] as? Int)
            var span = String.UnicodeScalarView()
            span.append(contentsOf: scalars[start..<end])
            #expect(String(span) == entity["text"] as? String)
        }
    }

    @Test func smallestDocumentIsValid() throws {
        let minimal = #"""
            {"schema_version": 1,
             "source": {"path": "a.txt", "format": "text", "encoding": null, "bytes": 0,
                        "sha256": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
             "text": "", "blocks": [], "entities": [], "warnings": []}
            """#
        #expect(try loadDocumentSchema().validate(jsonData: Data(minimal.utf8)) == [])
    }

    @Test(arguments: documentEdits)
    func editedDocument(_ edit: DocumentEdit) throws {
        let schema = try loadDocumentSchema()
        let errors = schema.validate(try edit.apply(to: try parseJSON(sampleDocument)))
        if let expected = edit.errorPath {
            #expect(errors.count == 1, "\(errors)")
            #expect(errors.map(errorPath) == [expected], "\(errors)")
        } else {
            #expect(errors == [])
        }
    }

    @Test func schemaVocabulariesMatchTheModel() throws {
        let schema = try documentSchemaObject()
        func enumeration(_ keys: String...) throws -> [String] {
            var node: Any = schema
            for key in keys { node = try #require((node as? [String: Any])?[key], "no \(key)") }
            return try #require(node as? [String], "\(keys) is not a list of strings")
        }
        #expect(try enumeration("$defs", "block", "properties", "type", "enum") == BlockType.allCases.map(\.rawValue))
        #expect(try enumeration("properties", "source", "properties", "format", "enum") == Format.allCases.map(\.rawValue))
        #expect(try enumeration("$defs", "block", "properties", "list", "enum") == ListKind.allCases.map(\.rawValue))
    }
}

// MARK: - The checker itself

/// A schema, an instance, and the paths of the errors expected ([] for valid).
struct SchemaCase: Sendable, CustomTestStringConvertible {
    var schema: String
    var instance: String
    var errorPaths: [String]
    var testDescription: String { "\(schema) ← \(instance)" }

    init(_ schema: String, _ instance: String, _ errorPaths: [String] = []) {
        self.schema = schema
        self.instance = instance
        self.errorPaths = errorPaths
    }
}

private let schemaCases: [SchemaCase] = [
    // Booleans are not numbers and numbers are not booleans, although Foundation hands both over as NSNumber.
    SchemaCase(#"{"type": "integer"}"#, "0"),
    SchemaCase(#"{"type": "integer"}"#, "1"),
    SchemaCase(#"{"type": "integer"}"#, "-7"),
    SchemaCase(#"{"type": "integer"}"#, "1.0"),
    SchemaCase(#"{"type": "integer"}"#, "1e2"),
    SchemaCase(#"{"type": "integer"}"#, "12345678901234567890"),
    SchemaCase(#"{"type": "integer"}"#, "true", ["/"]),
    SchemaCase(#"{"type": "integer"}"#, "false", ["/"]),
    SchemaCase(#"{"type": "integer"}"#, "1.5", ["/"]),
    SchemaCase(#"{"type": "integer"}"#, #""1""#, ["/"]),
    SchemaCase(#"{"type": "integer"}"#, "null", ["/"]),
    SchemaCase(#"{"type": "number"}"#, "1.5"),
    SchemaCase(#"{"type": "number"}"#, "0"),
    SchemaCase(#"{"type": "number"}"#, "true", ["/"]),
    SchemaCase(#"{"type": "number"}"#, "false", ["/"]),
    SchemaCase(#"{"type": "boolean"}"#, "true"),
    SchemaCase(#"{"type": "boolean"}"#, "false"),
    SchemaCase(#"{"type": "boolean"}"#, "0", ["/"]),
    SchemaCase(#"{"type": "boolean"}"#, "1", ["/"]),
    SchemaCase(#"{"type": ["string", "null"]}"#, "null"),
    SchemaCase(#"{"type": ["string", "null"]}"#, #""x""#),
    SchemaCase(#"{"type": ["string", "null"]}"#, "0", ["/"]),
    SchemaCase(#"{"type": "object"}"#, "[]", ["/"]),
    SchemaCase(#"{"type": "array"}"#, "{}", ["/"]),
    // const and enum compare as JSON: 1 equals 1.0, but never true.
    SchemaCase(#"{"const": 1}"#, "1"),
    SchemaCase(#"{"const": 1}"#, "1.0"),
    SchemaCase(#"{"const": 1}"#, "true", ["/"]),
    SchemaCase(#"{"const": 0}"#, "false", ["/"]),
    SchemaCase(#"{"const": true}"#, "1", ["/"]),
    SchemaCase(#"{"const": {"a": [1, "b"]}}"#, #"{"a": [1, "b"]}"#),
    SchemaCase(#"{"const": {"a": [1, "b"]}}"#, #"{"a": [1, "b"], "c": null}"#, ["/"]),
    SchemaCase(#"{"enum": ["a", 1, null]}"#, "null"),
    SchemaCase(#"{"enum": ["a", 1, null]}"#, "1.0"),
    SchemaCase(#"{"enum": ["a", 1, null]}"#, "true", ["/"]),
    SchemaCase(#"{"enum": ["a", 1, null]}"#, #""A""#, ["/"]),
    SchemaCase(#"{"enum": [false]}"#, "0", ["/"]),
    // minimum applies to numbers only.
    SchemaCase(#"{"minimum": 0}"#, "0"),
    SchemaCase(#"{"minimum": 0}"#, "-1", ["/"]),
    SchemaCase(#"{"minimum": 0}"#, "-0.5", ["/"]),
    SchemaCase(#"{"minimum": 0}"#, #""-1""#),
    SchemaCase(#"{"minimum": 1}"#, "0.999", ["/"]),
    // minLength counts Unicode scalars: "ệ" precomposed is one, decomposed three.
    SchemaCase(#"{"minLength": 1}"#, #""""#, ["/"]),
    SchemaCase(#"{"minLength": 2}"#, #""\u1ec7""#, ["/"]),
    SchemaCase(#"{"minLength": 3}"#, #""e\u0323\u0302""#),
    SchemaCase(#"{"minLength": 2}"#, #""😀""#, ["/"]),
    SchemaCase(#"{"minLength": 1}"#, "0"),
    // pattern searches anywhere unless anchored, and applies to strings only.
    SchemaCase(#"{"pattern": "^[a-z0-9-]+$"}"#, #""decoded-windows-1258""#),
    SchemaCase(#"{"pattern": "^[a-z0-9-]+$"}"#, #""two words""#, ["/"]),
    SchemaCase(#"{"pattern": "^[a-z0-9-]+$"}"#, #""Upper""#, ["/"]),
    SchemaCase(#"{"pattern": "^[a-z0-9-]+$"}"#, "12"),
    SchemaCase(#"{"pattern": "b"}"#, #""abc""#),
    SchemaCase(#"{"pattern": "^[0-9a-f]{64}$"}"#, #""\#(String(repeating: "0", count: 64))""#),
    SchemaCase(#"{"pattern": "^[0-9a-f]{64}$"}"#, #""\#(String(repeating: "0", count: 63))""#, ["/"]),
    // Objects: required names the missing member; additionalProperties as a boolean or a schema.
    SchemaCase(#"{"required": ["a", "b"]}"#, #"{"a": 1}"#, ["/b"]),
    SchemaCase(#"{"required": ["a"]}"#, "[]"),
    SchemaCase(#"{"properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#,
               #"{"a": "x", "b": 1}"#),
    SchemaCase(#"{"properties": {"a": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#,
               #"{"a": 1, "b": "x"}"#, ["/a", "/b"]),
    SchemaCase(#"{"additionalProperties": false}"#, #"{"a/b": 1, "c~d": 2}"#, ["/a~1b", "/c~0d"]),
    SchemaCase(#"{"additionalProperties": true}"#, #"{"a": 1}"#),
    SchemaCase(#"{"properties": {"a": false}}"#, #"{"a": 1}"#, ["/a"]),
    SchemaCase(#"{"properties": {"a": true}}"#, #"{"a": 1}"#),
    // Arrays and references.
    SchemaCase(#"{"items": {"type": "integer"}}"#, #"[1, "x", 3, true]"#, ["/1", "/3"]),
    SchemaCase(#"{"items": {"type": "integer"}}"#, #"{"0": "x"}"#),
    SchemaCase(##"{"$defs": {"n": {"type": "integer", "minimum": 1}}, "items": {"$ref": "#/$defs/n"}}"##, "[1, 0]", ["/1"]),
    SchemaCase(##"{"$defs": {"n": {"type": "integer"}}, "properties": {"a": {"$ref": "#/$defs/n", "minimum": 5}}}"##,
               #"{"a": 3}"#, ["/a"]),
    SchemaCase(##"{"$defs": {"n": {"type": "integer"}}, "properties": {"a": {"$ref": "#/$defs/n", "minimum": 5}}}"##,
               #"{"a": "x"}"#, ["/a"]),
    SchemaCase(##"{"$defs": {"list": {"type": "array", "items": {"$ref": "#/$defs/list"}}}, "$ref": "#/$defs/list"}"##,
               "[[], [[]], [[1]]]", ["/2/0/0"]),
    // Annotations change nothing.
    SchemaCase(#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "urn:x", "title": "t", "description": "d", "$comment": "c"}"#,
               #"{"anything": [1, 2]}"#),
    SchemaCase("true", "null"),
    SchemaCase("false", "null", ["/"]),
]

/// Schemas the checker must refuse to load, and what it must say.
private let refusedSchemas: [(schema: String, message: String)] = [
    (#"{"type": "string", "maxLength": 3}"#, "unsupported keyword maxLength at /"),
    (#"{"properties": {"date": {"type": "string", "format": "date"}}}"#, "unsupported keyword format at /properties/date"),
    (#"{"$defs": {"x": {"oneOf": []}}}"#, "unsupported keyword oneOf at /$defs/x"),
    (#"{"items": {"items": {"uniqueItems": true}}}"#, "unsupported keyword uniqueItems at /items/items"),
    (#"{"additionalProperties": {"prefixItems": []}}"#, "unsupported keyword prefixItems at /additionalProperties"),
    (#"{"properties": {"a/b": {"exclusiveMinimum": 0}}}"#, "unsupported keyword exclusiveMinimum at /properties/a~1b"),
    (#"{"definitions": {}}"#, "unsupported keyword definitions at /"),
    (#"{"type": "int"}"#, "unknown type \"int\" at /type"),
    (#"{"items": [{"type": "string"}]}"#, "items must be a schema (draft 2020-12; arrays of schemas are prefixItems) at /items"),
    (##"{"$ref": "#/definitions/x"}"##, "unsupported $ref \"#/definitions/x\" (only \"#/$defs/NAME\") at /$ref"),
    (##"{"$ref": "other.json#/$defs/x"}"##, "unsupported $ref \"other.json#/$defs/x\" (only \"#/$defs/NAME\") at /$ref"),
    (##"{"properties": {"a": {"$ref": "#/$defs/missing"}}}"##, "$ref to \"#/$defs/missing\", which is not defined, at /properties/a/$ref"),
    (#"{"$schema": "http://json-schema.org/draft-07/schema#"}"#,
     "unsupported $schema \"http://json-schema.org/draft-07/schema#\" (only draft 2020-12) at /$schema"),
    (#"{"pattern": "("}"#, "pattern \"(\" is not a valid regular expression at /pattern"),
    (#"{"minLength": 1.5}"#, "minLength must be a non-negative integer at /minLength"),
    (#"{"properties": {"a": 1}}"#, "a schema must be an object or a boolean, got integer at /properties/a"),
    (#"[]"#, "the schema must be an object or a boolean, got array"),
]

@Suite struct JSONSchemaCheckerTests {
    @Test(arguments: schemaCases)
    func validates(_ c: SchemaCase) throws {
        let schema = try JSONSchema(data: Data(c.schema.utf8))
        let errors = try schema.validate(jsonData: Data(c.instance.utf8))
        #expect(errors.map(errorPath) == c.errorPaths, "\(errors)")
    }

    @Test(arguments: zip(refusedSchemas.map(\.schema), refusedSchemas.map(\.message)))
    func refusesWhatItDoesNotKnow(_ schema: String, _ message: String) throws {
        let error = try #require(throws: JSONSchema.SchemaError.self) { try JSONSchema(data: Data(schema.utf8)) }
        #expect(error.description == message)
    }

    @Test func unknownKeywordInTheDocumentSchemaIsReported() throws {
        // The document schema with one keyword this checker does not know, deep inside.
        var schema = try documentSchemaObject()
        var defs = try #require(schema["$defs"] as? [String: Any])
        var warning = try #require(defs["warning"] as? [String: Any])
        warning["maxProperties"] = 3
        defs["warning"] = warning
        schema["$defs"] = defs
        let data = try JSONSerialization.data(withJSONObject: schema)
        let error = try #require(throws: JSONSchema.SchemaError.self) { try JSONSchema(data: data) }
        #expect(error.description == "unsupported keyword maxProperties at /$defs/warning")
    }

    @Test func acceptsSwiftValues() throws {
        let schema = try JSONSchema(data: Data(#"""
            {"type": "object", "properties": {
               "n": {"type": "integer"}, "b": {"type": "boolean"}, "x": {"type": "number"},
               "s": {"type": "string"}, "z": {"type": "null"}, "list": {"type": "array", "items": {"type": "integer"}}}}
            """#.utf8))
        let valid: [String: Any] = ["n": 3, "b": true, "x": 2.5, "s": "ệ", "z": NSNull(), "list": [1, Int8(2), UInt64(3)] as [Any]]
        #expect(schema.validate(valid) == [])
        #expect(schema.validate(["n": true]).map(errorPath) == ["/n"])
        #expect(schema.validate(["n": 1.5]).map(errorPath) == ["/n"])
        #expect(schema.validate(["b": 1]).map(errorPath) == ["/b"])
        #expect(schema.validate(["b": NSNumber(value: 0)]).map(errorPath) == ["/b"])
        #expect(schema.validate(["n": NSNumber(value: false)]).map(errorPath) == ["/n"])
        #expect(schema.validate(["x": false]).map(errorPath) == ["/x"])
        #expect(schema.validate(["list": [1, true] as [Any]]).map(errorPath) == ["/list/1"])
        #expect(schema.validate(["x": Double.nan]).map(errorPath) == ["/x"])
        #expect(schema.validate(["s": Date()]).map(errorPath) == ["/s"])
        #expect(schema.validate([1]).map(errorPath) == ["/"])
    }

    @Test func messagesSayWhatIsWrong() throws {
        let schema = try loadDocumentSchema()
        var document = try #require(try parseJSON(sampleDocument) as? [String: Any])
        document["schema_version"] = 2
        document.removeValue(forKey: "warnings")
        #expect(schema.validate(document).sorted() == [
            "/schema_version: expected 1, got 2",
            "/warnings: required property is missing",
        ])
        let chapter = try DocumentEdit(name: "chapter", pointer: "/blocks/0/type", json: #""chapter""#)
            .apply(to: try parseJSON(sampleDocument))
        #expect(schema.validate(chapter) == [
            #"/blocks/0/type: "chapter" is not one of "heading", "paragraph", "list-item", "table-row", "table-cell", "preformatted""#
        ])
    }

    @Test func rejectsTextThatIsNotJSON() throws {
        let schema = try JSONSchema(data: Data("true".utf8))
        #expect(throws: (any Error).self) { try schema.validate(jsonData: Data("{".utf8)) }
    }
}

@Suite("Entity values in the schema")
struct EntityValueSchemaTests {
    static func document(_ entity: String) -> String {
        #"{"schema_version": 1, "source": {"path": "a", "format": "text", "encoding": "utf-8", "bytes": 1, "sha256": "\#(String(repeating: "0", count: 64))"}, "text": "x", "blocks": [], "entities": [\#(entity)], "warnings": []}"#
    }

    /// (entity JSON, whether the schema accepts it)
    static let cases: [(String, Bool)] = [
        (#"{"type": "date", "text": "x", "start": 0, "end": 1, "value": "2024-10-10T09:09"}"#, true),
        (#"{"type": "date", "text": "x", "start": 0, "end": 1, "value": "10/10/2024"}"#, false),
        (#"{"type": "period", "text": "x", "start": 0, "end": 1, "value": {"start": "2023", "end": "2025"}}"#, true),
        (#"{"type": "period", "text": "x", "start": 0, "end": 1, "value": {"start": "2023"}}"#, false),
        (#"{"type": "money", "text": "x", "start": 0, "end": 1, "value": {"amount": 1766925000, "currency": "VND"}}"#, true),
        (#"{"type": "money", "text": "x", "start": 0, "end": 1, "value": {"amount": "5", "currency": "VND"}}"#, false),
        (#"{"type": "province", "text": "x", "start": 0, "end": 1, "value": {"name": "Bắc Giang", "country": "VN", "code": "24", "successor": "Bắc Ninh"}}"#, true),
        (#"{"type": "province", "text": "x", "start": 0, "end": 1, "value": {"name": "Xaisomboun", "country": "LA", "code": null, "successor": null}}"#, true),
        (#"{"type": "twg", "text": "x", "start": 0, "end": 1, "value": {"id": "NKT"}}"#, false),
        (#"{"type": "person", "text": "x", "start": 0, "end": 1, "value": {"name": "Đào Hồng Lan", "title": "Bộ trưởng Bộ Y tế"}}"#, true),
        (#"{"type": "document-ref", "text": "x", "start": 0, "end": 1, "value": "123 /KH-SYT"}"#, false),
        (#"{"type": "phone", "text": "x", "start": 0, "end": 1, "value": "0462732235"}"#, true),
        (#"{"type": "weather", "text": "x", "start": 0, "end": 1, "value": "sunny"}"#, false),
    ]

    @Test("Each entity type's value has its shape", arguments: cases)
    func shapes(entity: String, valid: Bool) throws {
        let schema = try JSONSchema(data: Data(contentsOf: Paths.packageRoot().appendingPathComponent("docs/schema/document.schema.json")))
        let errors = try schema.validate(jsonData: Data(Self.document(entity).utf8))
        #expect(errors.isEmpty == valid, "\(errors)")
    }
}

@Suite("Scalar count")
struct ScalarCountTests {
    @Test("Counting continuation bytes gives Swift's scalar count", arguments: [
        "", "a", "Thừa Thiên Huế", "🙂 emoji và tiếng Việt", String(repeating: "ệ", count: 17), "abcdefghijklmnop", "ắ\u{0301}x",
    ])
    func matches(text: String) {
        #expect(Document(source: Source(path: "x"), text: text).scalarCount == text.unicodeScalars.count)
    }
}

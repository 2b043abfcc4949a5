public import Foundation

/// A deliberately small JSON Schema (draft 2020-12) validator for the tests.
///
/// It knows exactly the keywords docs/schema/document.schema.json uses — `type`, `properties`,
/// `required`, `additionalProperties`, `items`, `enum`, `const`, `minimum`, `minLength`,
/// `pattern`, `$ref` (to `#/$defs/NAME` only), `$defs`, `allOf`, `if`/`then`, and the annotations `title`,
/// `description`, `$schema`, `$id`, `$comment` — and refuses any other keyword when the schema is
/// loaded (`unsupported keyword X at <path>`), so a schema can never pass an instance by
/// containing something this checker silently ignores.
///
/// Semantics follow the specification: `integer` is any number with no fractional part (so
/// `1.0` is one), booleans are never numbers (nor numbers booleans, although Foundation hands
/// both over as `NSNumber`), `minLength` counts Unicode scalars, and `pattern` is searched
/// anywhere in the string (anchor it with `^…$`).
public struct JSONSchema: Sendable {
    /// A schema that could not be loaded: malformed, or using a keyword this checker does not know.
    public struct SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    private let root: Node
    private let definitions: [String: Node]

    public init(data: Data) throws {
        let object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        guard let json = JSON(object) else {
            throw SchemaError(message: "the schema is not JSON")
        }
        try self.init(json: json)
    }

    /// Validates a value as `JSONSerialization` returns it, or built from Swift dictionaries,
    /// arrays, strings, numbers, `Bool` and `NSNull`. Each error starts with the JSON pointer of
    /// the offending value ("/" for the whole instance), then a colon and what is wrong.
    public func validate(_ instance: Any) -> [String] {
        var errors: [String] = []
        guard let json = JSON(instance, errors: &errors, at: []) else { return errors }
        check(json, against: root, at: [], errors: &errors, depth: 0)
        return errors
    }

    /// Parses JSON text (fragments allowed) and validates it; throws only when it is not JSON.
    public func validate(jsonData: Data) throws -> [String] {
        validate(try JSONSerialization.jsonObject(with: jsonData, options: [.fragmentsAllowed]))
    }

    // MARK: - Loading

    private init(json: JSON) throws {
        guard json.isSchema else {
            throw SchemaError(message: "the schema must be an object or a boolean, got \(json.typeName)")
        }
        var definitions: [String: Node] = [:]
        if case .object(let members) = json, let defs = members["$defs"] {
            guard case .object(let named) = defs else {
                throw SchemaError(message: "$defs must be an object at /$defs")
            }
            for (name, schema) in named {
                definitions[name] = try Node.parse(schema, at: ["$defs", name], isRoot: false)
            }
        }
        self.root = try Node.parse(json, at: [], isRoot: true)
        self.definitions = definitions
        for (name, path) in root.references() + definitions.values.flatMap({ $0.references() })
        where definitions[name] == nil {
            throw SchemaError(message: "$ref to \"#/$defs/\(name)\", which is not defined, at \(pointer(path))")
        }
    }

    // MARK: - Validation

    private func check(_ value: JSON, against node: Node, at path: [String], errors: inout [String], depth: Int) {
        func fail(_ message: String) { errors.append("\(pointer(path)): \(message)") }

        switch node.kind {
        case .always:
            return
        case .never:
            fail("no value is allowed here")
            return
        case .keywords(let k):
            if depth > 200 {
                fail("$ref nesting deeper than 200: a cyclic schema?")
                return
            }
            if let name = k.ref, let target = definitions[name] {
                check(value, against: target, at: path, errors: &errors, depth: depth + 1)
            }
            for sub in k.allOf {
                check(value, against: sub, at: path, errors: &errors, depth: depth + 1)
            }
            if let condition = k.condition, let consequence = k.consequence {
                var probe: [String] = []
                check(value, against: condition, at: path, errors: &probe, depth: depth + 1)
                if probe.isEmpty { check(value, against: consequence, at: path, errors: &errors, depth: depth + 1) }
            }
            if let types = k.types, !types.contains(where: { value.hasType($0) }) {
                fail("expected \(types.joined(separator: " or ")), got \(value.typeName)")
                // The other keywords would only restate the mismatch.
                return
            }
            if let constant = k.const, constant != value {
                fail("expected \(constant.text), got \(value.text)")
            }
            if let allowed = k.enumeration, !allowed.contains(value) {
                fail("\(value.text) is not one of \(allowed.map(\.text).joined(separator: ", "))")
            }
            if let minimum = k.minimum, case .number(let n) = value, n < minimum {
                fail("\(value.text) is less than the minimum \(JSON.number(minimum).text)")
            }
            if case .string(let s) = value {
                if let minLength = k.minLength, s.unicodeScalars.count < minLength {
                    fail("\(value.text) is shorter than \(minLength) character\(minLength == 1 ? "" : "s")")
                }
                if let pattern = k.pattern,
                   pattern.regex.regex.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) == nil {
                    fail("\(value.text) does not match the pattern \(pattern.source)")
                }
            }
            if case .object(let members) = value {
                for name in k.required where members[name] == nil {
                    errors.append("\(pointer(path + [name])): required property is missing")
                }
                for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                    if let schema = k.properties[name] {
                        check(member, against: schema, at: path + [name], errors: &errors, depth: depth)
                    } else if let additional = k.additionalProperties {
                        if case .never = additional.kind {
                            errors.append("\(pointer(path + [name])): additional property is not allowed")
                        } else {
                            check(member, against: additional, at: path + [name], errors: &errors, depth: depth)
                        }
                    }
                }
            }
            if case .array(let elements) = value, let items = k.items {
                for (i, element) in elements.enumerated() {
                    check(element, against: items, at: path + [String(i)], errors: &errors, depth: depth)
                }
            }
        }
    }
}

// MARK: - Schema tree

private final class Node: Sendable {
    enum Kind: Sendable {
        case always  // the schema `true`
        case never  // the schema `false`
        case keywords(Keywords)
    }

    struct Keywords: Sendable {
        var types: [String]?
        var properties: [String: Node] = [:]
        var required: [String] = []
        var additionalProperties: Node?
        var items: Node?
        var enumeration: [JSON]?
        var const: JSON?
        var minimum: Number?
        var minLength: Int?
        var pattern: (source: String, regex: Regex)?
        var ref: String?
        var refPath: [String] = []
        var allOf: [Node] = []
        var condition: Node?
        var consequence: Node?
    }

    /// `NSRegularExpression` is immutable and documented as safe to share between threads.
    struct Regex: @unchecked Sendable {
        let regex: NSRegularExpression
    }

    let kind: Kind

    private init(_ kind: Kind) {
        self.kind = kind
    }

    static let typeNames: Set<String> = ["null", "boolean", "object", "array", "number", "integer", "string"]

    static func parse(_ json: JSON, at path: [String], isRoot: Bool) throws -> Node {
        func bad(_ message: String, _ keyword: String? = nil) -> JSONSchema.SchemaError {
            JSONSchema.SchemaError(message: "\(message) at \(pointer(keyword.map { path + [$0] } ?? path))")
        }
        switch json {
        case .bool(let b):
            return Node(b ? .always : .never)
        case .object(let members):
            var k = Keywords()
            // Sorted, so the first unsupported keyword reported is the same on every run.
            for (keyword, value) in members.sorted(by: { $0.key < $1.key }) {
                switch keyword {
                case "title", "description", "$comment":
                    guard case .string = value else { throw bad("\(keyword) must be a string", keyword) }
                case "$schema":
                    guard isRoot else { throw bad("$schema is only supported on the root schema", keyword) }
                    guard case .string(let uri) = value,
                          uri == "https://json-schema.org/draft/2020-12/schema" else {
                        throw bad("unsupported $schema \(value.text) (only draft 2020-12)", keyword)
                    }
                case "$id":
                    guard case .string = value else { throw bad("$id must be a string", keyword) }
                case "$defs":
                    // Parsed by JSONSchema.init; only the root's can be the target of a $ref.
                    guard isRoot else { throw bad("$defs is only supported on the root schema", keyword) }
                case "type":
                    let names: [String]
                    switch value {
                    case .string(let name): names = [name]
                    case .array(let list):
                        names = try list.map {
                            guard case .string(let name) = $0 else { throw bad("type must list strings", keyword) }
                            return name
                        }
                    default: throw bad("type must be a string or an array of strings", keyword)
                    }
                    for name in names where !typeNames.contains(name) {
                        throw bad("unknown type \"\(name)\"", keyword)
                    }
                    k.types = names
                case "properties":
                    guard case .object(let schemas) = value else { throw bad("properties must be an object", keyword) }
                    for (name, schema) in schemas {
                        k.properties[name] = try parse(schema, at: path + [keyword, name], isRoot: false)
                    }
                case "required":
                    guard case .array(let list) = value else { throw bad("required must be an array", keyword) }
                    k.required = try list.map {
                        guard case .string(let name) = $0 else { throw bad("required must list strings", keyword) }
                        return name
                    }
                case "additionalProperties":
                    k.additionalProperties = try parse(value, at: path + [keyword], isRoot: false)
                case "items":
                    guard value.isSchema else {
                        throw bad("items must be a schema (draft 2020-12; arrays of schemas are prefixItems)", keyword)
                    }
                    k.items = try parse(value, at: path + [keyword], isRoot: false)
                case "enum":
                    guard case .array(let list) = value else { throw bad("enum must be an array", keyword) }
                    k.enumeration = list
                case "const":
                    k.const = value
                case "minimum":
                    guard case .number(let n) = value else { throw bad("minimum must be a number", keyword) }
                    k.minimum = n
                case "minLength":
                    guard case .number(let n) = value, let count = n.exactInt, count >= 0 else {
                        throw bad("minLength must be a non-negative integer", keyword)
                    }
                    k.minLength = count
                case "pattern":
                    guard case .string(let source) = value else { throw bad("pattern must be a string", keyword) }
                    do {
                        k.pattern = (source, Regex(regex: try NSRegularExpression(pattern: source)))
                    } catch {
                        throw bad("pattern \(value.text) is not a valid regular expression", keyword)
                    }
                case "allOf":
                    guard case .array(let list) = value, !list.isEmpty else { throw bad("allOf must be a non-empty array", keyword) }
                    k.allOf = try list.enumerated().map { try parse($0.element, at: path + [keyword, String($0.offset)], isRoot: false) }
                case "if":
                    k.condition = try parse(value, at: path + [keyword], isRoot: false)
                case "then":
                    k.consequence = try parse(value, at: path + [keyword], isRoot: false)
                case "$ref":
                    let prefix = "#/$defs/"
                    guard case .string(let target) = value, target.hasPrefix(prefix),
                          !target.dropFirst(prefix.count).contains("/"), target.count > prefix.count else {
                        throw bad("unsupported $ref \(value.text) (only \"#/$defs/NAME\")", keyword)
                    }
                    k.ref = String(target.dropFirst(prefix.count))
                    k.refPath = path + [keyword]
                default:
                    throw JSONSchema.SchemaError(message: "unsupported keyword \(keyword) at \(pointer(path))")
                }
            }
            return Node(.keywords(k))
        default:
            throw JSONSchema.SchemaError(message: "a schema must be an object or a boolean, got \(json.typeName) at \(pointer(path))")
        }
    }

    /// Every `$ref` in this schema and its subschemas: the definition's name and where it is.
    func references() -> [(name: String, path: [String])] {
        guard case .keywords(let k) = kind else { return [] }
        var found: [(name: String, path: [String])] = k.ref.map { [($0, k.refPath)] } ?? []
        for child in Array(k.properties.values) + k.allOf + [k.additionalProperties, k.items, k.condition, k.consequence].compactMap({ $0 }) {
            found += child.references()
        }
        return found
    }
}

// MARK: - JSON values

/// A JSON number that remembers whether it was written (or stored) as an integer.
private enum Number: Sendable, Comparable {
    case int(Int64)
    case double(Double)

    var double: Double {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        }
    }

    /// The value as an `Int` when it is a whole number in range (so 3.0 gives 3).
    var exactInt: Int? {
        switch self {
        case .int(let i): Int(exactly: i)
        case .double(let d): Int(exactly: d)
        }
    }

    var isInteger: Bool {
        switch self {
        case .int: true
        case .double(let d): d.isFinite && d.rounded(.towardZero) == d
        }
    }

    static func == (a: Number, b: Number) -> Bool {
        if case .int(let x) = a, case .int(let y) = b { return x == y }
        return a.double == b.double
    }

    static func < (a: Number, b: Number) -> Bool {
        if case .int(let x) = a, case .int(let y) = b { return x < y }
        return a.double < b.double
    }
}

private indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Number)
    case string(String)
    case array([JSON])
    case object([String: JSON])

    /// The class of `NSNumber` Foundation uses for booleans (`__NSCFBoolean`), distinct from
    /// the one it uses for numbers on Linux and on Darwin.
    private static let booleanClass: AnyClass = type(of: NSNumber(value: true))

    init?(_ any: Any) {
        var errors: [String] = []
        self.init(any, errors: &errors, at: [])
    }

    /// Converts what `JSONSerialization` returns, or the same shapes built in Swift.
    init?(_ any: Any, errors: inout [String], at path: [String]) {
        // Foundation's NSNumber first: it answers `as? Bool`, `as? Int` and `as? Double` alike,
        // so only its class and its objCType tell a boolean from a number.
        if let number = any as? NSNumber, type(of: any) is NSNumber.Type {
            if type(of: number) == JSON.booleanClass {
                self = .bool(number.boolValue)
                return
            }
            switch String(cString: number.objCType) {
            case "d", "f":
                self = .number(.double(number.doubleValue))
            case "Q", "L", "I", "S", "C":
                let unsigned = number.uint64Value
                self = .number(Int64(exactly: unsigned).map { .int($0) } ?? .double(Double(unsigned)))
            default:
                self = .number(.int(number.int64Value))
            }
            return
        }
        switch any {
        case is NSNull:
            self = .null
        case let b as Bool where type(of: any) == Bool.self:
            self = .bool(b)
        case let s as String:
            self = .string(s)
        case let i as Int where type(of: any) == Int.self:
            self = .number(.int(Int64(i)))
        case let d as Double where type(of: any) == Double.self:
            guard d.isFinite else {
                errors.append("\(pointer(path)): \(d) is not a JSON number")
                return nil
            }
            self = .number(.double(d))
        case let i as any BinaryInteger:
            guard let exact = Int64(exactly: i) else {
                self = .number(.double(Double(i)))
                return
            }
            self = .number(.int(exact))
        case let list as [Any]:
            var elements: [JSON] = []
            elements.reserveCapacity(list.count)
            var ok = true
            for (i, element) in list.enumerated() {
                if let json = JSON(element, errors: &errors, at: path + [String(i)]) {
                    elements.append(json)
                } else {
                    ok = false
                }
            }
            guard ok else { return nil }
            self = .array(elements)
        case let dictionary as [String: Any]:
            var members: [String: JSON] = [:]
            var ok = true
            for (key, member) in dictionary {
                if let json = JSON(member, errors: &errors, at: path + [key]) {
                    members[key] = json
                } else {
                    ok = false
                }
            }
            guard ok else { return nil }
            self = .object(members)
        default:
            errors.append("\(pointer(path)): a \(type(of: any)) is not a JSON value")
            return nil
        }
    }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number(let n): n.isInteger ? "integer" : "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    func hasType(_ name: String) -> Bool {
        switch (self, name) {
        case (.null, "null"), (.bool, "boolean"), (.number, "number"), (.string, "string"),
            (.array, "array"), (.object, "object"):
            true
        case (.number(let n), "integer"):
            n.isInteger
        default:
            false
        }
    }

    var isSchema: Bool {
        switch self {
        case .bool, .object: true
        default: false
        }
    }

    /// Compact JSON text for messages: strings quoted and escaped, object keys sorted.
    var text: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(.int(let i)): return String(i)
        case .number(.double(let d)):
            if let i = Int64(exactly: d) { return "\(i).0" }
            return String(d)
        case .string(let s):
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out + "\""
        case .array(let elements):
            return "[" + elements.map(\.text).joined(separator: ", ") + "]"
        case .object(let members):
            return "{" + members.sorted(by: { $0.key < $1.key })
                .map { JSON.string($0.key).text + ": " + $0.value.text }
                .joined(separator: ", ") + "}"
        }
    }
}

/// A JSON pointer (RFC 6901) for messages; the whole document is shown as "/".
private func pointer(_ path: [String]) -> String {
    guard !path.isEmpty else { return "/" }
    return path.map { "/" + $0.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1") }
        .joined()
}

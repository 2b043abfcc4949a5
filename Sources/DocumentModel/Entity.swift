/// A recognised mention with its exact span and canonical value.
public struct Entity: Sendable, Equatable {
    /// "date", "period", "money", "province", "twg", …
    public var type: String
    /// Exactly the text at `start..<end` of `Document.text`.
    public var text: String
    public var start: Int
    public var end: Int
    /// The canonical value; its shape depends on `type`.
    public var value: JSONValue
    /// Which recogniser fired, for tracing.
    public var rule: String?

    public init(type: String, text: String, start: Int, end: Int, value: JSONValue, rule: String? = nil) {
        self.type = type
        self.text = text
        self.start = start
        self.end = end
        self.value = value
        self.rule = rule
    }
}

/// A JSON value with object members kept in order, so output is deterministic.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([Member])

    public struct Member: Sendable, Equatable {
        public var key: String
        public var value: JSONValue
        public init(_ key: String, _ value: JSONValue) {
            self.key = key
            self.value = value
        }
    }
}

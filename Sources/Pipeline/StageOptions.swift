/// A value from a pipeline file.
public enum OptionValue: Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case null
    case list([OptionValue])

    var kind: String {
        switch self {
        case .string: "a string"
        case .int: "an integer"
        case .double: "a number"
        case .bool: "true or false"
        case .null: "nothing"
        case .list: "a list"
        }
    }

    var display: String {
        switch self {
        case .string(let s): "\"\(s)\""
        case .int(let i): String(i)
        case .double(let d): String(d)
        case .bool(let b): String(b)
        case .null: "null"
        case .list(let l): "[" + l.map(\.display).joined(separator: ", ") + "]"
        }
    }
}

/// A problem with a pipeline file: names the file, the key and what is wrong.
public struct PipelineError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var key: String
    public var reason: String

    public init(file: String, key: String, reason: String) {
        self.file = file
        self.key = key
        self.reason = reason
    }

    public var description: String { key.isEmpty ? "\(file): \(reason)" : "\(file): \(key): \(reason)" }
}

/// The options one stage got in a pipeline file, with typed accessors whose errors name the key.
public struct StageOptions: Sendable {
    public let file: String
    /// Where these options sit, e.g. "stages[1].normalize".
    public let path: String
    public let values: [String: OptionValue]

    public init(file: String = "<options>", path: String = "", values: [String: OptionValue] = [:]) {
        self.file = file
        self.path = path
        self.values = values
    }

    func error(_ key: String, _ reason: String) -> PipelineError {
        PipelineError(file: file, key: path.isEmpty ? key : "\(path).\(key)", reason: reason)
    }

    public func string(_ key: String, default value: String) throws(PipelineError) -> String {
        switch values[key] {
        case nil: return value
        case .string(let s): return s
        case let other?: throw error(key, "expected a string, found \(other.kind) (\(other.display))")
        }
    }

    public func bool(_ key: String, default value: Bool) throws(PipelineError) -> Bool {
        switch values[key] {
        case nil: return value
        case .bool(let b): return b
        case let other?: throw error(key, "expected true or false, found \(other.kind) (\(other.display))")
        }
    }

    public func int(_ key: String, default value: Int, in range: ClosedRange<Int>) throws(PipelineError) -> Int {
        switch values[key] {
        case nil: return value
        case .int(let i):
            guard range.contains(i) else { throw error(key, "\(i) is out of range (\(range.lowerBound)...\(range.upperBound))") }
            return i
        case let other?: throw error(key, "expected an integer, found \(other.kind) (\(other.display))")
        }
    }

    /// One of a fixed set of words, e.g. `tones: official`.
    public func choice<E: RawRepresentable & CaseIterable>(_ key: String, default value: E) throws(PipelineError) -> E where E.RawValue == String {
        let word = try string(key, default: value.rawValue)
        guard let chosen = E(rawValue: word) else {
            let allowed = E.allCases.map(\.rawValue).joined(separator: ", ")
            throw error(key, "\"\(word)\" is not one of: \(allowed)")
        }
        return chosen
    }
}

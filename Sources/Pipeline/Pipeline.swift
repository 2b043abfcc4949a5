public import DocumentModel
import Emit
import Foundation
import Ingest
import Yams

/// A pipeline: stages in order, loaded from a YAML file such as `Pipelines/default.yml`.
///
///     bytes ──read──▶ text ──normalize──▶ normalised text ──segment──▶ blocks ──▶ emitters
///             (source, encoding)     (NFC, tones, whitespace)     (headings, items)   (JSON, JSONL)
///
/// Each stage takes the `Document` and returns it changed; after every stage the runner checks
/// the document's contract (spans inside the text, blocks in order), so a faulty stage fails
/// its document with a clear error rather than writing bad data.
public struct Pipeline: Sendable {
    public let name: String
    /// The file it was loaded from, for messages.
    public let file: String
    public let stages: [any Stage]
    /// The definition it was parsed from (empty when built in code); part of `fingerprint`.
    public let definition: String

    public init(name: String, file: String, stages: [any Stage], definition: String = "") {
        self.name = name
        self.file = file
        self.stages = stages
        self.definition = definition
    }

    /// Identifies what produces a document: the pipeline's definition (or its stage names) and
    /// the output schema version. Stored with each document in the database, so that a re-run
    /// with another pipeline redoes documents even when their bytes did not change.
    public var fingerprint: String {
        let basis = "schema \(DocumentJSON.schemaVersion)\n" + (definition.isEmpty ? stages.map { type(of: $0).name }.joined(separator: ",") : definition)
        return String(SHA256.hex(Array(basis.utf8)).prefix(16))
    }

    /// The built-in default, identical to `Pipelines/default.yml` (a test keeps them equal).
    public static func builtIn() throws(PipelineError) -> Pipeline {
        try parse(yaml: defaultPipelineYAML, file: "<built-in default pipeline>")
    }

    public static func load(path: String) throws(PipelineError) -> Pipeline {
        let yaml: String
        do {
            yaml = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw PipelineError(file: path, key: "", reason: "cannot read the pipeline file (\(FileManager.default.fileExists(atPath: path) ? "not UTF-8 text?" : "no such file"))")
        }
        return try parse(yaml: yaml, file: path)
    }

    /// Parses a pipeline definition:
    ///
    ///     name: default
    ///     stages:
    ///       - read
    ///       - normalize:
    ///           tones: official
    ///       - segment: {}
    public static func parse(yaml: String, file: String) throws(PipelineError) -> Pipeline {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            throw PipelineError(file: file, key: "", reason: "not valid YAML: \(String(describing: error).split(separator: "\n").joined(separator: " "))")
        }
        guard let top = root?.mapping else {
            throw PipelineError(file: file, key: "", reason: "expected a mapping with 'stages' (and optionally 'name')")
        }
        var name = (file as NSString).lastPathComponent
        var stageNodes: Node.Sequence?
        for (keyNode, value) in top {
            let key = keyNode.string ?? ""
            switch key {
            case "name":
                guard let s = value.string else { throw PipelineError(file: file, key: "name", reason: "expected a string") }
                name = s
            case "stages":
                guard let seq = value.sequence else {
                    throw PipelineError(file: file, key: "stages", reason: "expected a list of stages")
                }
                stageNodes = seq
            default:
                throw PipelineError(file: file, key: key, reason: "unknown key; a pipeline file has 'name' and 'stages'")
            }
        }
        guard let stageNodes, !stageNodes.isEmpty else {
            throw PipelineError(file: file, key: "stages", reason: "no stages: list at least 'read'")
        }

        var stages: [any Stage] = []
        var provided: Set<Capability> = []
        for (index, node) in stageNodes.enumerated() {
            let (stageName, optionNode) = try stageEntry(node, index: index, file: file)
            let key = "stages[\(index)]"
            guard let type = StageRegistry.stage(named: stageName) else {
                let known = StageRegistry.all.map { $0.name }.joined(separator: ", ")
                throw PipelineError(file: file, key: key, reason: "unknown stage '\(stageName)'; stages are: \(known)")
            }
            let path = "\(key).\(stageName)"
            let values = try optionValues(optionNode, path: path, file: file)
            let knownKeys = type.options.map(\.key)
            for k in values.keys.sorted() where !knownKeys.contains(k) {
                let hint = knownKeys.isEmpty ? "this stage takes no options" : "options are: " + knownKeys.joined(separator: ", ")
                let near = knownKeys.first { editDistance($0, k) <= 2 }.map { " (did you mean '\($0)'?)" } ?? ""
                throw PipelineError(file: file, key: "\(path).\(k)", reason: "unknown option\(near); \(hint)")
            }
            let missing = type.requires.subtracting(provided)
            if !missing.isEmpty {
                let names = missing.map(\.rawValue).sorted().joined(separator: ", ")
                throw PipelineError(file: file, key: path, reason: "needs \(names), which no earlier stage provides")
            }
            stages.append(try type.init(options: StageOptions(file: file, path: path, values: values)))
            provided.formUnion(type.provides)
        }
        return Pipeline(name: name, file: file, stages: stages, definition: yaml)
    }

    private static func stageEntry(_ node: Node, index: Int, file: String) throws(PipelineError) -> (String, Node?) {
        if let s = node.string, node.scalar != nil { return (s, nil) }
        if let m = node.mapping, m.count == 1, let first = m.first, let s = first.key.string { return (s, first.value) }
        throw PipelineError(file: file, key: "stages[\(index)]", reason: "expected a stage name, or a mapping of one stage name to its options")
    }

    private static func optionValues(_ node: Node?, path: String, file: String) throws(PipelineError) -> [String: OptionValue] {
        guard let node else { return [:] }
        if node.scalar != nil, node.tag.description == Tag.Name.null.rawValue { return [:] }
        guard let mapping = node.mapping else {
            throw PipelineError(file: file, key: path, reason: "expected options as a mapping (key: value)")
        }
        var out: [String: OptionValue] = [:]
        for (k, v) in mapping {
            guard let key = k.string else { throw PipelineError(file: file, key: path, reason: "option names must be strings") }
            out[key] = try value(v, key: "\(path).\(key)", file: file)
        }
        return out
    }

    private static func value(_ node: Node, key: String, file: String) throws(PipelineError) -> OptionValue {
        if let seq = node.sequence {
            var items: [OptionValue] = []
            for item in seq { items.append(try value(item, key: key, file: file)) }
            return .list(items)
        }
        guard node.scalar != nil else { throw PipelineError(file: file, key: key, reason: "expected a value, found a mapping") }
        switch Tag.Name(rawValue: node.tag.description) {
        case .bool: return node.bool.map(OptionValue.bool) ?? .string(node.string ?? "")
        case .int: return node.int.map(OptionValue.int) ?? .string(node.string ?? "")
        case .float: return node.float.map(OptionValue.double) ?? .string(node.string ?? "")
        case .null: return .null
        default: return .string(node.string ?? "")
        }
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return row[b.count]
    }

    /// Runs every stage over one input. Failures name the file, the stage and the reason.
    public func run(_ context: StageContext) -> Result<Document, DocumentError> {
        var document = Document(source: Source(path: context.path))
        for stage in stages {
            let stageName = type(of: stage).name
            do {
                try stage.process(&document, context: context)
            } catch {
                return .failure(error)
            }
            if let violation = document.contractViolation() {
                return .failure(DocumentError(.contract, path: context.path, stage: stageName, reason: "broke the document contract: \(violation)"))
            }
        }
        return .success(document)
    }

    public func run(path: String, bytes: [UInt8]? = nil) -> Result<Document, DocumentError> {
        run(StageContext(path: path, bytes: bytes))
    }
}

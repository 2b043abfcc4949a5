public import DocumentModel
public import Datasets
import Emit
import Foundation

/// `vndoc run`: every file under the given paths through one pipeline, in parallel, into an
/// output folder:
///
///     OUT/documents/<relative path without extension>.json   one pretty document per input
///     OUT/documents.jsonl                                     one compact document per line, input order
///     OUT/errors.jsonl                                        one line per failed input
///     OUT/<table>.csv, OUT/vndoc.sqlite, OUT/report.html       the datasets (`DatasetOptions`)
///
/// Every file is written whole or not at all (temporary file, then rename). A failed input is
/// recorded and the rest go on.
public struct Batch: Sendable {
    public struct Input: Sendable, Equatable {
        /// Path to read, as the user's argument joined with the path found under it.
        public var path: String
        /// Name under OUT/documents/ without the extension.
        public var outputName: String
    }

    public struct Summary: Sendable {
        public var documents = 0
        public var failures: [DocumentError] = []
        /// What the database did with the documents (empty without a database).
        public var database: [SQLiteDataset.Outcome: Int] = [:]
    }

    public struct OutputFailure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public let pipeline: Pipeline
    public let outputDirectory: String
    public let jobs: Int
    public let datasets: DatasetOptions

    public init(pipeline: Pipeline, outputDirectory: String, jobs: Int, datasets: DatasetOptions = DatasetOptions()) {
        self.pipeline = pipeline
        self.outputDirectory = outputDirectory
        self.jobs = max(1, jobs)
        self.datasets = datasets
    }

    /// Expands paths: a directory gives its regular files (recursively, hidden ones skipped,
    /// sorted); a file gives itself; a missing path gives a not-found failure.
    public static func discover(_ paths: [String]) -> (inputs: [Input], failures: [DocumentError]) {
        var inputs: [Input] = []
        var failures: [DocumentError] = []
        let fm = FileManager.default
        let prefixRoots = paths.count > 1
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                failures.append(DocumentError(.notFound, path: path, stage: "run", reason: "no such file or directory"))
                continue
            }
            let rootName = (path as NSString).lastPathComponent
            if isDirectory.boolValue {
                var found: [String] = []
                if let walker = fm.enumerator(atPath: path) {
                    while let relative = walker.nextObject() as? String {
                        let name = (relative as NSString).lastPathComponent
                        if name.hasPrefix(".") {
                            if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                            continue
                        }
                        if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { found.append(relative) }
                    }
                }
                for relative in found.sorted() {
                    let stem = (relative as NSString).deletingPathExtension
                    inputs.append(Input(path: (path as NSString).appendingPathComponent(relative),
                                        outputName: prefixRoots ? "\(rootName)/\(stem)" : stem))
                }
            } else {
                let stem = (rootName as NSString).deletingPathExtension
                inputs.append(Input(path: path, outputName: stem))
            }
        }
        // Two inputs that would share an output name (a.txt and a.html) keep their extensions.
        var seen: [String: Int] = [:]
        for input in inputs { seen[input.outputName, default: 0] += 1 }
        for k in inputs.indices where (seen[inputs[k].outputName] ?? 0) > 1 {
            let ext = (inputs[k].path as NSString).pathExtension
            if !ext.isEmpty { inputs[k].outputName += "." + ext }
        }
        return (inputs, failures)
    }

    /// Runs everything; `progress` is called after each input with (done, total, failed).
    public func run(paths: [String], progress: @Sendable (Int, Int, Int) -> Void = { _, _, _ in }) async throws(OutputFailure) -> Summary {
        let (inputs, missing) = Self.discover(paths)
        var summary = Summary()
        summary.failures = missing
        let documentsDirectory = (outputDirectory as NSString).appendingPathComponent("documents")
        let jsonl: AtomicFile
        let errors: AtomicFile
        let tables: DatasetWriter
        do {
            jsonl = try AtomicFile(path: (outputDirectory as NSString).appendingPathComponent("documents.jsonl"))
            errors = try AtomicFile(path: (outputDirectory as NSString).appendingPathComponent("errors.jsonl"))
            tables = try DatasetWriter(directory: outputDirectory, options: datasets, pipeline: pipeline.fingerprint)
        } catch {
            throw OutputFailure(description: "cannot write output: \(error)")
        }
        do {
            for failure in missing {
                try errors.write(DocumentJSON.encode(failure) + [0x0A])
                try tables.add(failure)
            }
            let pipeline = self.pipeline
            // At most `jobs` documents are processed at once. Results come back in any order and
            // are written in input order; finished documents waiting for an earlier one are held
            // in a window of `4 × jobs`, so memory does not grow with the number of inputs.
            var pending: [Int: Result<Prepared, DocumentError>] = [:]
            var next = 0
            var done = 0
            let window = jobs * 4
            let rowsFingerprint: String? = tables.needsRows ? tables.pipeline : nil
            try await withThrowingTaskGroup(of: (Int, Result<Prepared, DocumentError>).self) { group in
                var launched = 0
                var inFlight = 0
                func launchWhilePossible() {
                    while launched < inputs.count && inFlight < jobs && launched - next < window {
                        let index = launched
                        let input = inputs[index]
                        group.addTask { (index, pipeline.run(path: input.path).map { Prepared($0, rows: rowsFingerprint) }) }
                        launched += 1
                        inFlight += 1
                    }
                }
                launchWhilePossible()
                while let (index, result) = try await group.next() {
                    inFlight -= 1
                    pending[index] = result
                    while let ready = pending.removeValue(forKey: next) {
                        switch ready {
                        case .success(let prepared):
                            let document = prepared.document
                            let target = (documentsDirectory as NSString).appendingPathComponent(inputs[next].outputName + ".json")
                            if let pretty = prepared.pretty {
                                try AtomicFile.write(pretty, to: target)
                            } else {
                                try AtomicFile.write(document, pretty: true, to: target)
                            }
                            if let line = prepared.line {
                                try jsonl.write(line)
                            } else {
                                try jsonl.write(document, pretty: false, trailingNewline: true)
                            }
                            try tables.add(document, rows: prepared.rows)
                            summary.documents += 1
                        case .failure(let failure):
                            try errors.write(DocumentJSON.encode(failure) + [0x0A])
                            try tables.add(failure)
                            summary.failures.append(failure)
                        }
                        next += 1
                        done += 1
                        progress(done, inputs.count, summary.failures.count - missing.count)
                    }
                    launchWhilePossible()
                }
            }
            try tables.commit()
            summary.database = tables.report.database
            try jsonl.commit()
            try errors.commit()
        } catch {
            tables.discard()
            jsonl.discard()
            errors.discard()
            throw OutputFailure(description: "cannot write output: \(error)")
        }
        return summary
    }
}

/// A processed document with what the writer needs made on the worker thread, so that the
/// in-order writer (one task) only copies bytes: its JSON file and JSON Lines line (for texts up
/// to `encodeLimit`; larger ones are streamed by the writer so they are never held twice) and
/// its dataset rows.
struct Prepared: Sendable {
    static let encodeLimit = 4 << 20

    var document: Document
    var pretty: [UInt8]?
    var line: [UInt8]?
    var rows: DocumentRows?

    /// `rows`: the pipeline fingerprint when dataset rows are needed, else nil.
    init(_ document: Document, rows fingerprint: String?) {
        self.document = document
        if document.text.utf8.count <= Self.encodeLimit {
            pretty = DocumentJSON.encode(document, pretty: true)
            var line = DocumentJSON.encode(document, pretty: false)
            line.append(0x0A)
            self.line = line
        }
        rows = fingerprint.map { DocumentRows(document, pipeline: $0) }
    }
}

import DocumentModel
import Foundation
import Pipeline
import _TestSupport

/// Files, Corpus documents and runs for the dataset tests.
enum DatasetTesting {
    static let root = Paths.packageRoot()

    static func temporaryDirectory() throws -> String {
        try Paths.makeTemporaryDirectory(prefix: "vndoc-datasets").path
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func read(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func list(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    /// A Corpus document through the default pipeline, with its path as the run gives it.
    static func corpus(_ relative: String) throws -> Document {
        let path = root.appendingPathComponent(relative).path
        var document = try Pipeline.builtIn().run(path: path).get()
        document.source.path = relative
        return document
    }

    /// Copies the Corpus into a fresh folder (so a test can change files) and returns it.
    static func corpusCopy() throws -> String {
        let directory = try temporaryDirectory() + "/Corpus"
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("Corpus").path, toPath: directory)
        return directory
    }

    static func run(_ paths: [String], out: String, datasets: DatasetOptionsSpec = .all) async throws -> Batch.Summary {
        let batch = Batch(pipeline: try Pipeline.builtIn(), outputDirectory: out, jobs: 2, datasets: datasets.options)
        return try await batch.run(paths: paths)
    }
}

import Datasets

enum DatasetOptionsSpec {
    case all, excel, none
    var options: DatasetOptions {
        switch self {
        case .all: DatasetOptions()
        case .excel: DatasetOptions(excel: true)
        case .none: .none
        }
    }
}

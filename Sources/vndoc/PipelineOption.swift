import ArgumentParser
import Foundation
import Pipeline

/// `--pipeline FILE`, shared by the commands that run a pipeline.
struct PipelineOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Pipeline definition (YAML). Default: the built-in copy of Pipelines/default.yml.", valueName: "file"))
    var pipeline: String?

    /// Loads the pipeline; a bad file is a usage error (exit 2) with a message naming file and key.
    func load() throws -> Pipeline {
        do {
            if let pipeline { return try Pipeline.load(path: pipeline) }
            return try Pipeline.builtIn()
        } catch {
            Terminal.error("vndoc: \(error)")
            throw ExitCode(2)
        }
    }
}

enum Terminal {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    /// Writes bytes to standard output.
    static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    static func write(_ p: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < p.count {
            let n = Foundation.write(STDOUT_FILENO, p.baseAddress.map { $0 + offset }, p.count - offset)
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }
}

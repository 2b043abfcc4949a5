import ArgumentParser
import Foundation
import Pipeline

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process every document under the given paths into an output folder.",
        discussion: """
        Writes OUT/documents/<name>.json for each input (subfolders mirrored), \
        OUT/documents.jsonl (one document per line, in path order) and OUT/errors.jsonl \
        (one line per file that failed). Each output file is written whole or not at all.

        Exit status: 0 when every file succeeded, 1 when some failed (the others are still \
        written), 2 on a usage error.

        Examples:
          vndoc run Corpus --out out
          vndoc run archive/2016 archive/2017 --out out --jobs 4
          vndoc run Corpus --out out --pipeline Pipelines/default.yml
        """
    )

    @Argument(help: ArgumentHelp("Files or folders to process.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("Output folder (created if missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: "Files processed at once (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @OptionGroup var pipelineOption: PipelineOption

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder to process.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--out \(out) is a file; give a folder.")
        }
    }

    func run() async throws {
        let pipeline = try pipelineOption.load()
        let batch = Batch(pipeline: pipeline, outputDirectory: out, jobs: jobs)
        let showProgress = Terminal.stderrIsTerminal
        let summary: Batch.Summary
        do {
            summary = try await batch.run(paths: paths) { done, total, failed in
                if showProgress {
                    Terminal.errorNoNewline("\rvndoc: \(done)/\(total) files, \(failed) failed")
                }
            }
        } catch {
            if showProgress { Terminal.error("") }
            Terminal.error("vndoc: \(error)")
            throw ExitCode(1)
        }
        if showProgress { Terminal.error("") }
        for failure in summary.failures { Terminal.error("vndoc: \(failure)") }
        let documents = summary.documents == 1 ? "1 document" : "\(summary.documents) documents"
        Terminal.error("vndoc: \(documents) written to \(out), \(summary.failures.count) failed")
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }
}

extension Terminal {
    static func errorNoNewline(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

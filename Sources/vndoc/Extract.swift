import ArgumentParser
import Emit
import Foundation
import Pipeline

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the document JSON of each file.",
        discussion: """
        One file prints one JSON object; several print JSON Lines (one compact object per \
        line). A file that fails prints a one-line error on standard error and the others go on; \
        the exit status is then 1.

        Examples:
          vndoc extract Corpus/questionnaires/cao-bang-hpg-2016-11-15.txt
          vndoc extract Corpus/news/*.txt --format jsonl
          vndoc extract notes.txt --pipeline my-pipeline.yml
        """
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case json, jsonl
    }

    @Argument(help: ArgumentHelp("Files to read.", valueName: "file"))
    var files: [String]

    @Option(name: .long, help: "json (pretty, the default for one file) or jsonl (the default for several).")
    var format: OutputFormat?

    @OptionGroup var pipelineOption: PipelineOption

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one file.") }
    }

    func run() throws {
        let pipeline = try pipelineOption.load()
        let chosen = format ?? (files.count == 1 ? .json : .jsonl)
        var failed = false
        for file in files {
            switch pipeline.run(path: file) {
            case .success(let document):
                DocumentJSON.write(document, pretty: chosen == .json, trailingNewline: true) { Terminal.write($0) }
            case .failure(let error):
                Terminal.error("vndoc: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

import ArgumentParser
import Datasets
import Foundation
import Pipeline

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Process every document under the given paths into an output folder.",
        discussion: """
        Writes OUT/documents/<name>.json for each input (subfolders mirrored), \
        OUT/documents.jsonl (one document per line, in path order) and OUT/errors.jsonl \
        (one line per file that failed), and the datasets: OUT/documents.csv, entities.csv, \
        questionnaire_answers.csv, news.csv and twgs.csv (RFC 4180, UTF-8), OUT/vndoc.sqlite \
        (the same tables; a re-run updates only documents whose content or pipeline changed) \
        and OUT/report.html (a summary page with charts). Each output file is written whole \
        or not at all, and the database changes in one transaction.

        Exit status: 0 when every file succeeded, 1 when some failed (the others are still \
        written), 2 on a usage error.

        Examples:
          vndoc run Corpus --out out
          vndoc run archive/2016 archive/2017 --out out --jobs 4
          vndoc run Corpus --out out --pipeline Pipelines/default.yml
          vndoc run Corpus --out out --excel
          sqlite3 out/vndoc.sqlite "select province, item, answer from questionnaire_answers"
        """
    )

    @Argument(help: ArgumentHelp("Files or folders to process.", valueName: "path"))
    var paths: [String]

    @Option(name: .long, help: ArgumentHelp("Output folder (created if missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: "Files processed at once, each by one worker thread (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Start each CSV file with a UTF-8 byte-order mark so Excel shows Vietnamese correctly.")
    var excel = false

    @Option(name: .long, help: ArgumentHelp("Datasets to write besides the JSON: any of csv, sqlite, report, comma-separated, or none.", valueName: "list"))
    var datasets = "csv,sqlite,report"

    @OptionGroup var pipelineOption: PipelineOption

    var datasetOptions: DatasetOptions {
        get throws {
            let names = Set(datasets.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() })
            let known: Set<String> = ["csv", "sqlite", "report", "none"]
            if let unknown = names.subtracting(known).sorted().first {
                throw ValidationError("--datasets: unknown dataset '\(unknown)'; give csv, sqlite, report or none.")
            }
            if names.contains("none") && names.count > 1 { throw ValidationError("--datasets: 'none' cannot be combined with others.") }
            return DatasetOptions(csv: names.contains("csv"), excel: excel, sqlite: names.contains("sqlite"), report: names.contains("report"))
        }
    }

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one file or folder to process.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        _ = try datasetOptions
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw ValidationError("--out \(out) is a file; give a folder.")
        }
    }

    func run() async throws {
        let pipeline = try pipelineOption.load()
        let batch = Batch(pipeline: pipeline, outputDirectory: out, jobs: jobs, datasets: try datasetOptions)
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
        if !summary.database.isEmpty {
            let counts = [SQLiteDataset.Outcome.added, .updated, .unchanged].map { "\(summary.database[$0] ?? 0) \($0)" }
            Terminal.error("vndoc: \(DatasetWriter.databaseName): \(counts.joined(separator: ", "))")
        }
        if !summary.failures.isEmpty { throw ExitCode(1) }
    }
}

extension Terminal {
    static func errorNoNewline(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

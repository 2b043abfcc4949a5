import ArgumentParser
import Foundation

/// Entry point. ArgumentParser reports usage errors with exit code 64; vndoc promises 2.
@main
enum Main {
    static func main() async {
        do {
            var command = try VNDoc.parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            if VNDoc.exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((VNDoc.fullMessage(for: error) + "\n").utf8))
                exit(2)
            }
            VNDoc.exit(withError: error)
        }
    }
}

struct VNDoc: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vndoc",
        abstract: "Vietnamese health-sector documents in, structured data out.",
        discussion: """
        Reads plain-text documents (UTF-8, UTF-16, Windows-1258), normalises the Vietnamese \
        (NFC, tone marks, whitespace), finds blocks (headings, numbered items, bullets, \
        paragraphs) and writes JSON.

        Examples:
          vndoc run Corpus --out out
          vndoc extract Corpus/plans/bac-giang-123-kh-syt-2022.txt
          vndoc normalize --tones main-vowel notes.txt
          echo "Thanh Hoá, hoà bình" | vndoc normalize --fold
          vndoc stages
        """,
        version: "0.1.0",
        subcommands: [Run.self, Extract.self, Normalize.self, Stages.self]
    )
}

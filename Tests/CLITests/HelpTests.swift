import Foundation
import Testing
import _TestSupport

@Suite("help and stages")
struct HelpTests {
    static let commands: [[String]] = [
        [], ["run"], ["extract"], ["normalize"],
    ]

    @Test("--help shows examples and exits 0", arguments: commands)
    func help(_ command: [String]) async throws {
        let result = try await CLI.vndoc(command + ["--help"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdoutText.contains("Examples:"), "\(result.stdoutText)")
        #expect(result.stdoutText.contains("USAGE:"))
    }

    @Test("`vndoc help extract` works like `vndoc extract --help`")
    func helpSubcommand() async throws {
        let result = try await CLI.vndoc(["help", "extract"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdoutText.contains("Examples:"))
    }

    @Test("`vndoc stages --help` shows examples and exits 0")
    func stagesHelp() async throws {
        let result = try await CLI.vndoc(["stages", "--help"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdoutText.contains("Examples:"), "\(result.stdoutText)")
    }

    @Test("the top-level help lists every subcommand")
    func topLevelHelp() async throws {
        let result = try await CLI.vndoc(["--help"])
        for name in ["run", "extract", "normalize", "stages"] {
            #expect(result.stdoutText.contains("  \(name)"), "\(name) missing from:\n\(result.stdoutText)")
        }
    }

    @Test("stages lists read, normalize, segment, entities and structure with their options")
    func stages() async throws {
        let result = try await CLI.vndoc(["stages"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdoutText.split(separator: "\n").map(String.init)
        let names = lines.filter { !$0.hasPrefix(" ") }.compactMap { $0.split(separator: ":").first.map(String.init) }
        #expect(names == ["read", "normalize", "segment", "entities", "structure"])
        for option in ["encoding", "max_bytes", "tones", "whitespace", "join_wrapped_lines", "types"] {
            #expect(lines.contains { $0.hasPrefix("  \(option): ") }, "\(option) missing:\n\(result.stdoutText)")
        }
    }

    @Test("--version prints the version")
    func version() async throws {
        let result = try await CLI.vndoc(["--version"])
        #expect(result.status == 0)
        #expect(result.stdoutText.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3, "\(result.stdoutText)")
    }
}

import Foundation
import Testing
import _TestSupport

@Suite("vndoc extract")
struct ExtractTests {
    @Test("one file prints one pretty JSON object whose block spans slice the text")
    func oneFile() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "plan.txt", in: dir)
            let result = try await CLI.vndoc(["extract", "plan.txt"], in: dir)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(result.stdout.filter { $0 == 0x0A }.count > 3, "not pretty-printed")
            let document = try jsonObject(result.stdout)
            #expect(document[object: "source"]?[string: "path"] == "plan.txt")
            #expect(document[object: "source"]?[string: "encoding"] == "utf-8")
            #expect(document[object: "source"]?[string: "format"] == "text")
            #expect(document[object: "source"]?[int: "bytes"] == Sample.plan.utf8.count)
            let sha = document[object: "source"]?[string: "sha256"] ?? ""
            #expect(sha.count == 64 && sha.allSatisfy { "0123456789abcdef".contains($0) }, "sha256: \(sha)")
            let text = try #require(document[string: "text"])
            #expect(text.contains("Nâng cao sức khỏe nhân dân"))
            let blocks = try #require(document[objects: "blocks"])
            #expect(blocks.count >= 4, "blocks: \(blocks)")
            var previousEnd = 0
            for block in blocks {
                let start = try #require(block[int: "start"])
                let end = try #require(block[int: "end"])
                #expect(start >= previousEnd, "blocks overlap: \(block)")
                previousEnd = end
                let slice = scalarSlice(text, start, end)
                #expect(slice != nil, "block outside the text: \(block)")
                #expect(!(slice ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "empty block: \(block)")
            }
            // The numbered items are found as such, with their labels at the start of their spans.
            let items = blocks.filter { $0[string: "type"] == "list-item" }
            #expect(items.count >= 2, "blocks: \(blocks)")
            for item in items {
                if let label = item[string: "label"], let start = item[int: "start"], let end = item[int: "end"] {
                    #expect(scalarSlice(text, start, end)?.hasPrefix(label) == true, "\(item)")
                }
            }
            #expect(DocumentSchema.problems(result.stdoutData) == [])
            #expect(result.stderr.isEmpty, "stderr: \(result.stderr)")
        }
    }

    @Test("two files print two JSON Lines, in argument order")
    func twoFiles() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "b.txt", in: dir)
            try write(Sample.utf16LE(Sample.utf16Text), to: "a.txt", in: dir)
            let result = try await CLI.vndoc(["extract", "b.txt", "a.txt"], in: dir)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let lines = try jsonLines(result.stdout)
            #expect(lines.count == 2)
            #expect(lines.map { $0[object: "source"]?[string: "path"] } == ["b.txt", "a.txt"])
            #expect(lines.map { $0[object: "source"]?[string: "encoding"] } == ["utf-8", "utf-16le"])
        }
    }

    @Test("--format jsonl for one file, --format json for several")
    func formats() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "plan.txt", in: dir)
            try write(Sample.notice, to: "notice.txt", in: dir)
            let one = try await CLI.vndoc(["extract", "plan.txt", "--format", "jsonl"], in: dir)
            #expect(one.status == 0, "stderr: \(one.stderr)")
            #expect(one.stdout.filter { $0 == 0x0A }.count == 1)
            #expect(try jsonLines(one.stdout).count == 1)

            let bad = try await CLI.vndoc(["extract", "plan.txt", "--format", "xml"], in: dir)
            #expect(bad.status == 2, "stderr: \(bad.stderr)")
        }
    }

    @Test("a directory fails with 'is a directory', exit 1")
    func directory() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "folder/plan.txt", in: dir)
            let result = try await CLI.vndoc(["extract", "folder"], in: dir)
            #expect(result.status == 1, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("vndoc: folder: read: is a directory"), "stderr: \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("a missing file fails with 'no such file', exit 1")
    func missing() async throws {
        try await Paths.withTemporaryDirectory { dir in
            let result = try await CLI.vndoc(["extract", "nothing-here.txt"], in: dir)
            #expect(result.status == 1, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("vndoc: nothing-here.txt: read: no such file"), "stderr: \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("a failing file among good ones: one error line each, the others still printed, exit 1")
    func mixed() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "plan.txt", in: dir)
            try write([], to: "empty.txt", in: dir)
            try write(Sample.notice, to: "notice.txt", in: dir)
            let result = try await CLI.vndoc(["extract", "plan.txt", "empty.txt", "gone.txt", "notice.txt"], in: dir)
            #expect(result.status == 1, "stderr: \(result.stderr)")
            let lines = try jsonLines(result.stdout)
            #expect(lines.map { $0[object: "source"]?[string: "path"] } == ["plan.txt", "notice.txt"])
            let errorLines = result.stderr.split(separator: "\n").map(String.init)
            #expect(errorLines.count == 2, "stderr: \(result.stderr)")
            #expect(errorLines.first?.hasPrefix("vndoc: empty.txt: read: ") == true, "stderr: \(result.stderr)")
            #expect(errorLines.last?.hasPrefix("vndoc: gone.txt: read: ") == true, "stderr: \(result.stderr)")
        }
    }

    @Test("extract with no file is a usage error")
    func noFile() async throws {
        let result = try await CLI.vndoc(["extract"])
        #expect(result.status == 2, "stderr: \(result.stderr)")
    }

    @Test("the Windows-1258 file decodes with a warning in the document")
    func windows1258() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(try Windows1258.encode(Sample.peace), to: "old.txt", in: dir)
            let result = try await CLI.vndoc(["extract", "old.txt"], in: dir)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let document = try jsonObject(result.stdout)
            #expect(document[object: "source"]?[string: "encoding"] == "windows-1258")
            #expect(document[string: "text"] == Sample.peace.trimmingCharacters(in: .newlines))
            #expect(document[objects: "warnings"]?.first?[string: "code"] == "decoded-windows-1258")
        }
    }
}

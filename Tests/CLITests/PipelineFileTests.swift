import Foundation
import Testing
import _TestSupport

@Suite("pipeline files")
struct PipelineFileTests {
    struct BadPipeline: CustomTestStringConvertible, Sendable {
        var label: String
        var yaml: String
        /// The key the message must name.
        var key: String
        /// Another fragment the message must contain.
        var fragment: String
        var testDescription: String { label }
    }

    static let badPipelines: [BadPipeline] = [
        BadPipeline(label: "unknown stage", yaml: """
            name: bad
            stages:
              - read
              - normalise
              - segment
            """, key: "stages[1]", fragment: "normalise"),
        BadPipeline(label: "misspelt option", yaml: """
            stages:
              - read
              - normalize:
                  tonse: official
              - segment
            """, key: "stages[1].normalize.tonse", fragment: "tones"),
        BadPipeline(label: "bad value", yaml: """
            stages:
              - read
              - normalize:
                  tones: loud
              - segment
            """, key: "stages[1].normalize.tones", fragment: "loud"),
        BadPipeline(label: "stage before what it needs", yaml: """
            stages:
              - segment
              - read
              - normalize
            """, key: "stages[0].segment", fragment: "text"),
        BadPipeline(label: "wrong type", yaml: """
            stages:
              - read:
                  max_bytes: lots
            """, key: "stages[0].read.max_bytes", fragment: "integer"),
        BadPipeline(label: "unknown top-level key", yaml: """
            stage:
              - read
            """, key: "stage", fragment: "stages"),
        BadPipeline(label: "not YAML", yaml: "stages: [read\n", key: "", fragment: "YAML"),
    ]

    @Test("a bad pipeline file is a usage error naming the file and the key", arguments: badPipelines)
    func badPipelineWithRun(_ bad: BadPipeline) async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "in/plan.txt", in: dir)
            let file = try write(bad.yaml + "\n", to: "pipelines/bad.yml", in: dir)
            let result = try await CLI.vndoc(["run", "in", "--out", "out", "--pipeline", file.path], in: dir)
            #expect(result.status == 2, "stderr: \(result.stderr)")
            #expect(result.stderr.contains(file.path), "stderr does not name the file: \(result.stderr)")
            if !bad.key.isEmpty {
                #expect(result.stderr.contains("\(bad.key):"), "stderr does not name \(bad.key): \(result.stderr)")
            }
            #expect(result.stderr.contains(bad.fragment), "stderr: \(result.stderr)")
            #expect(!exists("out/documents.jsonl", in: dir), "output written despite a bad pipeline")
            #expect(!exists("out/documents/plan.json", in: dir), "output written despite a bad pipeline")
        }
    }

    @Test("extract refuses a bad pipeline file the same way", arguments: badPipelines.prefix(4))
    func badPipelineWithExtract(_ bad: BadPipeline) async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "plan.txt", in: dir)
            try write(bad.yaml + "\n", to: "bad.yml", in: dir)
            let result = try await CLI.vndoc(["extract", "plan.txt", "--pipeline", "bad.yml"], in: dir)
            #expect(result.status == 2, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("bad.yml: \(bad.key):"), "stderr: \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("a good pipeline file is used: tones main-vowel, no segmentation")
    func goodPipeline() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write("Khám sức khỏe ở Thanh Hóa, hòa bình.\n", to: "note.txt", in: dir)
            try write("""
                name: mine
                stages:
                  - read
                  - normalize:
                      tones: main-vowel

                """, to: "mine.yml", in: dir)
            let result = try await CLI.vndoc(["extract", "note.txt", "--pipeline", "mine.yml"], in: dir)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let document = try jsonObject(result.stdout)
            // The normalize stage makes whitespace uniform, which drops the final line end.
            #expect(document[string: "text"] == "Khám sức khoẻ ở Thanh Hoá, hoà bình.")
            #expect(document[objects: "blocks"]?.isEmpty == true)
        }
    }

    @Test("read.max_bytes: a larger file fails with too-large")
    func maxBytes() async throws {
        try await Paths.withTemporaryDirectory { dir in
            let line = "Bệnh viện đa khoa tỉnh.\n"
            var text = ""
            while text.utf8.count < 2048 { text += line }
            try write(text, to: "in/big.txt", in: dir)
            try write("Nhỏ.\n", to: "in/small.txt", in: dir)
            try write("""
                stages:
                  - read: {max_bytes: 1000}
                  - normalize
                  - segment

                """, to: "small.yml", in: dir)

            let extract = try await CLI.vndoc(["extract", "in/big.txt", "in/small.txt", "--pipeline", "small.yml"], in: dir)
            #expect(extract.status == 1, "stderr: \(extract.stderr)")
            #expect(extract.stderr.contains("vndoc: in/big.txt: read: "), "stderr: \(extract.stderr)")
            #expect(extract.stderr.contains("1000"), "stderr: \(extract.stderr)")
            let printed = try jsonLines(extract.stdout)
            #expect(printed.map { $0[object: "source"]?[string: "path"] } == ["in/small.txt"])

            let run = try await CLI.vndoc(["run", "in", "--out", "out", "--pipeline", "small.yml"], in: dir)
            #expect(run.status == 1, "stderr: \(run.stderr)")
            let errors = try jsonLines(read("out/errors.jsonl", in: dir))
            #expect(errors.count == 1)
            #expect(errors.first?[string: "path"] == "in/big.txt")
            #expect(errors.first?[string: "code"] == "too-large")
            #expect(exists("out/documents/small.json", in: dir))
        }
    }
}

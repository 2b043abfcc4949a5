import DocumentModel
import Foundation
import Pipeline
import Testing

@Suite("Pipeline files")
struct PipelineFileTests {
    @Test("Pipelines/default.yml is the built-in default, byte for byte")
    func defaultFile() throws {
        let file = try String(contentsOf: packageRoot.appendingPathComponent("Pipelines/default.yml"), encoding: .utf8)
        let loaded = try Pipeline.parse(yaml: file, file: "Pipelines/default.yml")
        let builtIn = try Pipeline.builtIn()
        #expect(loaded.stages.map { type(of: $0).name } == ["read", "normalize", "segment", "entities", "structure"])
        #expect(builtIn.stages.map { type(of: $0).name } == loaded.stages.map { type(of: $0).name })
        // Same text, so the two can never drift apart.
        let source = try String(contentsOf: packageRoot.appendingPathComponent("Sources/Pipeline/DefaultPipeline.swift"), encoding: .utf8)
        #expect(source.contains(file.trimmingCharacters(in: .newlines)))
    }

    /// (YAML, the key the error must name, a phrase the reason must contain)
    static let badFiles: [(String, String, String)] = [
        ("stages:\n  - read\n  - normalise\n", "stages[1]", "unknown stage 'normalise'; stages are: read, normalize, segment, entities"),
        ("stages:\n  - read\n  - normalize:\n      tonse: official\n", "stages[1].normalize.tonse", "unknown option (did you mean 'tones'?)"),
        ("stages:\n  - read\n  - normalize:\n      tones: loud\n", "stages[1].normalize.tones", "\"loud\" is not one of: official, main-vowel, keep"),
        ("stages:\n  - read\n  - normalize:\n      whitespace: maybe\n", "stages[1].normalize.whitespace", "expected true or false"),
        ("stages:\n  - read:\n      max_bytes: -1\n", "stages[0].read.max_bytes", "out of range"),
        ("stages:\n  - read:\n      max_bytes: lots\n", "stages[0].read.max_bytes", "expected an integer"),
        ("stages:\n  - segment\n  - read\n", "stages[0].segment", "needs text, which no earlier stage provides"),
        ("stages: []\n", "stages", "no stages"),
        ("stage:\n  - read\n", "stage", "unknown key"),
        ("stages:\n  - read: [1, 2]\n", "stages[0].read", "expected options as a mapping"),
        ("stages:\n  - {read: {}, segment: {}}\n", "stages[0]", "expected a stage name"),
        ("stages: [read\n", "", "not valid YAML"),
        ("- read\n", "", "expected a mapping with 'stages'"),
    ]

    @Test("Bad pipeline files are refused with the file, the key and the reason", arguments: badFiles)
    func bad(yaml: String, key: String, phrase: String) {
        do {
            _ = try Pipeline.parse(yaml: yaml, file: "my.yml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect(error.file == "my.yml")
            #expect(error.key == key)
            #expect(error.reason.contains(phrase), "\(error.reason)")
            #expect(error.description.hasPrefix(key.isEmpty ? "my.yml: " : "my.yml: \(key): "))
        }
    }

    @Test("A missing pipeline file is named")
    func missing() {
        #expect(throws: PipelineError.self) { try Pipeline.load(path: "/nonexistent/p.yml") }
        do { _ = try Pipeline.load(path: "/nonexistent/p.yml") } catch {
            #expect(error.description == "/nonexistent/p.yml: cannot read the pipeline file (no such file)")
        }
    }

    @Test("Options reach the stages: tones and whitespace")
    func options() throws {
        let keep = try Pipeline.parse(yaml: "stages:\n  - read\n  - normalize: {tones: keep, whitespace: false}\n", file: "t")
        let document = try keep.run(path: "x.txt", bytes: Array("hoà  hòa\n".utf8)).get()
        #expect(document.text == "hoà  hòa\n")
        let official = try Pipeline.parse(yaml: "name: mine\nstages:\n  - read\n  - normalize\n", file: "t")
        #expect(official.name == "mine")
        #expect(try official.run(path: "x.txt", bytes: Array("hoà  hòa\n".utf8)).get().text == "hòa hòa")
    }

    @Test("A read failure names the file and the stage")
    func failure() throws {
        let result = try Pipeline.builtIn().run(path: "junk.bin", bytes: [0x00, 0x01, 0xFF])
        guard case .failure(let error) = result else { Issue.record("expected a failure"); return }
        #expect(error.code == .binary)
        #expect(error.description.hasPrefix("junk.bin: read: binary content"))
    }
}

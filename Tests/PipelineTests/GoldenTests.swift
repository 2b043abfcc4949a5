import DocumentModel
import Emit
import Foundation
import Pipeline
import Testing
import _TestSupport

let packageRoot = Paths.packageRoot()

/// Every document under Corpus/, as paths relative to the package root ("Corpus/plans/x.txt").
let corpusFiles: [String] = {
    let corpus = packageRoot.appendingPathComponent("Corpus")
    let walker = FileManager.default.enumerator(atPath: corpus.path)
    var found: [String] = []
    while let relative = walker?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: corpus.appendingPathComponent(relative).path, isDirectory: &isDirectory)
        if !isDirectory.boolValue && !relative.hasPrefix(".") { found.append("Corpus/" + relative) }
    }
    return found.sorted()
}()

func corpusBytes(_ relative: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: packageRoot.appendingPathComponent(relative)))
}

/// Runs the built-in pipeline over bytes, named by `path` (so output never depends on the cwd).
func process(_ path: String, _ bytes: [UInt8], pipeline: Pipeline? = nil) throws -> Document {
    let pipeline = try pipeline ?? Pipeline.builtIn()
    switch pipeline.run(path: path, bytes: bytes) {
    case .success(let document): return document
    case .failure(let error): throw error
    }
}

let schema: JSONSchema = {
    // The schema is part of the repository; a broken one fails every test that uses it.
    let data = (try? Data(contentsOf: packageRoot.appendingPathComponent("docs/schema/document.schema.json"))) ?? Data()
    return (try? JSONSchema(data: data)) ?? JSONSchema.unusable
}()

extension JSONSchema {
    /// Stands in when the schema file cannot be loaded: rejects everything.
    static var unusable: JSONSchema {
        // `false` is a schema that accepts nothing.
        (try? JSONSchema(data: Data("false".utf8)))!
    }
}

@Suite("Corpus goldens")
struct GoldenTests {
    static let record = ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1"

    @Test("Corpus holds the five text samples, their HTML and Word versions, and legacy documents")
    func corpusPresent() {
        let byExtension = Dictionary(grouping: corpusFiles, by: { ($0 as NSString).pathExtension })
        #expect(byExtension["txt"]?.count == 6)
        #expect(byExtension["html"]?.count == 3)
        #expect(byExtension["docx"]?.count == 2)
        #expect(byExtension["doc"]?.count == 1)
        #expect(corpusFiles.count == 12)
    }

    /// The samples that are UTF-8 text files (the NFD and tone-placement variants are made by
    /// rewriting their characters).
    static let textFiles = corpusFiles.filter { $0.hasSuffix(".txt") && !$0.hasSuffix("-tcvn3.txt") }

    @Test("Each Corpus document gives its golden JSON, which the schema accepts", arguments: corpusFiles)
    func golden(path: String) throws {
        let document = try process(path, try corpusBytes(path))
        let bytes = DocumentJSON.encode(document, pretty: true)
        let name = (path.dropFirst("Corpus/".count) as Substring).replacingOccurrences(of: "/", with: "__")
        let golden = packageRoot.appendingPathComponent("Tests/PipelineTests/Goldens/\((name as NSString).deletingPathExtension).json")
        if Self.record {
            try Data(bytes).write(to: golden)
        }
        let expected = try Data(contentsOf: golden)
        #expect(Data(bytes) == expected, "output differs from \(golden.lastPathComponent); re-record with RECORD_GOLDENS=1 and read the diff")

        let parsed = try JSONSerialization.jsonObject(with: expected)
        let errors = schema.validate(parsed)
        #expect(errors.isEmpty, "\(errors.prefix(5))")
    }

    @Test("Block spans slice the text to their lines, and labels begin them", arguments: corpusFiles)
    func spans(path: String) throws {
        let document = try process(path, try corpusBytes(path))
        #expect(!document.blocks.isEmpty)
        for block in document.blocks {
            let text = document.slice(block.start, block.end)
            #expect(!text.isEmpty && text.first?.isWhitespace == false && text.last?.isWhitespace == false)
            if let label = block.label, block.type == .listItem || block.type == .heading {
                #expect(text.hasPrefix(label), "\(label) does not start \(text.prefix(20))")
            }
        }
    }

    @Test("The NFD copy of a Corpus document gives the same text and blocks", arguments: textFiles)
    func nfd(path: String) throws {
        let original = try process(path, try corpusBytes(path))
        let nfd = String(decoding: try corpusBytes(path), as: UTF8.self).decomposedStringWithCanonicalMapping
        let variant = try process(path, Array(nfd.utf8))
        #expect(variant.text == original.text)
        #expect(variant.blocks == original.blocks)
    }

    @Test("The main-vowel (hoà) copy of a Corpus document gives the same text", arguments: textFiles)
    func hoaPlacement(path: String) throws {
        let original = try process(path, try corpusBytes(path))
        let mainVowel = try Pipeline.parse(yaml: "stages:\n  - read\n  - normalize: {tones: main-vowel}\n", file: "test")
        let variant = try process(path, try corpusBytes(path), pipeline: mainVowel)
        let back = try process(path, Array(variant.text.utf8))
        #expect(back.text == original.text)
    }

    @Test("The main-vowel copies really differ for the samples with hòa/khỏe/thủy words")
    func hoaVariantsDiffer() throws {
        let mainVowel = try Pipeline.parse(yaml: "stages:\n  - read\n  - normalize: {tones: main-vowel}\n", file: "test")
        var differing = 0
        for path in corpusFiles {
            let bytes = try corpusBytes(path)
            if try process(path, bytes, pipeline: mainVowel).text != process(path, bytes).text { differing += 1 }
        }
        #expect(differing >= 3)
    }

    @Test("A Windows-1258 copy of a Corpus document gives the same text, with a warning")
    func windows1258() throws {
        let path = "Corpus/plans/bac-giang-123-kh-syt-2022.txt"
        let original = try process(path, try corpusBytes(path))
        let bytes = try Windows1258.encode(String(decoding: try corpusBytes(path), as: UTF8.self))
        let variant = try process(path, bytes)
        #expect(variant.text == original.text)
        #expect(variant.source.encoding == "windows-1258")
        #expect(variant.warnings.map(\.code) == ["decoded-windows-1258"])
    }
}

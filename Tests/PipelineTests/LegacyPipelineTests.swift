import DocumentModel
import Foundation
import Pipeline
import Testing
import _TestSupport

/// Legacy Vietnamese through the whole default pipeline: found without being told, whatever the
/// file's format, and the entity stages then work on it as on Unicode text.
@Suite("Legacy archives through the pipeline")
struct LegacyPipelineTests {
    static let legacy = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/real/legacy-encodings")

    static func shared(_ relative: String) -> [UInt8]? {
        (try? Data(contentsOf: legacy.appendingPathComponent(relative))).map { [UInt8]($0) }
    }

    static var asReadNames: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: legacy.appendingPathComponent("asread-txt").path)) ?? []
        return names.filter { $0.hasSuffix(".asread.txt") }.sorted()
    }

    static var originals: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: legacy.appendingPathComponent("orig").path)) ?? []
        return names.filter { $0.hasSuffix(".doc") || $0.hasSuffix(".rtf") }.sorted()
    }

    /// Dates, money and document numbers, by value, with how often each occurs.
    static func keyEntities(_ document: Document) -> [String: Int] {
        var counts: [String: Int] = [:]
        for entity in document.entities where ["date", "money", "document-ref"].contains(entity.type) {
            counts["\(entity.type) \(entity.value)", default: 0] += 1
        }
        return counts
    }

    @Test("Raw TCVN3 and VNI bytes in a text file are decoded by detection", arguments: [
        ("tcvn3", "Hµ Néi, ngµy 31 th¸ng 3 n¨m 2003\nC¨n cø NghÞ ®Þnh sè 86/2002/N§-CP cña ChÝnh phñ quy ®Þnh chøc n¨ng, nhiÖm vô\n",
         "Hà Nội, ngày 31 tháng 3 năm 2003\nCăn cứ Nghị định số 86/2002/NĐ-CP của Chính phủ quy định chức năng, nhiệm vụ"),
        ("vni", "Ñoàng Xoaøi, ngaøy 14 thaùng 5 naêm 2008\nQuyeát ñònh soá 991/QÑ-UBND cuûa UÛy ban nhaân daân tænh\n",
         "Đồng Xoài, ngày 14 tháng 5 năm 2008\nQuyết định số 991/QĐ-UBND của Ủy ban nhân dân tỉnh"),
    ])
    func rawBytes(encoding: String, asWindows1252: String, expected: String) throws {
        // The bytes a legacy editor saved: each character here is the Windows-1252 reading of one.
        let bytes = try #require(asWindows1252.data(using: .windowsCP1252)).map { $0 }
        let document = try process("old.txt", bytes)
        #expect(document.source.encoding == encoding)
        #expect(document.text.hasPrefix(expected))
        #expect(document.warnings.map(\.code).contains("decoded-legacy"))
        #expect(document.entities.contains { $0.type == "date" && $0.value == .string(encoding == "tcvn3" ? "2003-03-31" : "2008-05-14") })
    }

    @Test("Text already read as Windows-1252 is repaired, and named so")
    func mojibake() throws {
        let text = "Hµ Néi, ngµy 31 th¸ng 3 n¨m 2003\nC¨n cø NghÞ ®Þnh sè 86/2002/N§-CP cña ChÝnh phñ\n"
        let document = try process("as-read.txt", Array(text.utf8))
        #expect(document.source.encoding == "windows-1252→tcvn3 repaired")
        #expect(document.text.hasPrefix("Hà Nội, ngày 31 tháng 3 năm 2003\nCăn cứ Nghị định số 86/2002/NĐ-CP"))
        #expect(document.warnings.map(\.code).contains { $0.hasPrefix("legacy-text-repaired") })
        #expect(document.entities.contains { $0.type == "document-ref" && $0.value == .string("86/2002/NĐ-CP") })
    }

    @Test("With legacy: off, the text is left as read")
    func off() throws {
        let text = "Hµ Néi, ngµy 31 th¸ng 3 n¨m 2003\nC¨n cø NghÞ ®Þnh sè 86/2002/N§-CP cña ChÝnh phñ\n"
        let pipeline = try Pipeline.parse(yaml: "stages:\n  - read: {legacy: off}\n  - normalize\n", file: "test")
        let document = try process("as-read.txt", Array(text.utf8), pipeline: pipeline)
        #expect(document.source.encoding == "utf-8")
        #expect(document.text.hasPrefix("Hµ Néi"))
    }

    /// The Corpus's legacy documents, with the encoding each must be read as.
    static let legacyCorpus: [String: String] = [
        "Corpus/plans/bac-giang-123-kh-syt-2022-tcvn3.txt": "tcvn3",
        "Corpus/plans/bac-giang-123-kh-syt-2022-vntime.docx": "tcvn3",
        "Corpus/decisions/binh-phuoc-991-qd-ubnd-2008.doc": "vni",
    ]

    @Test("The Corpus's legacy documents come out as Vietnamese, with their entities", arguments: legacyCorpus.keys.sorted())
    func legacyCorpusDecoded(path: String) throws {
        let document = try process(path, try corpusBytes(path))
        #expect(document.source.encoding == Self.legacyCorpus[path])
        #expect(!LegacyPipelineTests.looksLikeLegacyBytes(document.text))
        #expect(document.entities.contains { $0.type == "document-ref" })
        #expect(document.entities.contains { $0.type == "date" })
        #expect(document.entities.contains { $0.type == "province" })
    }

    /// Characters that TCVN3 or VNI bytes show as in Windows-1252 and Vietnamese never uses.
    static func looksLikeLegacyBytes(_ text: String) -> Bool {
        ["ngµy", "th¸ng", "n¨m", "Sè:", "Soá", "QÑ", "§"].contains { text.contains($0) }
    }

    @Test("The plan's TCVN3 and .VnTime versions read as the Unicode plan, word for word")
    func legacyPlanMatchesUnicode() throws {
        let unicode = try process("Corpus/plans/bac-giang-123-kh-syt-2022.txt", try corpusBytes("Corpus/plans/bac-giang-123-kh-syt-2022.txt"))
        func words(_ s: String) -> [Substring] { s.split(whereSeparator: { $0.isWhitespace }) }
        for path in ["Corpus/plans/bac-giang-123-kh-syt-2022-tcvn3.txt", "Corpus/plans/bac-giang-123-kh-syt-2022-vntime.docx"] {
            let legacy = try process(path, try corpusBytes(path))
            let got = words(legacy.text), want = words(unicode.text)
            #expect(got.count == want.count, "\(path)")
            // TCVN3 has no toned capitals: without a font to say so, a capital word with one
            // ASCII letter ("KẾ") comes out in the lowercase its codes spell; nothing else differs.
            let differing = zip(got, want).filter { $0.0 != $0.1 }
            #expect(differing.allSatisfy { $0.0.uppercased() == $0.1.uppercased() }, "\(path): \(differing.prefix(5))")
            #expect(differing.count <= 2, "\(path): \(differing.prefix(5))")
        }
    }

    @Test("The Unicode Corpus is never repaired: no legacy warning, encoding as read", arguments: corpusFiles.filter { legacyCorpus[$0] == nil })
    func corpusUntouched(path: String) throws {
        let document = try process(path, try corpusBytes(path))
        #expect(!document.warnings.contains { $0.code.hasPrefix("legacy") || $0.code.hasPrefix("decoded-legacy") })
        #expect(document.source.encoding.map { !$0.contains("tcvn3") && !$0.contains("vni") && $0 != "mixed" } ?? true)
    }

    @Test("Every real .doc and .rtf is read and decoded by its fonts", arguments: originals)
    func originalsRead(name: String) throws {
        let bytes = try #require(Self.shared("orig/\(name)"))
        let document = try process(name, bytes)
        #expect(document.source.format.rawValue == (name.hasSuffix(".doc") ? "doc" : "rtf"))
        let encoding = name.hasPrefix("vni__") ? "vni" : "tcvn3"
        #expect(document.source.encoding == encoding || document.source.encoding == "mixed")
        #expect(document.warnings.map(\.code).contains("legacy-font-decoded"))
        // Decoded text reads as Vietnamese: the words the TCVN3/VNI bytes spell as Windows-1252
        // ("ngµy", "Soá") are gone.
        #expect(!document.text.contains("ngµy") && !document.text.contains("Soá"))
        #expect(document.text.contains("ngày") || document.text.contains("NGÀY") || document.text.contains("Ngày"))
    }

    @Test("Dates, money and document numbers of the repaired as-read texts are those of the transcripts", arguments: asReadNames)
    func entitiesAsInTranscripts(name: String) throws {
        let asRead = try #require(Self.shared("asread-txt/\(name)"))
        let stem = name.split(separator: "__", maxSplits: 1).last.map { String($0.dropLast(".asread.txt".count)) } ?? name
        let truth = try #require(Self.shared("ground-truth/\(stem).txt"))
        let repaired = try process(name, asRead)
        let transcript = try process("\(stem).txt", truth)
        let got = Self.keyEntities(repaired), want = Self.keyEntities(transcript)
        // Every value the transcript gives is found as often in the repaired text, and nothing else.
        let missing = want.filter { got[$0.key] != $0.value }.map(\.key).sorted()
        let extra = got.filter { want[$0.key] == nil }.map(\.key).sorted()
        #expect(missing.isEmpty && extra.isEmpty, "\(name): missing \(missing), extra \(extra)")
    }
}

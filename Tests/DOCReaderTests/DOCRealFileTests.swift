import DOCReader
import DocumentModel
import Foundation
import Ingest
import Testing
import _TestSupport

/// The TCVN3 and VNI Word 97 documents of shared/real/legacy-encodings: read with no run hook,
/// their text must be the Windows-1252 reading that asread-txt/ shows. (The asread texts also
/// keep field instructions such as `PAGE` and `EMBED Excel.Sheet.8` and the footnote separator
/// characters 0x03/0x04, which the reader drops, hence a ratio just under 1.)
@Suite struct DOCRealFileTests {
    static let folder = URL(fileURLWithPath: "/work/shared/real/legacy-encodings")

    /// File, the font its legacy text is set in, the minimum similarity to asread-txt.
    static let files: [(name: String, font: String, similarity: Double)] = [
        ("tcvn3__2003-02144qd", ".VnTime", 0.995), ("tcvn3__2004-0328NDCP", ".VnTime", 0.999),
        ("tcvn3__2004-B6", ".VnTime", 0.999), ("tcvn3__2004-NghiDinh29_1998", ".VnTime", 0.999),
        ("tcvn3__2005-QD-256", ".VnTime", 0.999), ("tcvn3__2005-QDSUA522", ".VnTime", 0.999),
        ("tcvn3__2006-huong-dan-ghi-phieu", ".VnTime", 0.999),
        ("vni__2006-quydinhkiemtra02", "VNI-Times", 0.999), ("vni__2008-23.QD-991-UBND", "VNI-Times", 0.995),
        ("vni__2009-download", "VNI-Times", 0.999),
    ]
    static var names: [String] { files.map(\.name) }

    static func load(_ name: String, options: DOCReadOptions = DOCReadOptions()) throws -> (Document, String)? {
        let doc = folder.appendingPathComponent("orig/\(name).doc")
        let txt = folder.appendingPathComponent("asread-txt/\(name).asread.txt")
        guard let bytes = try? Data(contentsOf: doc), let expected = try? String(contentsOf: txt, encoding: .utf8) else { return nil }
        return (try DOCReader.read(InputFile(path: doc.path, bytes: [UInt8](bytes)), options: options), expected)
    }

    static func fonts(_ document: Document) -> [String] {
        guard case .array(let values)? = document.metadata.first(where: { $0.key == "fonts" })?.value else { return [] }
        return values.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    @Test(arguments: files)
    func matchesTheWindows1252Reading(_ file: (name: String, font: String, similarity: Double)) throws {
        guard let (document, expected) = try Self.load(file.name) else { return }  // shared/ not present
        let ratio = Similarity.ratio(document.text, expected) ?? 0
        let fonts = Self.fonts(document)
        print("[doc] \(file.name): \(document.text.unicodeScalars.count) chars, \(document.blocks.count) blocks (\(document.blocks.filter { $0.type == .tableCell }.count) cells, \(document.blocks.filter { $0.part != nil }.count) header/footer/note), encoding \(document.source.encoding ?? "-"), similarity \(String(format: "%.4f", ratio)), fonts \(fonts.joined(separator: ", "))")
        #expect(ratio >= file.similarity, "\(file.name): similarity \(ratio)")
        #expect(fonts.contains(file.font))
        #expect(document.contractViolation() == nil)
        #expect(document.warnings.isEmpty)
        #expect(document.metadata.contains { $0.key == "title" })
    }

    @Test func tcvn3TextComesOutAsLatin1Letters() throws {
        guard let (document, _) = try Self.load("tcvn3__2003-02144qd") else { return }
        #expect(document.text.contains("céng hoµ x· héi chñ  nghÜa ViÖt nam"))
        #expect(document.text.contains("Sè:  144 /2002/Q§/BTC"))
        #expect(document.source.encoding == "windows-1252")
        #expect(!document.text.contains("EMBED"))
        #expect(document.metadata.prefix(4) == [
            JSONValue.Member("title", .string("bé tµi chÝnh                                céng hoµ x· héi chñ  nghÜa ViÖt nam")),
            JSONValue.Member("creator", .string("Phong May tinh")),
            JSONValue.Member("created", .string("2002-12-10T02:38:00Z")),
            JSONValue.Member("modified", .string("2002-12-10T07:50:00Z")),
        ])
    }

    @Test func tablesOfTheLetterhead() throws {
        guard let (document, _) = try Self.load("tcvn3__2004-0328NDCP") else { return }
        let cells = document.blocks.filter { $0.type == .tableCell }
        #expect(cells.compactMap(\.cell).map { [$0.table, $0.row, $0.column] } == [[1, 1, 1], [1, 1, 2], [2, 1, 1], [2, 1, 2]])
        #expect(document.slice(cells[0].start, cells[0].end).hasPrefix("ChÝnh phñ"))
    }

    @Test func theHookSeesTheUppercaseFont() throws {
        // .VnTimeH draws lowercase bytes as capitals: the hook knows which runs those are.
        let recorder = RunRecorder()
        var options = DOCReadOptions()
        options.runText = { text, font, eightBit in
            recorder.record(text, font, eightBit)
            return font == ".VnTimeH" ? "⟨\(text)⟩" : nil
        }
        guard let (document, _) = try Self.load("tcvn3__2003-02144qd", options: options) else { return }
        #expect(recorder.calls.contains { $0.font == ".VnTimeH" && $0.eightBit && $0.text.contains("bé tµi chÝnh") })
        #expect(document.text.contains("⟨    bé tµi chÝnh  "))
        #expect(document.text.contains("⟨        quyÕt ®Þnh cña bé tr\u{AD}ëng bé tµi chÝnh⟩"))
        #expect(recorder.calls.allSatisfy { $0.font != nil })
    }
}

/// With a TCVN3 decoder in the run hook, the TCVN3 documents come close to their ground-truth
/// transcripts: the fonts reach the hook, including `.VnTimeH`, whose runs are capitals.
@Suite struct DOCGroundTruthTests {
    static let tcvn3 = DOCRealFileTests.names.filter { $0.hasPrefix("tcvn3__") }

    @Test(arguments: tcvn3)
    func decodedTextApproachesTheTranscript(_ name: String) throws {
        let truthURL = DOCRealFileTests.folder.appendingPathComponent("ground-truth/\(name.replacingOccurrences(of: "tcvn3__", with: "")).txt")
        guard let truth = try? String(contentsOf: truthURL, encoding: .utf8),
              let (plain, _) = try DOCRealFileTests.load(name),
              let (decoded, _) = try DOCRealFileTests.load(name, options: DOCReadOptions(runText: TCVN3Hook.hook)) else { return }
        // As read, the text is far from the transcript; the edit budget keeps that measure cheap.
        let before = Similarity.ratio(plain.text, truth, maxEdits: 4000)
        let after = Similarity.ratio(decoded.text, truth) ?? 0
        print("[doc-truth] \(name): similarity to ground truth \(before.map { String(format: "%.4f", $0) } ?? "low") as read, \(String(format: "%.4f", after)) through a TCVN3 hook")
        #expect(after > 0.995)
        #expect((before ?? 0) < 0.9)
    }
}

import DocumentModel
import Foundation
import Ingest
import RTFReader
import Testing
import _TestSupport

/// The two TCVN3 RTF documents of shared/real/legacy-encodings. Read with no hook, their text
/// is TCVN3 bytes as Windows-1252 letters; through a TCVN3 hook it comes close to the ground
/// truth, which shows the runs reach the hook with their fonts.
@Suite struct RTFRealFileTests {
    static let folder = URL(fileURLWithPath: "/work/shared/real/legacy-encodings")
    static let files = ["tcvn3__2003-A30", "tcvn3__2004-A33"]

    static func load(_ name: String, _ options: RTFReadOptions = RTFReadOptions()) throws -> Document? {
        let url = folder.appendingPathComponent("orig/\(name).rtf")
        guard let bytes = try? Data(contentsOf: url) else { return nil }
        return try RTFReader.read(InputFile(path: url.path, bytes: [UInt8](bytes)), options: options)
    }

    static func fonts(_ document: Document) -> [String] {
        guard case .array(let values)? = document.metadata.first(where: { $0.key == "fonts" })?.value else { return [] }
        return values.compactMap { if case .string(let s) = $0 { s } else { nil } }
    }

    @Test(arguments: files)
    func readsAndDecodes(_ name: String) throws {
        let truthURL = Self.folder.appendingPathComponent("ground-truth/\(name.replacingOccurrences(of: "tcvn3__", with: "")).txt")
        guard let plain = try Self.load(name), let truth = try? String(contentsOf: truthURL, encoding: .utf8),
              let decoded = try Self.load(name, RTFReadOptions(runText: TCVN3Hook.hook)) else { return }
        let fonts = Self.fonts(plain)
        let before = Similarity.ratio(plain.text, truth, maxEdits: 4000)
        let after = Similarity.ratio(decoded.text, truth) ?? 0
        print("[rtf] \(name): \(plain.text.unicodeScalars.count) chars, \(plain.blocks.count) blocks (\(plain.blocks.filter { $0.type == .tableCell }.count) cells), encoding \(plain.source.encoding ?? "-"), fonts \(fonts.joined(separator: ", ")), similarity to ground truth \(before.map { String(format: "%.4f", $0) } ?? "low") as read, \(String(format: "%.4f", after)) through a TCVN3 hook")
        #expect(fonts.contains(".VnTime"))
        #expect(plain.source.encoding == "windows-1252")
        #expect(plain.warnings.isEmpty)
        #expect(plain.contractViolation() == nil)
        #expect(plain.metadata.contains { $0.key == "title" })
        #expect((before ?? 0) < 0.9)
        #expect(after > 0.98)
    }

    @Test func theLetterheadOfA30() throws {
        guard let document = try Self.load("tcvn3__2003-A30") else { return }
        #expect(document.text.contains("céng hoµ x· héi chñ nghÜa ViÖt nam"))
        #expect(document.text.contains("Sè :117  /2000/TT-BTC"))
    }
}

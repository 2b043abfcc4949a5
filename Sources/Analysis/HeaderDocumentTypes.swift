import Entities
import Foundation
import VietnameseText

/// The document types of Decree 30/2020/NĐ-CP Appendix III with the codes their symbols use
/// (`123/KH-SYT` → KH, Kế hoạch) and the kind vndoc gives a document of each type, read from
/// `Resources/document_types.csv` (whose first line names the source).
struct HeaderDocumentTypes: Sendable {
    struct Row: Sendable, Equatable {
        /// As the appendix writes it ("QyĐ"); empty for a type without a code (Công văn, Luật).
        var code: String
        /// "Kế hoạch", "Quyết định", "Công văn".
        var name: String
        var kind: DocumentKind
    }

    let rows: [Row]
    private let byCode: [String: Row]
    private let byName: [String: Row]

    init(rows: [Row]) {
        self.rows = rows
        var byCode: [String: Row] = [:]
        var byName: [String: Row] = [:]
        for row in rows {
            if !row.code.isEmpty { byCode[Self.codeKey(row.code)] = row }
            byName[Folding.fold(row.name)] = row
        }
        self.byCode = byCode
        self.byName = byName
    }

    /// The type whose code this is, whatever its case ("QYĐ" finds QyĐ).
    func type(code: some StringProtocol) -> Row? { byCode[Self.codeKey(code)] }

    /// The type a line names ("KẾ HOẠCH", "Quyết định"), compared folded.
    func type(name: some StringProtocol) -> Row? { byName[Folding.fold(String(name))] }

    private static func codeKey(_ code: some StringProtocol) -> String { String(code).uppercased() }

    /// The table from the resource file; empty (no type resolved) when the file cannot be found.
    static let standard: HeaderDocumentTypes = {
        guard let url = resourceURL("document_types.csv"), let text = try? String(contentsOf: url, encoding: .utf8) else {
            return HeaderDocumentTypes(rows: [])
        }
        return parse(text)
    }()

    static func parse(_ text: String) -> HeaderDocumentTypes {
        let file = DataFile.parse(text, name: "document_types.csv")
        let rows = file.records.compactMap { record -> Row? in
            guard let name = record["name"], !name.isEmpty, let kind = record["kind"].flatMap(DocumentKind.init(rawValue:)) else { return nil }
            return Row(code: record["code"] ?? "", name: name, kind: kind)
        }
        return HeaderDocumentTypes(rows: rows)
    }

    /// The Analysis resource bundle (found without SwiftPM's generated accessor, which exists only
    /// once the target declares its resources): next to the executable, then where the accessor
    /// looks; in a development checkout, the source folder next to this file.
    static func resourceURL(_ name: String, sourceFile: String = #filePath) -> URL? {
        let bundleName = "vndoc_Analysis.resources"
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            candidates.append(exe.appendingPathComponent(bundleName))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        #if canImport(Darwin)
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("Contents/Resources/\(bundleName)"))
        #endif
        var files: [URL] = []
        for c in candidates {
            files.append(c.appendingPathComponent("Resources").appendingPathComponent(name))
            files.append(c.appendingPathComponent(name))
        }
        files.append(URL(fileURLWithPath: sourceFile).deletingLastPathComponent().appendingPathComponent("Resources").appendingPathComponent(name))
        return files.first { FileManager.default.fileExists(atPath: $0.path) }
    }
}

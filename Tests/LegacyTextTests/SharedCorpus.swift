import Foundation
import _TestSupport

/// The shared real-document corpus beside the package (`../shared/real`), when this machine has it.
enum SharedCorpus {
    static var real: URL {
        Paths.packageRoot().deletingLastPathComponent().appendingPathComponent("shared/real", isDirectory: true)
    }

    static var legacy: URL { real.appendingPathComponent("legacy-encodings", isDirectory: true) }

    /// The as-read text files, e.g. "tcvn3__2003-02144qd", sorted; empty without shared/.
    static func asReadNames() -> [String] {
        let folder = legacy.appendingPathComponent("asread-txt")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".asread.txt") }.map { String($0.dropLast(".asread.txt".count)) }.sorted()
    }

    static func asRead(_ name: String) -> String? {
        text(legacy.appendingPathComponent("asread-txt/\(name).asread.txt"))
    }

    /// The ground truth of an as-read file (its name without the encoding prefix).
    static func groundTruth(_ name: String) -> String? {
        let bare = name.split(separator: "__", maxSplits: 1).last.map(String.init) ?? name
        return text(legacy.appendingPathComponent("ground-truth/\(bare).txt"))
    }

    /// Every `.txt` file under `folder` (recursively), read as UTF-8.
    static func textFiles(under folder: URL) -> [(name: String, text: String)] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        var out: [(String, String)] = []
        for case let url as URL in walker where url.pathExtension == "txt" || url.pathExtension == "md" {
            if let text = text(url) { out.append((url.path, text)) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    static func text(_ url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}

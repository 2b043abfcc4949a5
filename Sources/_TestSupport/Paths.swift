public import Foundation

/// Paths the tests need: the package root (found from a source file's path), and fresh
/// temporary folders.
public enum Paths {
    /// The folder holding `Package.swift`, found by walking up from `file` (the calling test's
    /// source file by default). Falls back to the current directory when none is found.
    public static func packageRoot(file: StaticString = #filePath) -> URL {
        var directory = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        let fm = FileManager.default
        while directory.path != "/" && !directory.path.isEmpty {
            if fm.fileExists(atPath: directory.appendingPathComponent("Package.swift").path) {
                return directory.standardizedFileURL
            }
            directory = directory.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true)
    }

    /// Creates a new, empty temporary folder (unique per call). Remove it with
    /// `removeTemporaryDirectory(_:)` or use `withTemporaryDirectory`.
    public static func makeTemporaryDirectory(prefix: String = "vndoc-test") throws -> URL {
        let base = FileManager.default.temporaryDirectory
        let url = base.appendingPathComponent("\(prefix)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.resolvingSymlinksInPath()
    }

    /// Runs `body` with a fresh temporary folder that is removed afterwards (also on error).
    public static func withTemporaryDirectory<T>(
        prefix: String = "vndoc-test",
        _ body: (URL) async throws -> T
    ) async throws -> T {
        let url = try makeTemporaryDirectory(prefix: prefix)
        defer { try? FileManager.default.removeItem(at: url) }
        return try await body(url)
    }
}

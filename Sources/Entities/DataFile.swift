import Foundation

/// A fact table from the package resources: CSV (RFC 4180) whose first lines start with "#"
/// and name the public source, then a header row, then records.
public struct DataFile: Sendable {
    public let name: String
    /// The "#" lines at the top (the source named there), without the "#".
    public let notes: [String]
    public let header: [String]
    public let rows: [[String]]

    public struct Missing: Error, CustomStringConvertible, Sendable {
        public var name: String
        public var description: String { "data file \(name) not found in vndoc's resources (is the Entities resource bundle next to the binary?)" }
    }

    /// Loads `Resources/<name>` of the Entities module.
    public static func load(_ name: String) throws -> DataFile {
        guard let url = resourceURL(name) else { throw Missing(name: name) }
        let text = try String(contentsOf: url, encoding: .utf8)
        return parse(text, name: name)
    }

    /// The resource bundle, found without the generated accessor (which stops the process when
    /// the bundle is missing): next to the executable, then where SwiftPM's accessor looks.
    static func resourceURL(_ name: String) -> URL? {
        let bundleName = "vndoc_Entities.resources"
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
            candidates.append(exe.appendingPathComponent(bundleName))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent(bundleName))
        #if canImport(Darwin)
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("Contents/Resources/\(bundleName)"))
        #endif
        for c in candidates {
            for file in [c.appendingPathComponent("Resources").appendingPathComponent(name), c.appendingPathComponent(name)]
            where FileManager.default.fileExists(atPath: file.path) {
                return file
            }
        }
        let stem = (name as NSString).deletingPathExtension, ext = (name as NSString).pathExtension
        return Bundle.module.url(forResource: stem, withExtension: ext, subdirectory: "Resources")
            ?? Bundle.module.url(forResource: stem, withExtension: ext)
    }

    public static func parse(_ text: String, name: String) -> DataFile {
        var notes: [String] = []
        var records: [[String]] = []
        var field = ""
        var record: [String] = []
        var inQuotes = false
        var atLineStart = true
        var commentLine = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return scalars.next()
        }
        while let c = next() {
            if atLineStart && !inQuotes && c == "#" && records.isEmpty {
                commentLine = true
            }
            atLineStart = false
            if commentLine {
                if c == "\n" {
                    notes.append(field.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "^#\\s?", with: "", options: .regularExpression))
                    field = ""
                    commentLine = false
                    atLineStart = true
                } else if c != "\r" {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            if inQuotes {
                if c == "\"" {
                    if let n = next() {
                        if n == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = n }
                    } else { inQuotes = false }
                } else {
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"": inQuotes = true
            case ",": record.append(field); field = ""
            case "\r": break
            case "\n":
                record.append(field); field = ""
                if !(record.count == 1 && record[0].isEmpty) { records.append(record) }
                record = []
                atLineStart = true
            default: field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); records.append(record) }
        let header = records.first ?? []
        return DataFile(name: name, notes: notes, header: header, rows: Array(records.dropFirst()))
    }

    /// The rows as dictionaries keyed by the header.
    public var records: [[String: String]] {
        rows.map { row in
            var d: [String: String] = [:]
            for (k, key) in header.enumerated() where k < row.count { d[key] = row[k] }
            return d
        }
    }
}

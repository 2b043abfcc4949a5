import Foundation

/// One code table as its resource file states it: the source line, the fallback rule and the
/// mappings from byte sequences to Unicode scalars.
///
/// The file format (written by `scripts/legacy/generate_tables.py`):
///
///     # source: glibc localedata charmaps/TCVN5712-1 (...)
///     # fallback: windows-1252
///     B5<TAB>00E0<TAB># LATIN SMALL LETTER A WITH GRAVE
///     61 F9<TAB>00E1
struct TableFile: Sendable {
    /// How bytes the table does not list are read.
    enum Fallback: String, Sendable {
        /// As Windows-1252 (what Windows fonts show for codes the encoding leaves free).
        case windows1252 = "windows-1252"
        /// As Latin-1 (each byte is the scalar of the same number).
        case latin1
        /// As U+FFFD.
        case replacement
    }

    struct Entry: Sendable, Equatable {
        var bytes: [UInt8]
        var scalars: [UInt32]
    }

    var source: String
    var fallback: Fallback
    var entries: [Entry]

    /// Parses the text of a table file; malformed lines are skipped and counted.
    init(parsing text: String) {
        var source = ""
        var fallback = Fallback.windows1252
        var entries: [Entry] = []
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            if line.hasPrefix("#") {
                if line.hasPrefix("# source:") {
                    source = String(line.dropFirst("# source:".count)).trimmingCharacters(in: .whitespaces)
                } else if line.hasPrefix("# fallback:") {
                    let value = line.dropFirst("# fallback:".count).trimmingCharacters(in: .whitespaces)
                    fallback = Fallback(rawValue: value) ?? .windows1252
                }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2,
                  let bytes = Self.hexList(fields[0], max: 0xFF).map({ $0.map { UInt8($0) } }),
                  let scalars = Self.hexList(fields[1], max: 0x10FFFF),
                  !bytes.isEmpty, !scalars.isEmpty else { continue }
            entries.append(Entry(bytes: bytes, scalars: scalars))
        }
        self.source = source
        self.fallback = fallback
        self.entries = entries
    }

    /// "61 F9" -> [0x61, 0xF9]; nil when a field is not hex or exceeds `max`.
    static func hexList(_ field: Substring, max: UInt32) -> [UInt32]? {
        var out: [UInt32] = []
        for part in field.split(separator: " ") {
            guard let value = UInt32(part, radix: 16), value <= max else { return nil }
            out.append(value)
        }
        return out
    }

    /// Reads `Resources/<name>.txt` from the module bundle; nil when it is missing.
    static func resourceText(_ name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: "txt") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }

    /// The named resource table, or an empty table (every byte by its fallback) when missing;
    /// a test checks that every table loads with the expected number of entries.
    static func load(_ name: String) -> TableFile {
        TableFile(parsing: resourceText(name) ?? "# fallback: windows-1252\n")
    }
}

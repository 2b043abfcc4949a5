import Foundation
import _TestSupport
import Testing
@testable import LegacyText

/// The resource tables load, name their public sources and hold what they should.
@Suite("Code table files")
struct TableFileTests {
    @Test("Every table loads from the bundle with its source line", arguments: [
        ("tcvn3", "glibc localedata charmaps/TCVN5712-1", 75),
        ("viscii", "glibc localedata charmaps/VISCII", 134),
        ("windows-1258", "glibc localedata charmaps/CP1258", 119),
        ("windows-1252", "glibc localedata charmaps/CP1252", 123),
        ("vni", "https://www.scribd.com/document/23311958/Bang-Ma-Unicode", 134),
        ("vps", "https://en.wikipedia.org/wiki/VPSKeys", 142),
    ])
    func loads(_ name: String, _ source: String, _ minimumEntries: Int) throws {
        let text = try #require(TableFile.resourceText(name), "Resources/\(name).txt missing from the bundle")
        #expect(text.hasPrefix("# source: "))
        let file = TableFile(parsing: text)
        #expect(file.source.contains(source))
        #expect(file.entries.count >= minimumEntries, "\(name): \(file.entries.count) entries")
    }

    @Test("The decoders expose the source of their table")
    func sources() {
        for encoding in LegacyEncoding.allCases {
            #expect(!LegacyDecoder.source(of: encoding).isEmpty, "\(encoding)")
        }
        #expect(LegacyDecoder.source(of: .viqr).contains("RFC 1456"))
        #expect(LegacyDecoder.source(of: .tcvn3).contains("TCVN5712-1"))
    }

    @Test("TCVN3 is the VN3 subset: no toned capitals, no combining marks")
    func tcvn3Subset() {
        let table = CodeTables.tcvn3
        for b in 0xA0...0xFF where table.defined[b] {
            let value = table.single[b]
            let isCapital = UTF8Writer.lower(value) != value
            let allowedCapitals: Set<UInt32> = [0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110]
            #expect(!isCapital || allowedCapitals.contains(value), "byte \(b) -> U+\(String(value, radix: 16))")
            #expect(!(0x0300...0x036F).contains(value))
        }
        // Bytes VN3 leaves free read as Windows-1252: smart quotes and dashes survive.
        #expect(table.single[0x93] == 0x201C)
        #expect(table.single[0x96] == 0x2013)
    }

    @Test("Malformed lines are skipped, the header is read")
    func parsing() {
        let file = TableFile(parsing: "# source: test\n# fallback: replacement\nZZ\t0041\n41\n61 F9\t00E1\t# ok\n")
        #expect(file.source == "test")
        #expect(file.fallback == .replacement)
        #expect(file.entries == [TableFile.Entry(bytes: [0x61, 0xF9], scalars: [0xE1])])
    }
}

/// The committed tables are what the generator writes from the charmaps on this machine.
@Suite("Table generator")
struct TableGeneratorTests {
    @Test("scripts/legacy/generate_tables.py --check finds nothing stale")
    func upToDate() throws {
        let root = Paths.packageRoot()
        let script = root.appendingPathComponent("scripts/legacy/generate_tables.py")
        let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let python, FileManager.default.fileExists(atPath: script.path),
              FileManager.default.fileExists(atPath: "/usr/share/i18n/charmaps/TCVN5712-1.gz") else { return }  // no toolchain for it here
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, "--check"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
    }
}

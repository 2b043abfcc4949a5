import DocumentModel
import Foundation
import Testing
import _TestSupport
@testable import Ingest

let vietnamese = "Sở Y tế tỉnh Bắc Giang xây dựng kế hoạch hợp tác với tỉnh Xây Sôm Bun trong lĩnh vực y tế."

func windows1258(_ text: String) throws -> [UInt8] {
    try Windows1258.encode(text)
}

@Suite("Text decoding")
struct TextDecodingTests {
    static let le: [UInt8] = vietnamese.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] as [UInt8] }
    static let be: [UInt8] = vietnamese.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] as [UInt8] }
    static let encodingCases: [([UInt8], String)] = [
        ([UInt8](vietnamese.utf8), "utf-8"),
        ([0xEF, 0xBB, 0xBF] + [UInt8](vietnamese.utf8), "utf-8-bom"),
        ([0xFF, 0xFE] + le, "utf-16le"),
        ([0xFE, 0xFF] + be, "utf-16be"),
    ]

    @Test("Encodings with and without byte-order marks", arguments: encodingCases)
    func encodings(bytes: [UInt8], expected: String) throws {
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.encoding == expected)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == vietnamese)
        #expect(decoded.warnings.isEmpty)
    }

    @Test("CRLF, CR and LF all become LF")
    func lineEnds() throws {
        let decoded = try TextDecoding.decode(Array("một\r\nhai\rba\nbốn\r".utf8))
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "một\nhai\nba\nbốn\n")
    }

    @Test("Windows-1258 Vietnamese is decoded, with a warning")
    func windows1258Fallback() throws {
        let bytes = try windows1258(vietnamese)
        #expect(UTF8Validation.firstInvalidOffset(bytes) != nil)
        let decoded = try TextDecoding.decode(bytes)
        #expect(decoded.encoding == "windows-1258")
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == vietnamese)
        #expect(decoded.warnings.map(\.code) == ["decoded-windows-1258"])
        #expect(decoded.warnings.first?.message.contains("not valid UTF-8 (byte 0x") == true)
    }

    @Test("Invalid UTF-8 that is not Vietnamese is refused with the offending byte")
    func notVietnamese() {
        // Latin-1 French: valid in Windows-1258 but not Vietnamese.
        let french = Array("Le d\u{E9}veloppement \u{E9}conomique et la sant\u{E9} publique en Europe".unicodeScalars.map { UInt8($0.value) })
        #expect(throws: DecodingFailure.self) { try TextDecoding.decode(french) }
        do {
            _ = try TextDecoding.decode(french)
        } catch {
            #expect(error.code == .undecodable)
            #expect(error.reason.contains("byte 0xE9 at offset 4"))
            #expect(error.reason.contains("does not read as Vietnamese"))
        }
        // A byte Windows-1258 does not define.
        do {
            _ = try TextDecoding.decode([0x41, 0x42, 0x81, 0x43])
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == .undecodable)
            #expect(error.reason.contains("0x81"))
        }
    }

    @Test("Binary content is refused", arguments: [
        [0x00, 0x01, 0x02, 0x03, 0x41, 0x42],
        [0x41, 0x42, 0x43, 0x00, 0x44],
        Array(repeating: 0x01, count: 50) + Array("abc".utf8),
    ] as [[UInt8]])
    func binary(bytes: [UInt8]) {
        do {
            _ = try TextDecoding.decode(bytes)
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == .binary)
        }
    }

    @Test("Truncated or ill-formed UTF-16 is refused")
    func badUTF16() {
        #expect(throws: DecodingFailure.self) { try TextDecoding.decode([0xFF, 0xFE, 0x41]) }
        #expect(throws: DecodingFailure.self) { try TextDecoding.decode([0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]) }  // lone high surrogate
    }

    @Test("An explicit encoding overrides detection")
    func explicit() throws {
        let bytes = try windows1258("Hòa bình")
        let decoded = try TextDecoding.decode(bytes, encoding: .windows1258)
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "Hòa bình")
        #expect(throws: DecodingFailure.self) { try TextDecoding.decode(bytes, encoding: .utf8) }
    }

    @Test("UTF-8 validation agrees with Swift's decoder", arguments: [
        [0x41], [0xC3, 0xA0], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF0, 0x9F, 0x98, 0x80], [0xE1, 0xBA], [0x80], [0xFF], Array("Thừa Thiên Huế 2024 ✓".utf8),
    ] as [[UInt8]])
    func validation(bytes: [UInt8]) {
        let swiftValid = String(validating: bytes, as: UTF8.self) != nil
        #expect((UTF8Validation.firstInvalidOffset(bytes) == nil) == swiftValid)
    }
}

@Suite("Reading files")
struct TextReaderTests {
    @Test("Formats that are not text are named", arguments: [
        (Array("%PDF-1.7\n".utf8), "PDF"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], "OLE2"),
        (Array("{\\rtf1\\ansi".utf8), "RTF"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG"),
        ([0x50, 0x4B, 0x03, 0x04] + Array("....xl/workbook.xml".utf8), "XLSX"),
    ])
    func unsupported(bytes: [UInt8], name: String) {
        do {
            _ = try TextReader.read(InputFile(path: "x.bin", bytes: bytes))
            Issue.record("expected a failure")
        } catch {
            #expect(error.code == .unsupportedFormat)
            #expect(error.description.hasPrefix("x.bin: read: unsupported format: "))
            #expect(error.reason.contains(name))
        }
    }

    @Test("Source facts: size, SHA-256, format, encoding")
    func source() throws {
        let bytes = Array("Kế hoạch số 123/KH-SYT\n".utf8)
        let document = try TextReader.read(InputFile(path: "plan.txt", bytes: bytes))
        #expect(document.source.bytes == bytes.count)
        #expect(document.source.sha256 == SHA256.hex(bytes))
        #expect(document.source.format == .text)
        #expect(document.source.encoding == "utf-8")
    }

    @Test("Empty and whitespace-only files")
    func empty() throws {
        #expect(throws: DocumentError.self) { try TextReader.read(InputFile(path: "e.txt", bytes: [])) }
        let blank = try TextReader.read(InputFile(path: "b.txt", bytes: Array("  \n\t\n".utf8)))
        #expect(blank.warnings.map(\.code) == ["whitespace-only"])
    }

    @Test("Loading refuses directories, missing files and files over the limit")
    func load() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vndoc-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.txt")
        try Data(repeating: 0x41, count: 2000).write(to: file)
        func code(_ path: String, _ limit: Int) -> DocumentError.Code? {
            do { _ = try InputFile.load(path: path, maxBytes: limit); return nil } catch { return error.code }
        }
        #expect(code(dir.path, 10_000) == .isDirectory)
        #expect(code(dir.path + "/missing.txt", 10_000) == .notFound)
        #expect(code(file.path, 1000) == .tooLarge)
        #expect(try InputFile.load(path: file.path, maxBytes: 2000).bytes.count == 2000)
    }
}

@Suite("SHA-256")
struct SHA256Tests {
    static func hex(_ bytes: [UInt8], _ implementation: SHA256.Implementation) -> String {
        SHA256.digest(bytes, using: implementation).map { String(format: "%02x", $0) }.joined()
    }

    static let vectors: [(String, String)] = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    @Test("FIPS 180-4 test vectors, both block functions", arguments: SHA256.Implementation.allCases)
    func vectors(implementation: SHA256.Implementation) {
        for (message, digest) in Self.vectors {
            #expect(Self.hex(Array(message.utf8), implementation) == digest, "\(message)")
        }
        #expect(SHA256.hex(Array("abc".utf8)) == Self.vectors[1].1)
    }

    @Test("One million 'a', both block functions", arguments: SHA256.Implementation.allCases)
    func million(implementation: SHA256.Implementation) {
        #expect(Self.hex([UInt8](repeating: 0x61, count: 1_000_000), implementation) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("The two block functions agree on every length around the block and padding edges")
    func implementationsAgree() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...200) + [447, 448, 511, 512, 513, 4095, 4096, 65_537] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Self.hex(bytes, .portable) == Self.hex(bytes, .shaExtensions), "length \(length)")
        }
    }
}

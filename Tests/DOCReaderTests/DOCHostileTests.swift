import DOCReader
import DocumentModel
import Testing

/// Broken and hostile compound files: each must fail with a typed error that says what is
/// wrong, never trap, hang or allocate without bound.
@Suite struct DOCHostileTests {
    /// A valid document with a table, fields and enough text to need regular sectors.
    static func sample() -> WordDocumentBuilder {
        var b = WordDocumentBuilder()
        for i in 0..<120 { b.paragraph("Điều \(i). Văn bản \u{13} PAGE \u{14}\(i)\u{15} có bảng:") }
        b.table([["a", "b"], ["c", "d"]])
        return b
    }

    @Test func theSampleReads() throws {
        let image = Self.sample().make()
        #expect(image.firstSector["WordDocument"] != nil, "WordDocument should be in regular sectors")
        let document = try DOC.read(image.bytes)
        #expect(document.blocks.count == 124)
    }

    static let cuts: [Int] = [0, 7, 100, 511, 512, 513, 1024, 2000, 4096, 6000, 9000]

    @Test(arguments: cuts)
    func truncatedFilesFailClearly(_ length: Int) {
        let bytes = Self.sample().make().bytes
        let error = DOC.failure(Array(bytes.prefix(length)))
        #expect(error?.code == .malformed, "\(String(describing: error))")
        #expect(error.map { $0.reason.contains("truncated") || $0.reason.contains("too short") || $0.reason.contains("past the end") } == true,
                "\(String(describing: error))")
    }

    @Test func everyTruncationFailsOrReads() {
        let bytes = Self.sample().make().bytes
        for length in stride(from: 0, to: bytes.count, by: 97) {
            let error = DOC.failure(Array(bytes.prefix(length)))
            #expect(error == nil || error?.code == .malformed || error?.code == .limitExceeded, "cut at \(length): \(String(describing: error))")
        }
    }

    @Test func notACompoundFile() {
        DOC.expectFailure(Array("{\\rtf1 not a doc}".utf8) + [UInt8](repeating: 0x20, count: 600), code: .malformed, mentions: "not an OLE2 compound file")
    }

    @Test func fatLoop() throws {
        var image = Self.sample().make()
        let first = try #require(image.firstSector["WordDocument"])
        image.setFAT(sector: first + 2, to: UInt32(first + 1))
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "loops back to sector \(first + 1)")
    }

    @Test func chainIntoAFreeSector() throws {
        var image = Self.sample().make()
        let first = try #require(image.firstSector["WordDocument"])
        image.setFAT(sector: first, to: 0xFFFF_FFFF)
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "outside the")
    }

    @Test func chainEndsBeforeTheDeclaredSize() throws {
        var image = Self.sample().make()
        let first = try #require(image.firstSector["WordDocument"])
        image.setFAT(sector: first + 1, to: 0xFFFF_FFFE)
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "truncated: its sector chain ends after 2")
    }

    @Test func directoryEntryPointsOutOfRange() throws {
        var image = Self.sample().make()
        let entry = image.entryOffset(try #require(image.entryIndex["WordDocument"]))
        image.put32(0x00FF_FFF0, at: entry + 0x74)
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "sector 16777200, outside")
    }

    @Test func hugeDeclaredStreamSize() throws {
        var image = Self.sample().make()
        let entry = image.entryOffset(try #require(image.entryIndex["WordDocument"]))
        image.put32(0xFFFF_FFF0, at: entry + 0x78)
        DOC.expectFailure(image.bytes, code: .limitExceeded, mentions: "read.doc_max_stream_bytes")
        DOC.expectFailure(image.bytes, DOCReadOptions(maxStreamBytes: Int(UInt32.max)), code: .malformed, mentions: "more than the whole file")
    }

    @Test func streamLimit() {
        let image = Self.sample().make()
        DOC.expectFailure(image.bytes, DOCReadOptions(maxStreamBytes: 1000), code: .limitExceeded, mentions: "read.doc_max_stream_bytes")
    }

    @Test func sectorLimit() {
        let image = Self.sample().make()
        DOC.expectFailure(image.bytes, DOCReadOptions(maxSectors: 4), code: .limitExceeded, mentions: "read.doc_max_sectors")
    }

    @Test func directoryLimit() throws {
        // Chain the directory sector on into the WordDocument stream's sectors: a long directory.
        var image = Self.sample().make()
        let first = try #require(image.firstSector["WordDocument"])
        let directorySector = image.directoryOffset / 512 - 1
        image.setFAT(sector: directorySector, to: UInt32(first))
        DOC.expectFailure(image.bytes, DOCReadOptions(maxDirectoryEntries: 8), code: .limitExceeded, mentions: "read.doc_max_directory_entries")
    }

    @Test func directoryLoop() {
        var image = Self.sample().make()
        let directorySector = image.directoryOffset / 512 - 1
        image.setFAT(sector: directorySector, to: UInt32(directorySector))
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "the directory loops")
    }

    @Test func fatSectorCountBeyondTheFile() {
        var image = Self.sample().make()
        image.put32(5000, at: 0x2C)
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "FAT sectors, more than the file holds")
    }

    @Test func difatChainOutsideTheFile() {
        // More FAT sectors than the header's 109 slots, and a DIFAT chain that leads nowhere.
        var image = Self.sample().make()
        var padded = image.bytes + [UInt8](repeating: 0, count: 512 * 200)
        padded.replaceSubrange(0x2C..<0x30, with: le32(120))
        padded.replaceSubrange(0x44..<0x48, with: le32(0x7FFF_0000))
        image.bytes = padded
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "the DIFAT ends after 109 of 120")
    }

    @Test func difatLoop() {
        var image = Self.sample().make()
        let difat = image.bytes.count / 512 - 1  // a new sector at the end
        var sector = [UInt8](repeating: 0xFF, count: 512)
        sector.replaceSubrange(508..<512, with: le32(UInt32(difat)))  // points to itself
        image.bytes += sector
        image.bytes.replaceSubrange(0x2C..<0x30, with: le32(109 + 127 + 1))
        image.bytes.replaceSubrange(0x44..<0x48, with: le32(UInt32(difat)))
        image.bytes += [UInt8](repeating: 0, count: 512 * 240)
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "DIFAT sector chain loops")
    }

    @Test func miniFATLoop() {
        // The table stream is small: it lives in the mini stream. Make its mini chain loop.
        var b = WordDocumentBuilder()
        b.paragraph(String(repeating: "x", count: 5000))
        var image = b.make()
        // The mini FAT is the sector chain named at 0x3C; entry 1 → 0 makes a loop when the table needs 3+ mini sectors.
        let miniFATSector = Int(image.bytes[0x3C]) | Int(image.bytes[0x3D]) << 8
        let offset = CompoundFileImage.offset(ofSector: miniFATSector)
        image.put32(0, at: offset + 4)
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "loops back to sector 0")
    }

    @Test func pieceTablePointsPastTheStream() {
        var b = WordDocumentBuilder()
        b.paragraph("hello")
        var (doc, table) = b.streams()
        // Clx = 0x02, lcb, CP[2], Pcd: the piece's fc is at 1 + 4 + 8 + 2.
        table.replaceSubrange(15..<19, with: le32(0x4000_0000 | 0x3FFF_0000))
        doc += []
        let image = CompoundFileBuilder.make([("WordDocument", doc), ("1Table", table)])
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "points past the end of the WordDocument stream")
    }

    @Test func brokenPieceTables() {
        for (patch, mention) in [([UInt8]([0x07]), "no piece descriptor table"), ([0x02, 0xFF, 0xFF, 0, 0], "claims 65535 bytes")] {
            var b = WordDocumentBuilder()
            b.paragraph("hello")
            var (doc, table) = b.streams()
            table.replaceSubrange(0..<patch.count, with: patch)
            doc += []
            DOC.expectFailure(CompoundFileBuilder.make([("WordDocument", doc), ("1Table", table)]).bytes, code: .malformed, mentions: mention)
        }
    }

    @Test func characterLimit() {
        var b = WordDocumentBuilder()
        b.paragraph("hello")
        b.ccpTextOverride = 0x7FFF_FFFF
        DOC.expectFailure(b.make().bytes, code: .limitExceeded, mentions: "read.doc_max_characters")
    }

    @Test func moreCharactersDeclaredThanThePiecesHold() throws {
        var b = WordDocumentBuilder()
        b.paragraph("hello")
        b.ccpTextOverride = 1000
        let document = try DOC.read(b)
        #expect(document.text == "hello")
        #expect(document.warnings.map(\.code) == ["doc-text-truncated"])
    }

    @Test func encryptedDocuments() {
        var b = WordDocumentBuilder()
        b.paragraph("secret")
        b.encrypted = true
        DOC.expectFailure(b.make().bytes, code: .unsupportedFormat, mentions: "password-protected")
    }

    @Test(arguments: [(UInt16(0x65), "Word 6.0/95"), (0x68, "Word 6.0/95"), (0x2D, "older than Word 97")])
    func olderWordVersions(_ nFib: UInt16, _ mention: String) {
        var b = WordDocumentBuilder()
        b.paragraph("old")
        b.nFib = nFib
        DOC.expectFailure(b.make().bytes, code: .unsupportedFormat, mentions: mention)
    }

    @Test(arguments: [("Workbook", "Excel"), ("PowerPoint Document", "PowerPoint"), ("Contents", "without a WordDocument stream")])
    func otherCompoundFiles(_ stream: String, _ mention: String) {
        let image = CompoundFileBuilder.make([(stream, [UInt8](repeating: 1, count: 100))])
        DOC.expectFailure(image.bytes, code: mention.contains("without") ? .malformed : .unsupportedFormat, mentions: mention)
    }

    @Test func missingTableStream() {
        var b = WordDocumentBuilder()
        b.paragraph("x")
        let image = CompoundFileBuilder.make([("WordDocument", b.streams().wordDocument)])
        DOC.expectFailure(image.bytes, code: .malformed, mentions: "no 1Table stream")
    }

    @Test func formattingPagesOutOfRangeDegrade() throws {
        // Every bin of the character and paragraph tables points at one far page: formatting is
        // ignored, the text is still read.
        var b = WordDocumentBuilder()
        b.table([["a", "b"]])
        var (doc, table) = b.streams()
        let fib = doc
        for pair in [12, 13] {
            let at = 0x9A + pair * 8
            let offset = Int(fib[at]) | Int(fib[at + 1]) << 8 | Int(fib[at + 2]) << 16
            let length = Int(fib[at + 4]) | Int(fib[at + 5]) << 8
            let n = (length - 4) / 8
            for i in 0..<n { table.replaceSubrange((offset + (n + 1) * 4 + i * 4)..<(offset + (n + 1) * 4 + i * 4 + 4), with: le32(0x3F_FFFF)) }
        }
        doc += []
        let document = try DOC.read(CompoundFileBuilder.make([("WordDocument", doc), ("1Table", table)]).bytes)
        #expect(DOC.blockTexts(document) == ["a", "b"])
        #expect(document.blocks.allSatisfy { $0.type == .paragraph })
    }

    /// Random corruption of a valid file (fixed seed): every result is a document or a typed error.
    @Test func randomCorruption() {
        let original = Self.sample().make().bytes
        var rng = SplitMix64(seed: 0x5EED)
        var outcomes: [DocumentError.Code?: Int] = [:]
        for _ in 0..<400 {
            var bytes = original
            for _ in 0..<(1 + Int(rng.next() % 8)) {
                let at = Int(rng.next() % UInt64(bytes.count))
                bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            }
            do {
                let document = try DOC.read(bytes)
                #expect(document.text.utf8.count <= 4 * original.count)
                #expect(document.contractViolation() == nil)
                outcomes[nil, default: 0] += 1
            } catch {
                #expect([.malformed, .limitExceeded, .unsupportedFormat].contains(error.code))
                outcomes[error.code, default: 0] += 1
            }
        }
        #expect((outcomes[nil] ?? 0) > 0)
    }
}

/// A small deterministic generator for the corruption test.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

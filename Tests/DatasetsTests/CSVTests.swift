import Datasets
import Testing

/// RFC 4180 as the CSV files follow it, checked field by field and against an independent
/// reader written from the RFC's grammar.
@Suite("CSV files")
struct CSVTests {
    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var row: [Cell]
        var encoded: String
    }

    static let cases: [Case] = [
        Case(description: "plain fields stay bare; null is an empty field; CRLF ends the record",
             row: [.text("Cao Bằng"), .null, .integer(2), .text("2a")], encoded: "Cao Bằng,,2,2a\r\n"),
        Case(description: "a comma quotes the field", row: [.text("Phòng, chống HIV/AIDS")], encoded: "\"Phòng, chống HIV/AIDS\"\r\n"),
        Case(description: "quotes are doubled inside quotes", row: [.text("chương trình “Hỗ trợ” \"II\"")],
             encoded: "\"chương trình “Hỗ trợ” \"\"II\"\"\"\r\n"),
        Case(description: "line breaks stay inside the quoted field", row: [.text("đoạn 1\n\nđoạn 2"), .text("a\r\nb")],
             encoded: "\"đoạn 1\n\nđoạn 2\",\"a\r\nb\"\r\n"),
        Case(description: "reals without a needless fraction; negative integers",
             row: [.real(1_766_925_000), .real(2.5), .integer(-3)], encoded: "1766925000,2.5,-3\r\n"),
        Case(description: "an empty string and spaces are written as they are", row: [.text(""), .text(" x ")], encoded: ", x \r\n"),
    ]

    @Test("Fields", arguments: cases)
    func fields(_ c: Case) {
        var out: [UInt8] = []
        CSVWriter.encode(c.row, into: &out)
        #expect(String(decoding: out, as: UTF8.self) == c.encoded)
        // An RFC 4180 reader gives the fields back (null and "" both read as "").
        let parsed = RFC4180.parse(out)
        #expect(parsed == [c.row.map(RFC4180.text)])
    }

    @Test("A file: header record, rows, BOM only with excel, nothing visible before commit")
    func file() throws {
        let directory = try DatasetTesting.temporaryDirectory()
        for excel in [false, true] {
            let path = directory + "/twgs-\(excel).csv"
            let writer = try CSVWriter(table: .twgs, path: path, excel: excel)
            try writer.write([.text("d.txt"), .integer(1), .text("NKT về Dược"), .text("TWGP"), .text("2010"), .text("Cục Quản lý Dược"), .text("WHO; EU"), .null])
            #expect(!DatasetTesting.exists(path))
            try writer.commit()
            let bytes = try DatasetTesting.read(path)
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF] || !excel)
            #expect((Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF]) == excel)
            let records = RFC4180.parse(excel ? Array(bytes.dropFirst(3)) : bytes)
            #expect(records.first == DatasetTable.twgs.columnNames)
            #expect(records.dropFirst().first == ["d.txt", "1", "NKT về Dược", "TWGP", "2010", "Cục Quản lý Dược", "WHO; EU", ""])
        }
        let discarded = try CSVWriter(table: .news, path: directory + "/news.csv", excel: false)
        discarded.discard()
        #expect(!DatasetTesting.exists(directory + "/news.csv"))
        #expect(try DatasetTesting.list(directory).allSatisfy { !$0.hasPrefix(".") })
    }
}

/// A CSV reader written from RFC 4180's grammar (independent of `CSVWriter`).
enum RFC4180 {
    static func text(_ cell: Cell) -> String {
        switch cell {
        case .null: ""
        case .integer(let n): String(n)
        case .real(let x): x == x.rounded() ? String(Int(x)) : String(x)
        case .text(let s): s
        }
    }

    static func parse(_ bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field: [UInt8] = []
        var i = 0
        var quoted = false
        var atFieldStart = true
        func endField() {
            record.append(String(decoding: field, as: UTF8.self))
            field = []
            atFieldStart = true
        }
        while i < bytes.count {
            let b = bytes[i]
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "\"") {
                        field.append(b)
                        i += 2
                        continue
                    }
                    quoted = false
                } else {
                    field.append(b)
                }
                i += 1
                continue
            }
            switch b {
            case UInt8(ascii: "\"") where atFieldStart:
                quoted = true
                atFieldStart = false
            case UInt8(ascii: ","):
                endField()
            case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                endField()
                records.append(record)
                record = []
                i += 1
            default:
                field.append(b)
                atFieldStart = false
            }
            i += 1
        }
        if !field.isEmpty || !record.isEmpty { endField(); records.append(record) }
        return records
    }
}

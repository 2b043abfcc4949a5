public import Emit

/// A table written as CSV (RFC 4180): UTF-8, CRLF after every record, a header record, fields
/// quoted when they hold a comma, a double quote, CR or LF (quotes doubled inside), null as an
/// empty field. With `excel`, a UTF-8 byte-order mark comes first, which Excel needs to show
/// Vietnamese letters instead of mojibake. The file appears whole at `commit()` or not at all.
public final class CSVWriter {
    public let table: DatasetTable
    private let file: AtomicFile
    private var line: [UInt8] = []

    public init(table: DatasetTable, path: String, excel: Bool) throws(AtomicFile.Failure) {
        self.table = table
        file = try AtomicFile(path: path)
        if excel { try file.write([0xEF, 0xBB, 0xBF]) }
        try write(table.columnNames.map { .text($0) })
    }

    public func write(_ row: [Cell]) throws(AtomicFile.Failure) {
        line.removeAll(keepingCapacity: true)
        Self.encode(row, into: &line)
        try file.write(line)
    }

    public func commit() throws(AtomicFile.Failure) { try file.commit() }
    public func discard() { file.discard() }

    /// One CSV record, CRLF included.
    public static func encode(_ row: [Cell], into out: inout [UInt8]) {
        for (i, cell) in row.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            switch cell {
            case .null: break
            case .integer(let n): out.append(contentsOf: String(n).utf8)
            case .real(let x): out.append(contentsOf: Cell.format(x).utf8)
            case .text(var s): field(&s, into: &out)
            }
        }
        out.append(0x0D)
        out.append(0x0A)
    }

    private static func field(_ s: inout String, into out: inout [UInt8]) {
        s.withUTF8 { bytes in
            var needsQuotes = false
            for b in bytes where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0D || b == 0x0A {
                needsQuotes = true
                break
            }
            guard needsQuotes else {
                out.append(contentsOf: bytes)
                return
            }
            out.append(UInt8(ascii: "\""))
            for b in bytes {
                if b == UInt8(ascii: "\"") { out.append(b) }
                out.append(b)
            }
            out.append(UInt8(ascii: "\""))
        }
    }
}

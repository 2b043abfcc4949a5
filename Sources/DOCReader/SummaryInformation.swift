import DocumentModel

/// The document's title, author and dates from the `\u{5}SummaryInformation` property set
/// ([MS-OLEPS]), as metadata members named like the DOCX reader's: title, creator, created,
/// modified. Anything unreadable is left out; this never fails a document.
///
/// ```
/// PropertySetStream: byte order, version, system, CLSID, count, then (FMTID, offset) per set
/// PropertySet at offset: size, count, (property id, offset) × count, then typed values
///   VT_LPSTR (0x1E): size, bytes in the set's code page (property 1)   VT_FILETIME (0x40): 100 ns since 1601
/// ```
enum SummaryInformation {
    static func metadata(_ stream: [UInt8]) -> [JSONValue.Member] {
        guard stream.u16(0) == 0xFFFE, let sets = stream.u32(24), sets >= 1, let base32 = stream.u32(44) else { return [] }
        let base = Int(base32)
        guard let count = stream.u32(base + 4), count <= 1000 else { return [] }
        var offsets: [UInt32: Int] = [:]
        for i in 0..<Int(count) {
            guard let id = stream.u32(base + 8 + i * 8), let offset = stream.u32(base + 12 + i * 8) else { break }
            offsets[id] = base + Int(offset)
        }
        var codePage = 1252
        if let at = offsets[1], stream.u32(at) == 2, let value = stream.u16(at + 4) { codePage = Int(value) }

        func string(_ id: UInt32) -> String? {
            guard let at = offsets[id], let type = stream.u32(at), let size = stream.u32(at + 4) else { return nil }
            let length = Int(size)
            let text: String
            switch type {
            case 0x1E:
                guard stream.contains(offset: at + 8, length: length) else { return nil }
                let bytes = stream[(at + 8)..<(at + 8 + length)]
                switch codePage {
                case 1200:
                    var units: [UInt16] = []
                    var k = bytes.startIndex
                    while k + 1 < bytes.endIndex { units.append(UInt16(bytes[k]) | UInt16(bytes[k + 1]) << 8); k += 2 }
                    text = String(decoding: units, as: UTF16.self)
                case 65001: text = String(decoding: bytes, as: UTF8.self)
                default: text = String(decoding: bytes.map(Windows1252.unit), as: UTF16.self)
                }
            case 0x1F:
                guard length <= stream.count / 2, stream.contains(offset: at + 8, length: length * 2) else { return nil }
                text = String(decoding: (0..<length).map { stream.u16(at + 8 + $0 * 2) ?? 0 }, as: UTF16.self)
            default:
                return nil
            }
            let trimmed = text.unicodeScalars.filter { $0 != "\0" }
            let value = String(String.UnicodeScalarView(trimmed)).trimmingSpaces
            return value.isEmpty ? nil : value
        }

        func date(_ id: UInt32) -> String? {
            guard let at = offsets[id], stream.u32(at) == 0x40, let low = stream.u32(at + 4), let high = stream.u32(at + 8) else { return nil }
            let ticks = UInt64(high) << 32 | UInt64(low)
            // 1601-01-01 to 1970-01-01 is 11644473600 s; before 1980 or after 2200 is not a real save date.
            let seconds = Int64(ticks / 10_000_000) - 11_644_473_600
            guard seconds >= 315_532_800, seconds < 7_258_118_400 else { return nil }
            return iso8601(seconds)
        }

        var members: [JSONValue.Member] = []
        if let title = string(2) { members.append(JSONValue.Member("title", .string(title))) }
        if let author = string(4) { members.append(JSONValue.Member("creator", .string(author))) }
        if let created = date(12) { members.append(JSONValue.Member("created", .string(created))) }
        if let modified = date(13) { members.append(JSONValue.Member("modified", .string(modified))) }
        return members
    }

    /// Seconds since 1970 as `YYYY-MM-DDTHH:MM:SSZ` (Howard Hinnant's civil-from-days).
    static func iso8601(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ v: Int64) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year)-\(two(month))-\(two(day))T\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))Z"
    }
}

extension String {
    /// Without leading and trailing white space.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

import DocumentModel

/// Document numbers and symbols ("số và ký hiệu văn bản", Decree 30/2020/NĐ-CP Appendix I):
/// `Số: 123 /KH-SYT`, `Kế hoạch số 481/KH-UBND`, `Nghị quyết số 99/2023/QH15`, `05/CT-TTg`,
/// `Công văn số 1234/BYT-KH-TC`.
///
/// Grammar (on normalised text, scanned from each '/'):
///
///     ref     = number [" "] "/" [" "] [year [" "] "/" [" "]] symbol
///     number  = 1-6 digits, not glued to a letter, digit or one of / . , - + @ _ = & # % before it
///     year    = 19dd | 20dd
///     symbol  = group { joiner group }
///     joiner  = "-" or "–" (written "-"), with a space on at most one side (" - " is a prose
///               dash); or, with no space, "/" or "." as in older symbols (`144/2002/QĐ/BTC`,
///               `1330/QĐ-CT.UB`)
///     group   = starts with an uppercase letter (A-Z, Đ), then letters A-Z, Đ, a-z and digits,
///               at most 15; lowercase letters single and fewer than the uppercase ones (TTg,
///               CTr, QyĐ, TrS), and no other letter touching it (so "Sở" is not a group);
///               the first group has two or more uppercase letters (type and issuer codes do;
///               an address such as "số 12/A5" does not)
///
/// A lone group with no year (`12/BC`, `178/CP`) is accepted only after "số" (`Công văn số
/// 12/BYT`) or a document-type name (`Chỉ thị 814/TTg`, `Nghị định 31/CP`); two or more groups
/// or a year make the symbol on their own. The symbol must end at a boundary (no letter or
/// digit, no '@', no '/' + letter or digit, no '_').
///
/// Span: the number and symbol (`481/KH-UBND`, `123 /KH-SYT`), never the type word or "Số:"
/// before it. The rule says where it stood: "header" for the `Số:` line at the start of a line
/// (the number-and-symbol line at the top of an official document), "symbol" elsewhere. Value:
/// the canonical id as a string, spaces removed, "–" written "-": `123/KH-SYT`.
public struct DocumentRefRecognizer: Recognizer {
    public init() {}

    public var types: Set<EntityType> { [.documentRef] }

    public func recognize(_ text: UnsafeBufferPointer<UInt8>, into matches: inout [Match]) {
        let n = text.count
        var i = 0
        var floor = 0  // matches never start before the end of the previous one
        while i < n {
            guard let slash = UTF8Text.index(of: 0x2F, in: text, from: i) else { break }
            if let m = Self.parse(text, slash: slash, floor: floor) {
                matches.append(m)
                floor = m.end
                i = m.end
            } else {
                i = slash + 1
            }
        }
    }

    // MARK: - Grammar

    private static let space: UInt8 = 0x20

    /// The reference whose first '/' is at `slash`, or nil.
    static func parse(_ p: UnsafeBufferPointer<UInt8>, slash: Int, floor: Int) -> Match? {
        // number, backwards from the slash (one space allowed before '/')
        var numEnd = slash
        if numEnd > 0 && p[numEnd - 1] == space { numEnd -= 1 }
        var numStart = numEnd
        while numStart > 0 && UTF8Text.isDigit(p[numStart - 1]) && numEnd - numStart <= 6 { numStart -= 1 }
        let numLength = numEnd - numStart
        guard numLength >= 1 && numLength <= 6, numStart >= floor else { return nil }
        if numStart > 0 {
            let b = p[numStart - 1]
            switch b {
            case 0x2F, 0x2E, 0x2C, 0x2D, 0x2B, 0x40, 0x5F, 0x3D, 0x26, 0x23, 0x25: return nil  // / . , - + @ _ = & # %
            default: break
            }
            guard UTF8Text.boundaryBefore(p, numStart) else { return nil }
        }

        var out: [UInt8] = []
        out.reserveCapacity(32)
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[numStart..<numEnd]))
        out.append(0x2F)

        // optional year: /YYYY/
        var j = skipOneSpace(p, slash + 1)
        var hasYear = false
        if j + 4 <= p.count, isYear(p, j) {
            var k = skipOneSpace(p, j + 4)
            if k < p.count && p[k] == 0x2F {
                k = skipOneSpace(p, k + 1)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[j..<(j + 4)]))
                out.append(0x2F)
                hasYear = true
                j = k
            }
        }

        // symbol: groups and their joiners
        guard let first = group(p, at: j, minUpper: 2) else { return nil }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: p[j..<first]))
        var end = first
        var groups = 1
        while let (next, joiner) = joiner(p, at: end), let g = group(p, at: next) {
            out.append(joiner)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[next..<g]))
            end = g
            groups += 1
        }
        guard endsCleanly(p, end) else { return nil }

        let intro = introduction(p, before: numStart)
        guard groups >= 2 || hasYear || intro != nil || typeNameBefore(p, numStart) else { return nil }
        let value = JSONValue.string(String(decoding: out, as: UTF8.self))
        if let intro, intro.header {
            return Match(.documentRef, numStart, end, value, rule: "header")
        }
        return Match(.documentRef, numStart, end, value, rule: "symbol")
    }

    @inline(__always)
    static func skipOneSpace(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        i < p.count && p[i] == space ? i + 1 : i
    }

    /// 19dd or 20dd, not followed by another digit.
    static func isYear(_ p: UnsafeBufferPointer<UInt8>, _ j: Int) -> Bool {
        let a = p[j], b = p[j + 1]
        guard (a == 0x31 && b == 0x39) || (a == 0x32 && b == 0x30) else { return false }
        guard UTF8Text.isDigit(p[j + 2]) && UTF8Text.isDigit(p[j + 3]) else { return false }
        return j + 4 >= p.count || !UTF8Text.isDigit(p[j + 4])
    }

    /// Where the group starting at `i` ends, or nil when no valid group starts there.
    static func group(_ p: UnsafeBufferPointer<UInt8>, at i: Int, minUpper: Int = 1) -> Int? {
        var j = i
        var upper = 0
        var lower = 0
        var previousLower = true  // a group cannot start with a lowercase letter
        var length = 0
        while j < p.count {
            let b = p[j]
            if b >= 0x41 && b <= 0x5A {
                upper += 1; previousLower = false; j += 1
            } else if b == 0xC4 && j + 1 < p.count && p[j + 1] == 0x90 {  // Đ
                upper += 1; previousLower = false; j += 2
            } else if b >= 0x61 && b <= 0x7A {
                if previousLower { return nil }
                lower += 1; previousLower = true; j += 1
            } else if UTF8Text.isDigit(b) {
                if length == 0 { return nil }
                previousLower = false; j += 1
            } else {
                break
            }
            length += 1
            if length > 15 { return nil }
        }
        guard upper >= minUpper, lower < upper else { return nil }
        // No other letter may touch the group ("Sở", "ĐTYTế").
        guard UTF8Text.boundaryAfter(p, j) else { return nil }
        return j
    }

    /// What joins two groups, and where the next group would start: a hyphen ("-", or "–"
    /// written "-") with a space on at most one side; or, with no space, '/' or '.' as in older
    /// symbols (`144/2002/QĐ/BTC`, `1330/QĐ-CT.UB`).
    static func joiner(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (next: Int, joiner: UInt8)? {
        var j = i
        guard j < p.count else { return nil }
        if p[j] == 0x2F || p[j] == 0x2E { return (j + 1, p[j]) }
        let spaceBefore = p[j] == space
        if spaceBefore { j += 1 }
        if j < p.count && p[j] == 0x2D {
            j += 1
        } else if j + 2 < p.count && p[j] == 0xE2 && p[j + 1] == 0x80 && p[j + 2] == 0x93 {
            j += 3
        } else {
            return nil
        }
        if j < p.count && p[j] == space {
            if spaceBefore { return nil }
            j += 1
        }
        return (j, 0x2D)
    }

    /// The symbol must not run on into something else.
    static func endsCleanly(_ p: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
        guard end < p.count else { return true }
        switch p[end] {
        case 0x40, 0x5F: return false  // @ _
        case 0x2F:  // '/' followed by a letter or digit: a path, not a reference
            guard let (v, _) = UTF8Text.scalar(p, at: end + 1) else { return true }
            return !UTF8Text.isLetterOrDigit(v)
        default: return true
        }
    }

    /// "số" (any case) just before the number, with an optional ':' and spaces; `header` when it
    /// is "Số:" with the colon at the start of a line, `start` where "Số" begins.
    static func introduction(_ p: UnsafeBufferPointer<UInt8>, before numStart: Int) -> (start: Int, header: Bool)? {
        var k = numStart
        while k > 0 && p[k - 1] == space && numStart - k < 2 { k -= 1 }
        var colon = false
        if k > 0 && p[k - 1] == 0x3A {
            colon = true
            k -= 1
            if k > 0 && p[k - 1] == space { k -= 1 }
        } else if k == numStart && numStart > 0 {
            return nil  // "số123" is not "số 123"
        }
        // "số" / "Số" / "SỐ": s + ố (U+1ED1, E1 BB 91) or Ố (U+1ED0, E1 BB 90)
        guard k >= 4 else { return nil }
        let s = k - 4
        guard p[s] | 0x20 == 0x73, p[s + 1] == 0xE1, p[s + 2] == 0xBB, p[s + 3] == 0x90 || p[s + 3] == 0x91 else { return nil }
        guard UTF8Text.boundaryBefore(p, s) else { return nil }
        var header = false
        if colon {
            var b = s
            while b > 0 && (p[b - 1] == space || p[b - 1] == 0x09) { b -= 1 }
            header = b == 0 || p[b - 1] == 0x0A
        }
        return (s, header)
    }

    /// Folded names of document types (the last one or two words), after which a lone group is
    /// a symbol (`Chỉ thị 814/TTg`, `Nghị định 31/CP`): the kinds of Decree 30/2020 Appendix III
    /// and the legal documents (luật, pháp lệnh, nghị định, thông tư, thông tư liên tịch/liên bộ).
    static let typeNames: Set<String> = [
        "nghi quyet", "quyet dinh", "chi thi", "quy che", "quy dinh", "thong cao", "thong bao",
        "huong dan", "chuong trinh", "ke hoach", "phuong an", "de an", "du an", "bao cao", "bien ban",
        "to trinh", "hop dong", "cong dien", "ghi nho", "thoa thuan", "giay moi", "cong van", "van ban",
        "nghi dinh", "thong tu", "lien tich", "lien bo", "phap lenh", "luat", "hien phap",
    ]

    /// Whether a document-type name ends one space before `numStart`.
    static func typeNameBefore(_ p: UnsafeBufferPointer<UInt8>, _ numStart: Int) -> Bool {
        guard numStart >= 2, p[numStart - 1] == space else { return false }
        var words: [String] = []
        var end = numStart - 1
        while words.count < 2, let (key, start) = UTF8Text.foldedWord(endingAt: end, in: p) {
            words.insert(key, at: 0)
            if typeNames.contains(words.joined(separator: " ")) { return true }
            guard start >= 2, p[start - 1] == space else { break }
            end = start - 1
        }
        return false
    }
}

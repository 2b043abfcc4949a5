/// A numbering or bullet at the start of a line, as written.
enum Marker: Equatable {
    /// "II." — a section heading.
    case roman(label: String)
    /// "1.", "2)", "1.2.", "1.2.3" — depth is the number of components.
    case arabic(label: String, depth: Int)
    /// "2a", "2a)", "3b." — a sub-item of a numbered item.
    case numberLetter(label: String)
    /// "a)", "b.", "đ)".
    case letter(label: String)
    /// "-", "•", "+", "*", "–".
    case bullet(label: String)
    /// "Chương II", "Phần I", "Mục 2", "Điều 5." — headings of legal texts, with their level.
    case named(label: String, level: Int)

    var label: String {
        switch self {
        case .roman(let l), .arabic(let l, _), .numberLetter(let l), .letter(let l), .bullet(let l), .named(let l, _): l
        }
    }

    /// Bullet symbols, including the private-use code points Word's Symbol/Wingdings bullets come out as.
    static let bullets: Set<Unicode.Scalar> = Set("-–—•+*·●○▪■◦►➢§\u{F0B7}\u{F0A7}\u{F0D8}\u{F0FC}".unicodeScalars)

    /// Parses the marker at the start of `s` (the first scalars of a trimmed line).
    static func parse(_ s: [Unicode.Scalar]) -> Marker? {
        guard let first = s.first else { return nil }
        let n = s.count
        @inline(__always) func at(_ i: Int) -> Unicode.Scalar? { i < n ? s[i] : nil }
        @inline(__always) func isSpace(_ c: Unicode.Scalar?) -> Bool { c == nil || c == " " || c == "\t" }
        @inline(__always) func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { $0.value >= 0x30 && $0.value <= 0x39 } ?? false }
        @inline(__always) func isLetter(_ c: Unicode.Scalar?) -> Bool { c?.properties.isAlphabetic ?? false }
        func text(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(s[r])) }

        // Bullets: the symbol, then a space or a letter ("-Sự tham gia"), never a digit ("-5").
        if bullets.contains(first) {
            let next = at(1)
            if first == "*" && next == "*" { return nil }  // **bold**
            if isSpace(next) && next != nil || isLetter(next) { return .bullet(label: String(first)) }
            return nil
        }

        // Legal headings: Chương / Phần / Mục / Điều + number.
        if let named = parseNamed(s) { return named }

        // Roman numerals: "IV." or "IV)" then a space.
        var i = 0
        while let c = at(i), "IVXLC".unicodeScalars.contains(c) { i += 1 }
        if i > 0, let p = at(i), p == "." || p == ")", isSpace(at(i + 1)), romanValue(text(0..<i)) != nil {
            return .roman(label: text(0..<(i + 1)))
        }

        // Arabic: 1-3 digits, then (.1-2 digits)*, then "." / ")" / a letter / a space.
        guard isDigit(first) else {
            // A single lowercase letter: "a)", "b.", "đ)" then a space.
            if first.properties.isLowercase, isLetter(first), let p = at(1), p == ")" || p == ".", isSpace(at(2)) {
                return .letter(label: text(0..<2))
            }
            return nil
        }
        i = 0
        while isDigit(at(i)) { i += 1 }
        guard i <= 3 else { return nil }
        var depth = 1
        while at(i) == ".", isDigit(at(i + 1)) {
            var j = i + 1
            while isDigit(at(j)) { j += 1 }
            guard j - (i + 1) <= 2 else { return nil }  // 1.766.925 is a number, not a label
            depth += 1
            i = j
        }
        if let c = at(i), c.properties.isLowercase, isLetter(c), depth == 1 {
            // "2a," "2a)" "2a." "2a " — the letter must end the token.
            let p = at(i + 1)
            if isSpace(p) { return .numberLetter(label: text(0..<(i + 1))) }
            if let p, p == ")" || p == "." { guard isSpace(at(i + 2)) else { return nil }; return .numberLetter(label: text(0..<(i + 2))) }
            if let p, p == "," || p == ":" { guard isSpace(at(i + 2)) || isLetter(at(i + 2)) else { return nil }; return .numberLetter(label: text(0..<(i + 1))) }
            return nil
        }
        if let p = at(i), p == "." || p == ")" {
            guard isSpace(at(i + 1)) else { return nil }
            return .arabic(label: text(0..<(i + 1)), depth: depth)
        }
        if depth > 1 && isSpace(at(i)) && at(i) != nil {
            return .arabic(label: text(0..<i), depth: depth)
        }
        return nil
    }

    /// "Chương II", "CHƯƠNG 2", "Phần I", "Mục 1", "Điều 12." (the word, a space, a number).
    private static func parseNamed(_ s: [Unicode.Scalar]) -> Marker? {
        let words: [(folded: String, level: Int)] = [("chuong", 1), ("phan", 1), ("muc", 2), ("dieu", 3)]
        var i = 0
        while i < s.count, s[i].properties.isAlphabetic { i += 1 }
        guard i >= 3, i < s.count, s[i] == " " else { return nil }
        let word = String(String.UnicodeScalarView(s[0..<i]))
        guard let entry = words.first(where: { $0.folded == VietnameseTextFolding.fold(word) }) else { return nil }
        // The word must be capitalised as a heading writes it (Chương, CHƯƠNG), not "phần lớn".
        guard s[0].properties.isUppercase else { return nil }
        var j = i + 1
        let numberStart = j
        while j < s.count, s[j].properties.numericType != nil || "IVXLC".unicodeScalars.contains(s[j]) { j += 1 }
        guard j > numberStart else { return nil }
        let number = String(String.UnicodeScalarView(s[numberStart..<j]))
        guard number.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }) || romanValue(number) != nil else { return nil }
        if j < s.count, s[j] == "." || s[j] == ":" { j += 1 }
        guard j >= s.count || s[j] == " " else { return nil }
        var labelEnd = j
        if labelEnd > 0, s[labelEnd - 1] == ":" { labelEnd -= 1 }
        return .named(label: String(String.UnicodeScalarView(s[0..<labelEnd])), level: entry.level)
    }

    /// The value of a well-formed Roman numeral from 1 to 399, else nil.
    static func romanValue(_ text: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50, "C": 100]
        var total = 0
        let chars = Array(text)
        guard !chars.isEmpty else { return nil }
        for (k, c) in chars.enumerated() {
            guard let v = values[c] else { return nil }
            if k + 1 < chars.count, let next = values[chars[k + 1]], next > v { total -= v } else { total += v }
        }
        guard total > 0, total < 400, roman(total) == text else { return nil }
        return total
    }

    private static func roman(_ value: Int) -> String {
        let table: [(Int, String)] = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var v = value, out = ""
        for (n, s) in table { while v >= n { out += s; v -= n } }
        return out
    }
}

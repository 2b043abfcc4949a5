/// Where a written Vietnamese syllable puts its tone mark.
///
/// The two conventions differ only for the open syllables whose nucleus is "oa", "oe" or "uy"
/// (no final consonant): today's official documents and the official province names write
/// hòa, khỏe, thủy, Thanh Hóa (`official`); the other convention writes hoà, khoẻ, thuỷ
/// (`mainVowel`). Everywhere else both agree.
public enum ToneStyle: String, Sendable, CaseIterable {
    case official
    case mainVowel = "main-vowel"
}

/// A parsed syllable: onset consonant, vowel nucleus (with glides) and final consonant, given
/// as index ranges into the letters it was parsed from.
struct Syllable {
    var nucleus: Range<Int>
    var codaLength: Int

    /// Parses letters as one Vietnamese syllable; nil when they are not one (a foreign word, an
    /// abbreviation, a word with digits).
    static func parse(_ letters: UnsafeBufferPointer<Letter>) -> Syllable? {
        parse(letters, tables)
    }

    /// The lookup tables, gathered so hot loops can hold them in a local.
    struct Tables: @unchecked Sendable {  // read-only memory, written once before publication
        var isInitialConsonant: UnsafePointer<Bool>
        var isFinalConsonant: UnsafePointer<Bool>
        var vowelIndex: UnsafePointer<UInt8>
        var validNuclei: UnsafePointer<Bool>
    }

    static let tables = Tables(isInitialConsonant: permanent(isInitialConsonant), isFinalConsonant: permanent(isFinalConsonant),
                               vowelIndex: permanent(vowelIndex), validNuclei: permanent(validNuclei))

    static func parse(_ letters: UnsafeBufferPointer<Letter>, _ t: Tables) -> Syllable? {
        let n = letters.count
        guard n > 0, n <= 7 else { return nil }
        @inline(__always) func key(_ i: Int) -> UInt8 { i < n ? letters[i].key : 0 }
        @inline(__always) func vowel(_ i: Int) -> Bool { i < n && letters[i].isVowel }

        // Onset: the longest consonant cluster; "gi" and "qu" count as consonants only when
        // a vowel follows (gì = g + ì, but giữa = gi + ữa; qu is never alone).
        var i = 0
        let a = key(0), b = key(1), c = key(2)
        let g = UInt8(ascii: "g"), h = UInt8(ascii: "h"), k = UInt8(ascii: "k"), nn = UInt8(ascii: "n")
        let ascii = { (s: Unicode.Scalar) in UInt8(s.value) }
        if a == nn && b == g && c == h {
            i = 3
        } else if a == g && b == ascii("i") && vowel(2) {
            i = 2
        } else if a == ascii("q") {
            guard b == ascii("u"), vowel(2) else { return nil }
            i = 2
        } else if (a == nn && (b == g || b == h)) || (a == ascii("c") && b == h) || (a == g && b == h)
                    || (a == k && b == h) || (a == ascii("p") && b == h) || (a == ascii("t") && (b == h || b == ascii("r"))) {
            i = 2
        } else if !vowel(0) {
            guard t.isInitialConsonant[Int(a)] else { return nil }
            i = 1
        }

        let start = i
        while i < n && letters[i].isVowel { i += 1 }
        guard i > start, i - start <= 3 else { return nil }
        var nucleusCode = 0
        for j in start..<i { nucleusCode = nucleusCode &* 13 &+ Int(t.vowelIndex[Int(letters[j].key)]) }
        guard t.validNuclei[nucleusCode] else { return nil }

        // Coda: c, ch, m, n, ng, nh, p, t, or nothing.
        let codaLength = n - i
        switch codaLength {
        case 0: break
        case 1:
            guard t.isFinalConsonant[Int(key(i))] else { return nil }
        case 2:
            let x = key(i), y = key(i + 1)
            guard (x == ascii("c") && y == h) || (x == nn && (y == g || y == h)) else { return nil }
        default:
            return nil
        }
        return Syllable(nucleus: start..<i, codaLength: codaLength)
    }

    /// Index (into the parsed letters) of the vowel that carries the tone under `style`.
    func toneIndex(_ letters: UnsafeBufferPointer<Letter>, style: ToneStyle) -> Int {
        var lastQuality = -1
        for j in nucleus where letters[j].hasQualityMark { lastQuality = j }
        if lastQuality >= 0 { return lastQuality }           // ươ -> ơ, uyê -> ê, ưa -> ư, uâ -> â
        if codaLength > 0 { return nucleus.upperBound - 1 }  // hoàng, toán, huỳnh
        switch nucleus.count {
        case 1: return nucleus.lowerBound
        case 3: return nucleus.lowerBound + 1                // oai, oay, uya, uyu, oeo
        default:
            let first = letters[nucleus.lowerBound].key, second = letters[nucleus.lowerBound + 1].key
            let o = UInt8(ascii: "o"), u = UInt8(ascii: "u")
            let shifting = (first == o && (second == UInt8(ascii: "a") || second == UInt8(ascii: "e")))
                || (first == u && second == UInt8(ascii: "y"))
            if shifting && style == .mainVowel { return nucleus.lowerBound + 1 }
            return nucleus.lowerBound                        // hòa/khỏe/thủy; mái, múa, mía, núi
        }
    }

    private static let isInitialConsonant: [Bool] = {
        var t = [Bool](repeating: false, count: 128)
        for c in "bcdghklmnprstvx".utf8 { t[Int(c)] = true }
        t[Int(Letters.đ)] = true
        return t
    }()

    private static let isFinalConsonant: [Bool] = {
        var t = [Bool](repeating: false, count: 128)
        for c in "cmnpt".utf8 { t[Int(c)] = true }
        return t
    }()

    /// Vowel key -> 1...12 (0 for anything else), so a nucleus of up to three vowels is a
    /// number below 13³ and validity is one table lookup.
    private static let vowelIndex: [UInt8] = {
        var t = [UInt8](repeating: 0, count: 128)
        for (k, v) in Letters.vowels.enumerated() { t[Int(v.key)] = UInt8(k + 1) }
        return t
    }()

    /// Vowel nuclei of Vietnamese syllables, glides included, as written after the onset.
    private static let validNuclei: [Bool] = {
        let a = UInt8(ascii: "a"), e = UInt8(ascii: "e"), i = UInt8(ascii: "i"), o = UInt8(ascii: "o")
        let u = UInt8(ascii: "u"), y = UInt8(ascii: "y")
        let ă = Letters.ă, â = Letters.â, ê = Letters.ê, ô = Letters.ô, ơ = Letters.ơ, ư = Letters.ư
        let nuclei: [[UInt8]] = [
            [a], [ă], [â], [e], [ê], [i], [o], [ô], [ơ], [u], [ư], [y],
            [a, i], [a, o], [a, u], [a, y], [â, u], [â, y], [e, o], [ê, u], [i, a], [i, u], [i, ê],
            [o, a], [o, ă], [o, e], [o, i], [ô, i], [ơ, i], [o, o], [u, a], [u, â], [u, ê], [u, i],
            [u, ô], [u, y], [u, ơ], [ư, a], [ư, i], [ư, u], [ư, ơ], [y, ê], [u, e], [ô, ô],
            [i, ê, u], [y, ê, u], [o, a, i], [o, a, y], [o, e, o], [u, ô, i], [ư, ơ, i], [ư, ơ, u],
            [u, y, a], [u, y, ê], [u, â, y], [u, y, u], [o, a, o], [u, e, o], [u, a, y], [u, a, i], [u, a, o],
        ]
        var table = [Bool](repeating: false, count: 13 * 13 * 13)
        for n in nuclei { table[n.reduce(0) { $0 * 13 + Int(vowelIndex[Int($1)]) }] = true }
        return table
    }()
}

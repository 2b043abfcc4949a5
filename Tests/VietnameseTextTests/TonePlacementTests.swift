import Foundation
import Testing
@testable import VietnameseText

/// Builds a written syllable: onset + nucleus (tone mark on the vowel at `toneAt`) + coda.
func syllable(_ onset: String, _ nucleus: String, _ coda: String, tone: Tone, toneAt: Int) -> String {
    var out = onset
    for (i, c) in nucleus.enumerated() {
        out.append(c)
        if i == toneAt, let mark = tone.combiningMark { out.unicodeScalars.append(mark) }
    }
    out += coda
    return out.precomposedStringWithCanonicalMapping
}

enum Casing: CaseIterable { case lower, title, upper }
func cased(_ s: String, _ c: Casing) -> String {
    switch c {
    case .lower: s
    case .title: s.prefix(1).uppercased() + s.dropFirst()
    case .upper: s.uppercased()
    }
}

/// Where the tone goes, per nucleus, as the spec states it:
/// (nucleus, index in an open syllable under `official`, under `main-vowel`, index with a final consonant or nil when the nucleus takes none).
let nucleusTable: [(String, Int, Int, Int?)] = [
    ("a", 0, 0, 0), ("ă", 0, 0, 0), ("â", 0, 0, 0), ("e", 0, 0, 0), ("ê", 0, 0, 0), ("i", 0, 0, 0),
    ("o", 0, 0, 0), ("ô", 0, 0, 0), ("ơ", 0, 0, 0), ("u", 0, 0, 0), ("ư", 0, 0, 0), ("y", 0, 0, nil),
    // The three nuclei where the conventions differ (open syllables only).
    ("oa", 0, 1, 1), ("oe", 0, 1, 1), ("uy", 0, 1, 1),
    // Glides after the vowel: tone on the first.
    ("ai", 0, 0, nil), ("ao", 0, 0, nil), ("au", 0, 0, nil), ("ay", 0, 0, nil), ("âu", 0, 0, nil), ("ây", 0, 0, nil),
    ("eo", 0, 0, nil), ("êu", 0, 0, nil), ("iu", 0, 0, nil), ("oi", 0, 0, nil), ("ôi", 0, 0, nil), ("ơi", 0, 0, nil),
    ("ui", 0, 0, nil), ("ưi", 0, 0, nil), ("ưu", 0, 0, nil), ("ia", 0, 0, nil), ("ua", 0, 0, nil), ("ưa", 0, 0, nil),
    // A vowel with a quality mark takes the tone.
    ("iê", 1, 1, 1), ("yê", 1, 1, 1), ("uô", 1, 1, 1), ("ươ", 1, 1, 1), ("uâ", 1, 1, 1), ("uê", 1, 1, nil), ("oă", 1, 1, 1), ("uơ", 1, 1, nil),
    // Triphthongs: the middle vowel (or the one with a quality mark).
    ("oai", 1, 1, nil), ("oay", 1, 1, nil), ("uya", 1, 1, nil), ("uyu", 1, 1, nil), ("oeo", 1, 1, nil),
    ("iêu", 1, 1, nil), ("yêu", 1, 1, nil), ("uôi", 1, 1, nil), ("ươi", 1, 1, nil), ("ươu", 1, 1, nil), ("uyê", 2, 2, 2), ("uây", 1, 1, nil),
]

let tones: [Tone] = [.grave, .acute, .hook, .tilde, .dot]

struct Case: CustomTestStringConvertible, Sendable {
    var input: String
    var style: ToneStyle
    var expected: String
    var testDescription: String { "\(input) -> \(expected) (\(style.rawValue))" }
}

/// Every nucleus × tone × case × onset × coda, with the tone written at every vowel of the
/// nucleus, and the form each style must produce.
let generatedCases: [Case] = {
    var cases: [Case] = []
    for (nucleus, official, mainVowel, closed) in nucleusTable {
        let onsets = nucleus.hasPrefix("i") || nucleus.hasPrefix("y") ? ["", "t", "ngh"] : ["", "t", "ng", "kh"]
        var shapes: [(coda: String, official: Int, main: Int)] = [("", official, mainVowel)]
        if let closed { shapes.append(("n", closed, closed)); shapes.append(("ng", closed, closed)) }
        for onset in onsets {
            for shape in shapes {
                for tone in tones {
                    for casing in Casing.allCases {
                        for written in 0..<nucleus.count {
                            let input = cased(syllable(onset, nucleus, shape.coda, tone: tone, toneAt: written), casing)
                            cases.append(Case(input: input, style: .official, expected: cased(syllable(onset, nucleus, shape.coda, tone: tone, toneAt: shape.official), casing)))
                            cases.append(Case(input: input, style: .mainVowel, expected: cased(syllable(onset, nucleus, shape.coda, tone: tone, toneAt: shape.main), casing)))
                        }
                    }
                }
            }
        }
    }
    return cases
}()

@Suite("Tone-mark placement")
struct TonePlacementTests {
    @Test("Generated table: every nucleus, tone, case, onset and coda in both directions")
    func generated() {
        #expect(generatedCases.count > 5000)
        var failures: [String] = []
        for c in generatedCases {
            let got = TonePlacement.apply(c.input, style: c.style)
            if got != c.expected { failures.append("\(c.testDescription): got \(got)") }
            // Idempotent: a second pass changes nothing.
            let again = TonePlacement.apply(got, style: c.style)
            if again != got { failures.append("not idempotent: \(got) -> \(again)") }
        }
        #expect(failures.count == 0, "\(failures.count) failures, first: \(failures.prefix(10))")
    }

    @Test("The examples of the spec", arguments: [
        ("hoà", "hòa", "hoà"), ("khoẻ", "khỏe", "khoẻ"), ("thuỷ", "thủy", "thuỷ"), ("uỷ", "ủy", "uỷ"),
        ("Hoá", "Hóa", "Hoá"), ("KHOẺ", "KHỎE", "KHOẺ"), ("Thanh Hoá", "Thanh Hóa", "Thanh Hoá"),
        ("Hoà Bình", "Hòa Bình", "Hoà Bình"), ("hòa", "hòa", "hoà"), ("Thuỵ Khuê", "Thụy Khuê", "Thuỵ Khuê"),
    ])
    func examples(input: String, official: String, mainVowel: String) {
        #expect(TonePlacement.apply(input, style: .official) == official)
        #expect(TonePlacement.apply(input, style: .mainVowel) == mainVowel)
    }

    @Test("qu and gi are consonants before a vowel", arguments: [
        "quý", "quả", "quỳnh", "quyết", "quốc", "giữa", "giả", "già", "giường", "giếng", "gìn", "gì", "Quý", "GIỮA",
    ])
    func quGi(word: String) {
        #expect(TonePlacement.apply(word, style: .official) == word)
        #expect(TonePlacement.apply(word, style: .mainVowel) == word)
    }

    @Test("Words that are not Vietnamese syllables are left alone", arguments: [
        "café", "José", "Hernández", "tạị", "hoà2", "xoà-", "Ñoà", "hoàf", "Zoë", "naïve", "oà oà", "HPG", "WHO",
    ])
    func foreign(word: String) {
        let expected: String = word == "xoà-" ? "xòa-" : word == "oà oà" ? "òa òa" : word
        #expect(TonePlacement.apply(word, style: .official) == expected)
    }

    @Test("Punctuation and spacing around words are kept byte for byte")
    func surroundings() {
        let text = "«Hoà bình», (thuỷ lợi); KHOẺ-mạnh… 2024: uỷ ban\n\ttoà án"
        #expect(TonePlacement.apply(text, style: .official) == "«Hòa bình», (thủy lợi); KHỎE-mạnh… 2024: ủy ban\n\ttòa án")
    }
}

@Suite("Letter tables")
struct LetterTableTests {
    @Test("Every vowel in every tone and case, and đ, decodes to its letter and back")
    func allLetters() {
        var seen = Set<UInt32>()
        for v in Letters.vowels {
            for tone in Tone.allCases {
                for upper in [false, true] {
                    let letter = Letter(key: v.key, tone: tone, upper: upper)
                    let scalar = Letters.scalar(letter)
                    #expect(scalar > 0x7F || tone == .level)
                    if scalar > 0x7F { #expect(Letters.letter(scalar) == letter, "U+\(String(scalar, radix: 16))") }
                    seen.insert(scalar)
                }
            }
        }
        #expect(seen.count == 144)  // 12 vowels × 6 tones × 2 cases, all distinct
        #expect(Letters.letter(0x0111) == Letter(key: Letters.đ, tone: .level, upper: false))
        #expect(Letters.letter(0x0110) == Letter(key: Letters.đ, tone: .level, upper: true))
        #expect(Letters.scalar(Letter(key: Letters.â, tone: .dot, upper: false)) == 0x1EAD)  // ậ
    }
}

import VietnameseText

/// The letters of the Vietnamese alphabet as Unicode builds them (via ICU's NFC), for encoding
/// and for the tests: the twelve vowels with each of the six tones, and đ, in both cases.
enum VietnameseLetters {
    /// The five tone marks, as combining scalars.
    static let toneMarks: [UInt32] = [0x0300, 0x0301, 0x0303, 0x0309, 0x0323]

    /// Lowercase vowel letters (base + quality mark) as scalar sequences before composition.
    static let vowelBases: [[UInt32]] = [
        [0x61], [0x61, 0x0306], [0x61, 0x0302], [0x65], [0x65, 0x0302], [0x69],
        [0x6F], [0x6F, 0x0302], [0x6F, 0x031B], [0x75], [0x75, 0x031B], [0x79],
    ]

    /// Every precomposed vowel letter (144: 12 vowels x 6 tones x 2 cases) plus đ and Đ.
    static let all: [UInt32] = {
        var out: [UInt32] = []
        for upper in [false, true] {
            for base in vowelBases {
                for tone in [nil] + toneMarks.map(Optional.some) {
                    var scalars = base
                    if upper { scalars[0] -= 0x20 }
                    if let tone { scalars.append(tone) }
                    if let letter = compose(scalars) { out.append(letter) }
                }
            }
        }
        out.append(0x0111)
        out.append(0x0110)
        return out
    }()

    /// Toned letter -> (letter without tone, combining tone mark), e.g. ấ -> (â, U+0301).
    static let toneSplit: [UInt32: (base: UInt32, tone: UInt32)] = {
        var out: [UInt32: (base: UInt32, tone: UInt32)] = [:]
        for upper in [false, true] {
            for base in vowelBases {
                var scalars = base
                if upper { scalars[0] -= 0x20 }
                guard let plain = compose(scalars) else { continue }
                for tone in toneMarks {
                    if let toned = compose(scalars + [tone]) { out[toned] = (plain, tone) }
                }
            }
        }
        return out
    }()

    /// The single scalar NFC makes of `scalars`, or nil.
    static func compose(_ scalars: [UInt32]) -> UInt32? {
        var text = String.UnicodeScalarView()
        for value in scalars {
            guard let scalar = Unicode.Scalar(value) else { return nil }
            text.append(scalar)
        }
        let composed = ICU.nfc(String(text)).unicodeScalars
        guard composed.count == 1, let first = composed.first else { return nil }
        return first.value
    }
}

import Testing
@testable import LegacyText

/// The fast repair (`Repairer`: bytes decoded once per line, scored piece by piece through a
/// cache, no copies) gives what the repair as first written gives (`Reference`), byte for byte,
/// on real documents and on lines made awkward on purpose.
@Suite("Fast repair matches the reference")
struct FastRepairTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct Mix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Characters that stress the repair: C1 controls, suspicious Latin-1 and Windows-1252
    /// characters, letters only Unicode writes, combining marks (U+0338 composes with `<`),
    /// Greek read like marks, Latin Extended Additional, a 4-byte scalar, the C0 codes VISCII
    /// and VPS use for letters, digits and separators.
    static let palette: [Unicode.Scalar] = {
        let values: [UInt32] = [
            0x80, 0x81, 0x8D, 0x9F, 0xA0, 0xA1, 0xA7, 0xAE, 0xB5, 0xB8, 0xBA, 0xC0, 0xC3, 0xD1, 0xD7, 0xDF, 0xE0, 0xE8, 0xF6,
            0xF7, 0xF8, 0xFF, 0x102, 0x103, 0x110, 0x111, 0x128, 0x152, 0x153, 0x160, 0x161, 0x178, 0x17D, 0x17F, 0x192,
            0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x1B1, 0x250, 0x27F, 0x2C6, 0x2DC, 0x300, 0x301, 0x303, 0x309, 0x323, 0x338, 0x340,
            0x36F, 0x370, 0x37F, 0x1E00, 0x1E9E, 0x1EA0, 0x1EA1, 0x1EBF, 0x1EF9, 0x1EFA, 0x2013, 0x2018, 0x201C, 0x2020,
            0x2021, 0x2026, 0x2030, 0x2039, 0x203A, 0x20AC, 0x2122, 0xFFFD, 0x1F600, 0x130, 0x131, 0x01, 0x02, 0x05, 0x06,
            0x09, 0x0D, 0x11, 0x14, 0x19, 0x1E, 0x20, 0x20, 0x2D, 0x2F, 0x3C, 0x3D, 0x31, 0x39,
        ]
        return values.compactMap(Unicode.Scalar.init) + "aAbBcCdDeEgGhHiInNoOuUyYtTqQ".unicodeScalars
    }()

    static func mutate(_ line: String, _ g: inout Mix) -> String {
        var scalars = Array(line.unicodeScalars)
        for _ in 0..<Int.random(in: 0...4, using: &g) {
            let pick = palette.randomElement(using: &g) ?? "a"
            switch Int.random(in: 0..<6, using: &g) {
            case 0, 1: scalars.insert(pick, at: Int.random(in: 0...scalars.count, using: &g))
            case 2: if !scalars.isEmpty { scalars.remove(at: Int.random(in: 0..<scalars.count, using: &g)) }
            case 3: scalars = Array(String(String.UnicodeScalarView(scalars)).uppercased().unicodeScalars)
            case 4: if !scalars.isEmpty { scalars[Int.random(in: 0..<scalars.count, using: &g)] = pick }
            default:
                scalars.insert(" ", at: Int.random(in: 0...scalars.count, using: &g))
                scalars.insert(pick, at: Int.random(in: 0...scalars.count, using: &g))
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    static func expectSame(_ text: String, options: RepairOptions = RepairOptions(), _ comment: Comment) {
        let fast = LegacyRepair.repair(text, options: options)
        let reference = Reference.repair(text, options: options)
        #expect(fast == reference, comment)
    }

    /// Lines of the shared as-read and ground-truth files, else a few of our own.
    static func sourceLines() -> [String] {
        var lines: [String] = []
        for name in SharedCorpus.asReadNames() {
            lines += (SharedCorpus.asRead(name) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            lines += (SharedCorpus.groundTruth(name) ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        }
        if lines.isEmpty {
            lines = ["QUYÕT §ÞNH cña bé tr­ëng bé tµi chÝnh", "Uû ban nh©n d©n THµNH PHè cÇn th¬", "ngµy 31 th¸ng 3 n¨m 2003",
                     "Soá: 991/QÑ-UBND", "Ñoäc laäp – Töï do – Haïnh phuùc", "Veà vieäc ban haønh Quy ñònh kieåm tra lieân ngaønh",
                     "Căn cứ Nghị định số 86/2002/NĐ-CP", "Hà Nội, ngày 5 tháng 3 năm 2024", ""]
        }
        return lines
    }

    @Test("Every shared as-read document, alone and all together (large enough for the caches)")
    func realDocuments() {
        var all = ""
        for name in SharedCorpus.asReadNames() {
            guard let text = SharedCorpus.asRead(name) else { continue }
            Self.expectSame(text, "\(name)")
            all += text + "\n"
        }
        guard !all.isEmpty else { return }  // shared/ not here
        Self.expectSame(all, "all as-read documents")
        Self.expectSame(all, options: RepairOptions(candidates: [.vni, .windows1258, .tcvn3], inferCapitals: false), "other candidates")
    }

    @Test("Documents made of real lines, many of them mangled", arguments: 0..<4)
    func mangled(seed: Int) {
        var g = Mix(state: UInt64(seed) &* 7919 &+ 1)
        let lines = Self.sourceLines()
        let candidateSets: [[LegacyEncoding]] = [LegacyEncoding.byteEncodings, [.vni, .tcvn3], [.windows1258, .viscii, .vps],
                                                  [.tcvn3, .viqr, .tcvn3, .vni]]
        for document in 0..<60 {
            // Now and then a document past 64 KB, where the caches are on.
            let count = document % 20 == 19 ? 900 : Int.random(in: 1...40, using: &g)
            var start = Int.random(in: 0..<lines.count, using: &g)
            var chosen: [String] = []
            for _ in 0..<count {
                if Int.random(in: 0..<8, using: &g) == 0 { start = Int.random(in: 0..<lines.count, using: &g) }
                let line = lines[start % lines.count]
                start += 1
                chosen.append(Int.random(in: 0..<3, using: &g) == 0 ? Self.mutate(line, &g) : line)
            }
            let text = chosen.joined(separator: Int.random(in: 0..<10, using: &g) == 0 ? "\r\n" : "\n")
            let options = RepairOptions(candidates: candidateSets[Int.random(in: 0..<candidateSets.count, using: &g)],
                                        inferCapitals: Int.random(in: 0..<4, using: &g) != 0)
            Self.expectSame(text, options: options, "seed \(seed), document \(document)")
        }
    }

    @Test("Line scores match the reference, line by line")
    func lineScores() {
        var g = Mix(state: 42)
        for line in Self.sourceLines().prefix(3000) {
            let mangled = Self.mutate(line, &g)
            for text in [line, mangled] {
                var copy = text
                copy.withUTF8 { bytes in
                    #expect(Scoring.measureAsRead(bytes) == Reference.measureAsRead(bytes), "\(text)")
                }
            }
        }
    }

    @Test("The tables of the hot loops agree with the definitions")
    func tables() {
        for v in UInt32(0)..<0x2200 {
            #expect(AsRead.isSuspicious(v) == Reference.isSuspicious(v), "U+\(String(v, radix: 16))")
        }
        let flags = LetterFlags.shared
        let classes = ScalarClasses.shared
        for v in Array(UInt32(0x80)..<0x800) + Array(UInt32(0x1E00)...0x1EFF) + [0x2020, 0x2122, 0x20AC, 0xFFFD] {
            let f = flags.of(v)
            #expect((f & LetterFlags.letter != 0) == CapitalInference.isLetter(v))
            #expect((f & LetterFlags.capital != 0) == (UTF8Writer.lower(v) != v))
            #expect((f & LetterFlags.small != 0) == (UTF8Writer.upper(v) != v))
            let c = classes.of(v)
            #expect((c & ScalarClasses.suspicious != 0) == AsRead.isSuspicious(v))
            #expect((c & ScalarClasses.runLetter != 0) == (AsRead.isSuspicious(v) || CapitalInference.isLetter(v)))
            let l = LineClasses.shared.of(v)
            #expect((l & LineClasses.decodable != 0) == (AsRead.byte(v) >= 0))
            #expect((l & LineClasses.unicodeVietnamese != 0) == AsRead.isUnicodeVietnamese(v))
        }
        #expect(flags.capitalsKeepLength)
        #expect(Repairer.readsAsWindows1252)
    }

    @Test("Capitals inferred in place, and while decoding, as on arrays")
    func capitals() {
        let table = CodeTables.tcvn3
        #expect(table.packed.infersCapitalsInline)
        var g = Mix(state: 7)
        for line in Self.sourceLines().prefix(2000) {
            let bytes = Array(Self.mutate(line, &g).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
            var expected = LegacyDecoder.decodeUTF8(bytes, as: .tcvn3)
            Reference.inferCapitals(&expected)
            var inPlace = LegacyDecoder.decodeUTF8(bytes, as: .tcvn3)
            inPlace.withUnsafeMutableBufferPointer { p in
                if let base = p.baseAddress { CapitalInference.applyInPlace(base, count: p.count, flags: LetterFlags.shared) }
            }
            #expect(inPlace == expected)
            let inline = [UInt8](unsafeUninitializedCapacity: 4 * bytes.count + PackedTable.slack) { out, count in
                count = bytes.withUnsafeBufferPointer { input in
                    guard let source = input.baseAddress, let target = out.baseAddress else { return 0 }
                    return table.packed.decodeInferringCapitals(source, count: input.count, into: target)
                }
            }
            #expect(inline == expected)
        }
    }
}

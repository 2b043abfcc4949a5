import Foundation
import Testing
import _TestSupport

@Suite("vndoc normalize")
struct NormalizeTests {
    static let input = "Thanh Hoá, hoà bình, khoẻ, thuỷ, quý, giữa"
    static let official = "Thanh Hóa, hòa bình, khỏe, thủy, quý, giữa"
    static let mainVowel = "Thanh Hoá, hoà bình, khoẻ, thuỷ, quý, giữa"
    static let folded = "thanh hoa, hoa binh, khoe, thuy, quy, giua"

    struct Case: Sendable, CustomTestStringConvertible {
        var arguments: [String]
        var input: String
        var expected: String
        var testDescription: String { arguments.isEmpty ? "(defaults)" : arguments.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(arguments: [], input: input, expected: official + "\n"),
        Case(arguments: ["-"], input: input, expected: official + "\n"),
        Case(arguments: ["--tones", "official"], input: mainVowel, expected: official + "\n"),
        Case(arguments: ["--tones", "main-vowel"], input: official, expected: mainVowel + "\n"),
        Case(arguments: ["--tones", "keep"], input: "hoà hòa", expected: "hoà hòa\n"),
        Case(arguments: ["--fold"], input: input, expected: folded + "\n"),
        Case(arguments: ["--fold"], input: "ĐIỆN BIÊN, Đắk Lắk", expected: "dien bien, dak lak\n"),
        Case(arguments: [], input: "a  b\t c \n\n\n\nd  ", expected: "a b c\n\nd\n"),
        Case(arguments: ["--keep-whitespace"], input: "a  b\t c", expected: "a  b\t c\n"),
        Case(arguments: [], input: "", expected: ""),
    ]

    @Test("standard input", arguments: cases)
    func stdin(_ c: Case) async throws {
        let result = try await CLI.vndoc(["normalize"] + c.arguments, stdin: Array(c.input.utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdoutText == c.expected)
        #expect(result.stdout == Array(c.expected.utf8), "output is not NFC or differs in bytes")
    }

    @Test("NFD input gives exactly the bytes NFC input gives", arguments: [[], ["--tones", "main-vowel"], ["--fold"]])
    func decomposed(_ options: [String]) async throws {
        let nfd = Self.input.decomposedStringWithCanonicalMapping
        let nfc = Self.input.precomposedStringWithCanonicalMapping
        #expect(Array(nfd.utf8) != Array(nfc.utf8))
        let fromNFD = try await CLI.vndoc(["normalize"] + options, stdin: Array(nfd.utf8))
        let fromNFC = try await CLI.vndoc(["normalize"] + options, stdin: Array(nfc.utf8))
        #expect(fromNFD.status == 0, "stderr: \(fromNFD.stderr)")
        #expect(fromNFC.status == 0, "stderr: \(fromNFC.stderr)")
        #expect(fromNFD.stdout == fromNFC.stdout)
    }

    @Test("a file argument, in UTF-16 and Windows-1258 too")
    func fileArgument() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Self.input + "\n", to: "utf8.txt", in: dir)
            try write(Sample.utf16LE(Self.input + "\n"), to: "utf16.txt", in: dir)
            try write(try Windows1258.encode(Sample.peace), to: "cp1258.txt", in: dir)

            for name in ["utf8.txt", "utf16.txt"] {
                let result = try await CLI.vndoc(["normalize", name], in: dir)
                #expect(result.status == 0, "\(name): stderr: \(result.stderr)")
                #expect(result.stdoutText == Self.official + "\n", "\(name)")
            }
            let windows = try await CLI.vndoc(["normalize", "cp1258.txt"], in: dir)
            #expect(windows.status == 0, "stderr: \(windows.stderr)")
            #expect(windows.stdoutText == Sample.peace)
            #expect(windows.stderr.contains("Windows-1258"), "no warning on stderr: \(windows.stderr)")
        }
    }

    @Test("--keep-whitespace leaves a final line end as it is", arguments: ["a\n", "a\r\nb\r\n", "hoà\n\n"])
    func keepWhitespaceFinalLineEnd(_ input: String) async throws {
        let result = try await CLI.vndoc(["normalize", "--keep-whitespace", "--tones", "keep"], stdin: Array(input.utf8))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let expected = input.replacingOccurrences(of: "\r\n", with: "\n")
        #expect(result.stdoutText == expected)
    }

    @Test("a missing file exits 1 and names it")
    func missingFile() async throws {
        try await Paths.withTemporaryDirectory { dir in
            let result = try await CLI.vndoc(["normalize", "absent.txt"], in: dir)
            #expect(result.status == 1, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("absent.txt"), "stderr: \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test("undecodable input exits 1")
    func undecodable() async throws {
        let result = try await CLI.vndoc(["normalize"], stdin: Array("abc ".utf8) + [0x81, 0x8A] + Array(" def".utf8))
        #expect(result.status == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("<stdin>"), "stderr: \(result.stderr)")
    }

    @Test("a bad --tones value is a usage error")
    func badTones() async throws {
        let result = try await CLI.vndoc(["normalize", "--tones", "loud"], stdin: Array("hoà".utf8))
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("loud"), "stderr: \(result.stderr)")
    }
}

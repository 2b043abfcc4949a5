import DocumentModel
import Testing
@testable import LegacyText

/// Repair of legacy text read as Windows-1252, paragraph by paragraph.
@Suite("Repair of as-read legacy text")
struct RepairTests {
    @Test("TCVN3 read as Windows-1252 is repaired", arguments: [
        ("ngµy 31 th¸ng 3 n¨m 2003", "ngày 31 tháng 3 năm 2003"),
        ("C¨n cø NghÞ ®Þnh sè 86/2002/N§-CP ngµy 05/11/2002 cña ChÝnh phñ",
         "Căn cứ Nghị định số 86/2002/NĐ-CP ngày 05/11/2002 của Chính phủ"),
        ("bé tµi chÝnh          céng hoµ x· héi chñ nghÜa ViÖt nam",
         "bộ tài chính          cộng hoà xã hội chủ nghĩa Việt nam"),
    ])
    func tcvn3(_ asRead: String, _ expected: String) {
        let result = LegacyRepair.repair(asRead)
        #expect(result.text == expected)
        #expect(result.encoding == "windows-1252→tcvn3 repaired")
        #expect(result.encodings == [.tcvn3])
    }

    @Test("VNI read as Windows-1252 is repaired")
    func vni() {
        let asRead = "Soá: 991/QÑ-UBND\nÑoäc laäp – Töï do – Haïnh phuùc\nUÛY BAN NHAÂN DAÂN TÆNH CAØ MAU\nVeà vieäc ban haønh Quy ñònh kieåm tra lieân ngaønh"
        let result = LegacyRepair.repair(asRead)
        #expect(result.text == "Số: 991/QĐ-UBND\nĐộc lập – Tự do – Hạnh phúc\nỦY BAN NHÂN DÂN TỈNH CÀ MAU\nVề việc ban hành Quy định kiểm tra liên ngành")
        #expect(result.encoding == "windows-1252→vni repaired")
        #expect(result.repairedParagraphs == 4)
        #expect(result.paragraphs == 4)
    }

    @Test("Headings typed under an all-capital TCVN3 font come back in capitals")
    func capitals() {
        let asRead = "QUYÕT §ÞNH cña bé tr­ëng bé tµi chÝnh\nUû ban nh©n d©n THµNH PHè cÇn th¬"
        let result = LegacyRepair.repair(asRead)
        #expect(result.text == "QUYẾT ĐỊNH của bộ trưởng bộ tài chính\nUỷ ban nhân dân THÀNH PHỐ cần thơ")
        let literal = LegacyRepair.repair(asRead, options: RepairOptions(inferCapitals: false))
        #expect(literal.text.hasPrefix("QUYếT ĐịNH"))
    }

    @Test("A Unicode letterhead stays, the TCVN3 body below it is repaired")
    func mixedFile() {
        guard let body = SharedCorpus.asRead("tcvn3__2004-0328NDCP") else { return }  // shared/ not here
        let letterhead = "BỘ Y TẾ\nCỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 123/QĐ-BYT\nHà Nội, ngày 5 tháng 3 năm 2024\n"
        let alone = LegacyRepair.repair(body)
        let together = LegacyRepair.repair(letterhead + body)
        #expect(together.text == letterhead + alone.text)
        #expect(together.repairedParagraphs == alone.repairedParagraphs)
        #expect(together.encoding == "windows-1252→tcvn3 repaired")
        #expect(together.paragraphs == alone.paragraphs + 5)
    }

    @Test("Paragraphs from two legacy encodings: mixed")
    func twoEncodings() {
        guard let tcvn3 = SharedCorpus.asRead("tcvn3__2004-B6"), let vni = SharedCorpus.asRead("vni__2009-download") else { return }
        let result = LegacyRepair.repair(tcvn3 + "\n" + vni)
        #expect(result.encoding == "mixed")
        #expect(Set(result.encodings) == [.tcvn3, .vni])
        #expect(result.text.contains("Độc lập"))
    }

    @Test("C1 controls from Latin-1 readers count as bytes; U+FFFD passes through")
    func c1AndReplacement() {
        let asRead = "C¸c c¬ quan thùc hiÖn c¬ chÕ \u{93}mét cöa\u{94} t¹i \u{FFFD} ®Þa ph­¬ng"
        let result = LegacyRepair.repair(asRead)
        #expect(result.text == "Các cơ quan thực hiện cơ chế “một cửa” tại \u{FFFD} địa phương")
    }

    @Test("CRLF line ends are kept")
    func crlf() {
        let result = LegacyRepair.repair("ngµy 31 th¸ng 3 n¨m 2003\r\nC¨n cø NghÞ ®Þnh sè 86\r\n")
        #expect(result.text == "ngày 31 tháng 3 năm 2003\r\nCăn cứ Nghị định số 86\r\n")
    }

    @Test("Little evidence is flagged; nothing repaired means no warning")
    func confidence() throws {
        let short = LegacyRepair.repair("ngµy th¸ng n¨m")
        #expect(short.changed)
        #expect(short.lowConfidence)
        let warning = try #require(short.warning(stage: "repair"))
        #expect(warning.code == "legacy-text-repaired-low-confidence")
        #expect(warning.stage == "repair")

        let document = SharedCorpus.asRead("tcvn3__2004-NghiDinh29_1998")
            ?? String(repeating: "C¨n cø NghÞ ®Þnh sè 86/2002/N§-CP ngµy 05/11/2002 cña ChÝnh phñ quy ®Þnh chøc n¨ng\n", count: 20)
        let long = LegacyRepair.repair(document)
        #expect(!long.lowConfidence)
        #expect(long.confidence > 0.9)
        #expect(long.warning(stage: "repair")?.code == "legacy-text-repaired")

        let unicode = LegacyRepair.repair("Hà Nội, ngày 31 tháng 3 năm 2003")
        #expect(unicode.warning(stage: "repair") == nil)
        #expect(unicode.confidence == 0)
    }

    @Test("The fast path: no suspicious character, nothing to repair")
    func fastPath() {
        #expect(!LegacyRepair.mayNeedRepair("Hà Nội, ngày 31 tháng 3 năm 2003 – “Bộ Y tế”"))
        #expect(!LegacyRepair.mayNeedRepair("Plain English text, with a café."))
        #expect(LegacyRepair.mayNeedRepair("naïve"))
        #expect(LegacyRepair.mayNeedRepair("ngµy"))
        #expect(LegacyRepair.repair("").text == "")
        #expect(LegacyRepair.repair("").paragraphs == 1)
    }
}

/// Real Unicode text written in each legacy encoding and read back as Windows-1252, then
/// repaired (synthetic: it measures self-consistency of the tables and the detector).
@Suite("Repair of every encoding read as Windows-1252")
struct SyntheticAsReadTests {
    static func asRead(_ bytes: [UInt8]) -> String {
        let table = CodeTables.windows1252
        var scalars = String.UnicodeScalarView()
        for b in bytes {
            let value = table.defined[Int(b)] ? table.single[Int(b)] : UInt32(b)
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return String(scalars)
    }

    @Test("Repaired to the original text", arguments: LegacyEncoding.byteEncodings)
    func repaired(_ encoding: LegacyEncoding) throws {
        let truth = SharedCorpus.groundTruth("tcvn3__2005-QDSUA522") ?? LegacyDetectTests.sample
        let text = encoding == .tcvn3 ? truth.lowercased() : truth
        let bytes = try #require(LegacyDecoder.encode(text, as: encoding))
        let result = LegacyRepair.repair(Self.asRead(bytes))
        #expect(result.encodings.first == encoding)
        let metric = try #require(DiacriticMetric.measure(output: result.text, truth: text))
        #expect(metric.diacriticAccuracy >= 0.99, "\(encoding): \(metric.diacriticAccuracy)")
    }
}

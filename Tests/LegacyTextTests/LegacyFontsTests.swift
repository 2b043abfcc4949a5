import Foundation
import Testing
@testable import LegacyText

/// Legacy font names and the encodings of their text.
@Suite("Legacy fonts")
struct LegacyFontsTests {
    @Test("Known font names", arguments: [
        (".VnTime", LegacyEncoding.tcvn3, false),
        (".VnTimeH", .tcvn3, true),
        (".VnArial", .tcvn3, false),
        (".VnArialH", .tcvn3, true),
        (".VnArial NarrowH", .tcvn3, true),
        (".VnAvantH", .tcvn3, true),
        (".VnBook-Antiqua", .tcvn3, false),
        ("\".VnTime\";", .tcvn3, false),
        ("VnTime", .tcvn3, false),
        ("VK Sans Serif", .tcvn3, false),
        ("VNI-Times", .vni, false),
        ("VNI-Helve", .vni, false),
        ("VNI-Aptima", .vni, false),
        ("vni-times", .vni, false),
        ("VPS Times", .vps, false),
        ("VI Times H", .viscii, true),
    ])
    func known(_ font: String, _ encoding: LegacyEncoding, _ uppercase: Bool) throws {
        let found = try #require(LegacyFonts.encoding(forFont: font), "\(font)")
        #expect(found.encoding == encoding)
        #expect(found.uppercase == uppercase)
    }

    @Test("Unicode fonts are not legacy fonts", arguments: ["Times New Roman", "Arial", "Calibri", "", "VNI", ".Vn", "Verdana"])
    func unicodeFonts(_ font: String) {
        #expect(LegacyFonts.encoding(forFont: font) == nil)
    }
}

/// Runs set in a legacy font: decoded only when their characters prove legacy text.
@Suite("Legacy-font runs")
struct DecodeRunTests {
    @Test("Legacy text in a legacy font is decoded", arguments: [
        ("C¸c c¬ quan", ".VnTime", "Các cơ quan"),
        ("quyÕt ®Þnh", ".VnTimeH", "QUYẾT ĐỊNH"),
        ("QUYÕT §ÞNH", ".VnTimeH", "QUYẾT ĐỊNH"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "VNI-Times", "Độc lập - Tự do - Hạnh phúc"),
        ("Soá: 991/QÑ-UBND", "VNI-Times", "Số: 991/QĐ-UBND"),
        ("tr\u{AD}êng", ".VnTime", "trường"),
        ("N§-CP", ".VnTime", "NĐ-CP"),
    ])
    func decodes(_ text: String, _ font: String, _ expected: String) {
        #expect(LegacyRepair.decodeRun(text, font: font) == expected)
    }

    @Test("Unicode text in a legacy font stays", arguments: [
        ("Phụ lục III", ".VnTimeH"),
        ("Số: ..3../4- …5… ", ".VnTimeH"),
        (".......... 6 ......., ngày…… tháng ……năm…… ", ".VnTimeH"),
        ("Hà", ".VnTime"),
        ("ngày tháng", ".VnTimeH"),
        ("BỘ Y TẾ", "VNI-Times"),
        ("__________", ".VnTimeH"),
    ])
    func unicodeStays(_ text: String, _ font: String) {
        #expect(LegacyRepair.decodeRun(text, font: font) == nil)
    }

    @Test("A run in a font that is not legacy is never decoded")
    func notLegacyFont() {
        #expect(LegacyRepair.decodeRun("C¸c c¬ quan", font: "Times New Roman") == nil)
    }

    @Test("Decree 30/2020 Appendix III: Unicode paragraphs that name .VnTimeH stay unchanged")
    func decree30Appendix() {
        let url = SharedCorpus.real.appendingPathComponent("decree-30-2020/Phuluc3.docx")
        guard let paragraphs = DocxText.paragraphs(of: url) else { return }  // shared/ or unzip missing
        let marked = paragraphs.filter { $0.fonts.contains(".VnTimeH") }
        #expect(!marked.isEmpty)
        for paragraph in marked {
            #expect(LegacyRepair.decodeRun(paragraph.text, font: ".VnTimeH") == nil, "\(paragraph.text)")
        }
    }

    @Test("Synthetic VNI-Times documents decode to their expected text (self-consistency, not a headline)")
    func syntheticVNI() throws {
        let folder = SharedCorpus.legacy.appendingPathComponent("synthetic-vni-docx")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".docx") }.sorted()
        for name in names {
            guard let paragraphs = DocxText.paragraphs(of: folder.appendingPathComponent(name)),
                  let expected = SharedCorpus.text(folder.appendingPathComponent(name.replacingOccurrences(of: ".docx", with: ".txt"))) else { continue }
            let decoded = paragraphs.map { paragraph in
                paragraph.fonts.contains("VNI-Times") ? (LegacyRepair.decodeRun(paragraph.text, font: "VNI-Times") ?? paragraph.text) : paragraph.text
            }
            let metric = try #require(DiacriticMetric.measure(output: decoded.joined(separator: "\n"), truth: expected))
            print("[legacy] synthetic \(name): diacritic accuracy \(String(format: "%.4f", metric.diacriticAccuracy))")
            #expect(metric.diacriticAccuracy >= 0.99, "\(name)")
        }
    }
}

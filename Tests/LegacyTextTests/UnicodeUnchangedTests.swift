import Foundation
import Testing
import _TestSupport
@testable import LegacyText

/// Real Unicode text, Vietnamese or English, must come back from the repair unchanged.
@Suite("Unicode text is never repaired")
struct UnicodeUnchangedTests {
    /// Every file of the package's Corpus/, read as UTF-8 (bytes that are not UTF-8 become U+FFFD).
    static func corpusFiles() -> [URL] {
        let root = Paths.packageRoot().appendingPathComponent("Corpus").resolvingSymlinksInPath()
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        return walker.compactMap { $0 as? URL }.filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
            .sorted { $0.path < $1.path }
    }

    @Test("Corpus files come back unchanged")
    func corpus() throws {
        let files = Self.corpusFiles()
        #expect(!files.isEmpty, "Corpus/ not found")
        for url in files {
            let data = try Data(contentsOf: url)
            let text = String(decoding: data, as: UTF8.self)
            let result = LegacyRepair.repair(text)
            #expect(result.text == text, "\(url.lastPathComponent) was changed (\(result.encoding ?? "-"))")
            #expect(!result.changed, "\(url.lastPathComponent)")
        }
    }

    @Test("The Unicode ground truth of the legacy corpus comes back unchanged")
    func groundTruth() {
        let texts = SharedCorpus.textFiles(under: SharedCorpus.legacy.appendingPathComponent("ground-truth"))
        for (name, text) in texts {
            let result = LegacyRepair.repair(text)
            #expect(result.text == text, "\(name) was changed (\(result.encoding ?? "-"), \(result.repairedParagraphs) paragraphs)")
        }
    }

    @Test("The text of the health laws and of Decree 30/2020 comes back unchanged, NFC or not")
    func laws() {
        let folders = ["laws-docx", "decree-30-2020"].map { SharedCorpus.real.appendingPathComponent($0) }
        var checked = 0
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".docx") {
                guard let paragraphs = DocxText.paragraphs(of: folder.appendingPathComponent(name)) else { continue }
                let text = paragraphs.map(\.text).joined(separator: "\n")
                checked += 1
                let result = LegacyRepair.repair(text)
                #expect(result.text == text, "\(name) was changed (\(result.encoding ?? "-"), \(result.repairedParagraphs) paragraphs)")
            }
        }
        if FileManager.default.fileExists(atPath: folders[0].path) && FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") {
            #expect(checked >= 16, "only \(checked) Word files read")
        }
    }

    @Test("Short Unicode and English texts come back unchanged", arguments: [
        "Số: 28/2003/NĐ-CP",
        "Hà Nội, ngày 31 tháng 3 năm 2003",
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "hoà, khoẻ, thuỷ, toà án, hoá đơn",
        "Các bộ, cơ quan ngang bộ",
        "Nhiệt độ 25°C, độ ẩm 80 % ± 5 %",
        "Điều 5 § 2 và «Luật Dược»",
        "The café served crème brûlée and a naïve résumé, © 2003.",
        "Müller, Straße, Ærø, Señor, façade, Œuvre",
        "Price: 12 € — “quoted” ‘text’ … • item ™",
        "Nguyễn Thị Minh Khai · 0912 345 678 · ½ ngày",
    ])
    func short(_ text: String) {
        let result = LegacyRepair.repair(text)
        #expect(result.text == text)
        #expect(result.encoding == nil)
    }

    @Test("NFD Vietnamese (combining tone marks) comes back unchanged")
    func decomposed() {
        let text = "Luật Dược số 105/2016/QH13 quy định về chính sách của Nhà nước về dược § 1."
            .decomposedStringWithCanonicalMapping
        #expect(LegacyRepair.repair(text).text == text)
    }
}

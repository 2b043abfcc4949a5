import DocumentModel
import Foundation
import Testing
import VietnameseText
import _TestSupport
@testable import Entities

/// Helpers shared by DocumentRefTests and ContactTests.
enum RefContactHelpers {
    /// Runs `recognizers` over `marked` (markers removed) and returns the entities of `type` as
    /// (start, end, value) in scalar offsets, next to the spans the markers give: 1️⃣…2️⃣ is the first
    /// expected entity, 3️⃣…4️⃣ the second, and so on.
    static func markedSpans(_ marked: String, _ type: EntityType, _ recognizers: [any Recognizer]) -> (found: [String], expected: [Int]) {
        let (text, at) = Markers.parse(marked)
        let entities = EntityRecognizer(recognizers: recognizers, types: [type]).entities(in: text)
        let found = entities.map { e -> String in
            let value: String
            if case .string(let s) = e.value { value = s } else { value = "\(e.value)" }
            return "\(e.start)..<\(e.end) \(value)"
        }
        let expected = Markers.symbols.compactMap { at[$0] }
        return (found, expected)
    }

    /// "start..<end value" for each pair of markers and its expected value.
    static func expectedSpans(_ positions: [Int], _ values: [String]) -> [String] {
        guard positions.count == 2 * values.count else { return ["markers and values do not pair up: \(positions.count) markers, \(values.count) values"] }
        return values.enumerated().map { k, v in "\(positions[2 * k])..<\(positions[2 * k + 1]) \(v)" }
    }

    /// The entities found in every file of `Corpus/` (normalised first), one line each:
    /// "path type rule [text] value", files in path order. Only the UTF-8 text files: the
    /// legacy-encoded one is the read stage's business.
    static func corpusEntities(_ recognizers: [any Recognizer]) throws -> [String] {
        let root = Paths.packageRoot().appendingPathComponent("Corpus")
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: nil) else { return [] }
        var files: [String] = []
        for case let url as URL in walker where url.pathExtension == "txt" {
            files.append(String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1)))
        }
        var lines: [String] = []
        for file in files.sorted() {
            guard let raw = try? String(contentsOf: root.appendingPathComponent(file), encoding: .utf8) else { continue }
            let text = VietnameseNormalizer.normalize(raw)
            for e in EntityRecognizer(recognizers: recognizers).entities(in: text) {
                let value: String
                if case .string(let s) = e.value { value = s } else { value = "\(e.value)" }
                lines.append("\(file) \(e.type) \(e.rule ?? "-") [\(e.text)] \(value)")
            }
        }
        return lines
    }
}

@Suite("Document references")
struct DocumentRefTests {
    let recognizer = DocumentRefRecognizer()

    func check(_ marked: String, _ values: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let (found, positions) = RefContactHelpers.markedSpans(marked, .documentRef, [recognizer])
        #expect(found == RefContactHelpers.expectedSpans(positions, values), "\(marked)", sourceLocation: sourceLocation)
    }

    @Test("Number and symbol; the span never takes the type word or \"Số:\"", arguments: [
        ("Số: 1️⃣123 /KH-SYT2️⃣\n\nBắc Giang, ngày 10 tháng 10 năm 2022", ["123/KH-SYT"]),
        ("Triển khai Kế hoạch số 1️⃣481/KH-UBND2️⃣ ngày 25/8/2022 của UBND tỉnh", ["481/KH-UBND"]),
        ("Nghị quyết số 1️⃣99/2023/QH152️⃣ giám sát chuyên đề", ["99/2023/QH15"]),
        ("Quyết định 1️⃣1379/QĐ-BYT2️⃣ của Bộ Y tế", ["1379/QĐ-BYT"]),
        ("theo Thông tư số 1️⃣13/2023/TT-BYT2️⃣.", ["13/2023/TT-BYT"]),
        ("Nghị định 1️⃣28/2003/NĐ-CP2️⃣ của Chính phủ", ["28/2003/NĐ-CP"]),
        ("QUYẾT ĐỊNH\nSố: 1️⃣991/QĐ-UBND2️⃣\nVề việc", ["991/QĐ-UBND"]),
        ("SỐ: 1️⃣28 /2003/NĐ-CP2️⃣", ["28/2003/NĐ-CP"]),
        ("Căn cứ Nghị định số 1️⃣123/2003/NĐ-CP2️⃣;", ["123/2003/NĐ-CP"]),
        ("Chỉ thị 1️⃣05/CT-TTg2️⃣ của Thủ tướng Chính phủ", ["05/CT-TTg"]),
        ("Luật Bảo hiểm y tế số 1️⃣18/2008/QH122️⃣ ngày 14 tháng 11 năm 2008", ["18/2008/QH12"]),
        ("Công văn số 1️⃣1234/BYT-KH-TC2️⃣ ngày 5/3/2024", ["1234/BYT-KH-TC"]),
        ("Tờ trình số 1️⃣66/TTr-SNN2️⃣ ngày 29/4/2008", ["66/TTr-SNN"]),
        ("số 1️⃣12/2019/QyĐ-UBND2️⃣", ["12/2019/QyĐ-UBND"]),
        ("Thông tư liên tịch số 1️⃣14/2005/TTLT/BLĐTBXH-BYT2️⃣ ngày", ["14/2005/TTLT/BLĐTBXH-BYT"]),
        ("Quyết định số 1️⃣144/2002/QĐ/BTC2️⃣ ngày", ["144/2002/QĐ/BTC"]),
        ("Quyết định số 1️⃣1330/QĐ-CT.UB2️⃣ ngày 27/4/2004", ["1330/QĐ-CT.UB"]),
        ("Nghị quyết 1️⃣351/2017/UBTVQH142️⃣.", ["351/2017/UBTVQH14"]),
    ])
    func examples(marked: String, values: [String]) {
        check(marked, values)
    }

    @Test("Spaces around '/' and on one side of '-' are dropped from the value", arguments: [
        ("(Kèm theo Quyết định số 1️⃣15 / QĐ- BNV2️⃣ ngày)", ["15/QĐ-BNV"]),
        ("Thông tư số 1️⃣40/2000 /TT-BTC2️⃣ ngày 15/5/2000", ["40/2000/TT-BTC"]),
        ("Nghị định 1️⃣10/NĐ–CP2️⃣ ngày 16/01/2001", ["10/NĐ-CP"]),
        ("Số :1️⃣117 /2000/TT-BTC2️⃣", ["117/2000/TT-BTC"]),
        // " - " is a dash in prose, not part of the symbol
        ("Kế hoạch số 1️⃣481/KH-UBND2️⃣ - Sở Y tế", ["481/KH-UBND"]),
    ])
    func spacing(marked: String, values: [String]) {
        check(marked, values)
    }

    @Test("A lone group needs \"số\" or a document-type name; several refs on a line", arguments: [
        ("Công văn số 1️⃣12/BYT2️⃣ ngày", ["12/BYT"]),
        ("Chỉ thị 1️⃣814/TTg2️⃣ ngày 12/12/1995", ["814/TTg"]),
        ("Nghị định 1️⃣31/CP2️⃣ và các quy định khác", ["31/CP"]),
        ("Số: 1️⃣15/QĐ-BNV2️⃣; Số: 3️⃣05/BNV-VP4️⃣; Số: 5️⃣12/UBND-VX6️⃣", ["15/QĐ-BNV", "05/BNV-VP", "12/UBND-VX"]),
        ("Luật số: 1️⃣09/2012/QH132️⃣", ["09/2012/QH13"]),
        ("số 1️⃣481/KH-UBND2️⃣ và 3️⃣1379/QĐ-BYT4️⃣.", ["481/KH-UBND", "1379/QĐ-BYT"]),
        ("(1️⃣05/CT-TTg2️⃣)", ["05/CT-TTg"]),
    ])
    func context(marked: String, values: [String]) {
        check(marked, values)
    }

    @Test("Near misses: dates, fractions, slashes in prose, phones, money, paths", arguments: [
        "Cuộc họp HPG ngày 15/11/2016",
        "Thứ Năm, ngày 10/10/2024 09:09",
        "Dự kiến thời gian đào tạo trong 3 tháng/học viên",
        "- UBND tỉnh (b/c)",
        "tỷ lệ 1/2 số ca, trực 24/7",
        "moh.hpg@gmail.com/ 04-62732235",
        "tổng kinh phí 1.766.925.000 đồng",
        "giai đoạn 2021- 2025, 2023-2025",
        "lãnh đạo Vụ/Cục của Bộ Y tế; HIV/AIDS",
        "sau COVID-19/2020 và COVID-19/WHO",
        "12/BC và 5/HIV",  // a lone group with no "số" or type name
        "15/Sở Y tế, 10/2024/abc",
        "https://moh.gov.vn/123/QĐ-BYT",
        "Quyết định số 1234567/QĐ-BYT",  // seven digits is no document number
        "Số:      /QĐ-UBND",  // a blank number in a template
        "tháng 10/2024/",
        "Số 12/BC_2",
        "nhà số 12/A5 đường Trần Phú",  // an address: the first group has one capital
    ])
    func nearMisses(text: String) {
        let entities = EntityRecognizer(recognizers: [recognizer]).entities(in: text)
        #expect(entities.isEmpty, "\(text): \(entities.map(\.text))")
    }

    @Test("Rules: \"header\" for the Số: line, \"symbol\" elsewhere")
    func rules() {
        let text = "Số: 123 /KH-SYT\nTriển khai Kế hoạch số 481/KH-UBND ngày 25/8/2022"
        let entities = EntityRecognizer(recognizers: [recognizer]).entities(in: text)
        #expect(entities.map(\.rule) == ["header", "symbol"])
        #expect(entities.map(\.text) == ["123 /KH-SYT", "481/KH-UBND"])
    }

    @Test("Every document reference in the Corpus, and nothing else")
    func corpus() throws {
        let found = try RefContactHelpers.corpusEntities([recognizer])
        #expect(found == [
            "news/moh-leadership-news-2024-10.txt document-ref symbol [99/2023/QH15] 99/2023/QH15",
            "plans/bac-giang-123-kh-syt-2022.txt document-ref header [123 /KH-SYT] 123/KH-SYT",
            "plans/bac-giang-123-kh-syt-2022.txt document-ref symbol [481/KH-UBND] 481/KH-UBND",
            "plans/bac-giang-123-kh-syt-2022.txt document-ref symbol [481/KH-UBND] 481/KH-UBND",
            "plans/bac-giang-123-kh-syt-2022.txt document-ref symbol [481/KH-UBND] 481/KH-UBND",
            "plans/bac-giang-123-kh-syt-2022.txt document-ref symbol [481/KH-UBND] 481/KH-UBND",
        ])
    }
}

import Datasets
import Foundation
import GRDB
import Pipeline
import Testing
import _TestSupport

/// A whole run over the Corpus: every dataset written, the same rows in CSV and SQLite, re-runs
/// that update only changed documents, and the report seen by a real browser.
@Suite("Datasets of a run")
struct RunDatasetsTests {
    static let files = ["documents.csv", "entities.csv", "questionnaire_answers.csv", "news.csv", "twgs.csv", "vndoc.sqlite", "report.html"]

    @Test("The Corpus gives every dataset; CSV and SQLite hold the same rows")
    func corpus() async throws {
        let out = try DatasetTesting.temporaryDirectory()
        let summary = try await DatasetTesting.run([DatasetTesting.root.appendingPathComponent("Corpus").path], out: out, datasets: .excel)
        #expect(summary.documents == 12 && summary.failures.isEmpty)
        #expect(summary.database == [.added: 12])
        let listed = try DatasetTesting.list(out)
        for name in Self.files { #expect(listed.contains(name), "\(name)") }
        #expect(!listed.contains { $0.hasPrefix(".") }, "temporary files left: \(listed)")

        let queue = try DatabaseQueue(path: out + "/vndoc.sqlite")
        for table in DatasetTable.all {
            let bytes = try DatasetTesting.read(out + "/\(table.name).csv")
            #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "--excel puts a BOM first")
            let records = RFC4180.parse(Array(bytes.dropFirst(3)))
            #expect(records.first == table.columnNames)
            let rows = try await queue.read { db in try Row.fetchAll(db, sql: "SELECT * FROM \(table.name) ORDER BY rowid") }
            #expect(rows.count == records.count - 1, "\(table.name)")
            for (row, record) in zip(rows, records.dropFirst()) {
                let fields = Array(row.databaseValues).map { value -> String in
                    switch value.storage {
                    case .null: ""
                    case .int64(let n): String(n)
                    case .double(let x): x == x.rounded() ? String(Int(x)) : String(x)
                    case .string(let s): s
                    case .blob: "<blob>"
                    }
                }
                #expect(fields == record, "\(table.name)")
            }
        }
        let answers = try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT province, item, answer_no FROM questionnaire_answers WHERE document LIKE '%.txt' ORDER BY rowid")
        }
        #expect(answers.map { "\($0["province"] as String) \($0["item"] as String) \($0["answer_no"] as Int)" }
                == ["Cao Bằng 1 1", "Cao Bằng 2a 1", "Cao Bằng 2a 2", "Cao Bằng 2b 1", "Cao Bằng 2b 2", "Cao Bằng 2b 3"])
        let kinds = try await queue.read { db in try String.fetchAll(db, sql: "SELECT DISTINCT kind FROM documents ORDER BY kind") }
        #expect(kinds == ["decision", "news-listing", "plan", "programme-brief", "questionnaire", "twg-directory"])
    }

    @Test("A second run updates only the changed document; a failing one keeps its old rows and is listed in errors")
    func rerun() async throws {
        let corpus = try DatasetTesting.corpusCopy()
        let out = try DatasetTesting.temporaryDirectory()
        _ = try await DatasetTesting.run([corpus], out: out)
        let plan = corpus + "/plans/bac-giang-123-kh-syt-2022.txt"
        var text = try String(contentsOfFile: plan, encoding: .utf8)
        text = text.replacingOccurrences(of: "1.766.925.000", with: "2.000.000.000")
        try text.write(toFile: plan, atomically: true, encoding: .utf8)
        try Data("PK\u{3}\u{4}broken".utf8).write(to: URL(fileURLWithPath: corpus + "/twg/technical-working-groups-page.html"))

        let second = try await DatasetTesting.run([corpus], out: out)
        #expect(second.database == [.updated: 1, .unchanged: 10])
        #expect(second.failures.count == 1)
        let queue = try DatabaseQueue(path: out + "/vndoc.sqlite")
        let budgets = try await queue.read { db in
            try Row.fetchAll(db, sql: "SELECT document, budget_amount FROM documents WHERE kind = 'plan' ORDER BY document")
        }
        #expect(budgets.map { $0["budget_amount"] as Int } == [1_766_925_000, 1_766_925_000, 2_000_000_000])
        let twgRows = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM twgs WHERE document LIKE '%page.html'") }
        #expect(twgRows == 10)
        let errors = try await queue.read { db in try String.fetchAll(db, sql: "SELECT document FROM errors") }
        #expect(errors.count == 1 && errors.first?.hasSuffix("technical-working-groups-page.html") == true)
        // The CSV files describe this run only: the failed page has no rows there.
        let twgCSV = RFC4180.parse(try DatasetTesting.read(out + "/twgs.csv"))
        #expect(twgCSV.count == 11)
    }

    @Test("--datasets none writes only the documents' JSON")
    func none() async throws {
        let out = try DatasetTesting.temporaryDirectory()
        _ = try await DatasetTesting.run([DatasetTesting.root.appendingPathComponent("Corpus/plans").path], out: out, datasets: .none)
        #expect(try DatasetTesting.list(out) == ["documents", "documents.jsonl", "errors.jsonl"])
    }
}

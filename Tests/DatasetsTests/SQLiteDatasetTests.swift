import Datasets
import DocumentModel
import Foundation
import GRDB
import Testing

/// The database: tables, keys and indexes; re-runs that touch only changed documents; one
/// transaction per run.
@Suite("SQLite dataset")
struct SQLiteDatasetTests {
    static func document(_ path: String, sha: String, entities: Int, pipeline: String = "p") -> DocumentRows {
        var d = Document(source: Source(path: path, format: .text, bytes: 10, sha256: sha), text: String(repeating: "x", count: 40))
        d.kind = "other"
        d.entities = (0..<entities).map { i in
            Entity(type: "partner", text: "x", start: i, end: i + 1, value: .object([.init("id", .string(i % 2 == 0 ? "WHO" : "EU"))]))
        }
        return DocumentRows(d, pipeline: pipeline)
    }

    static func count(_ path: String, _ sql: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        return try queue.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }

    @Test("Tables, foreign keys to documents, and indexes on type, value and province")
    func schema() throws {
        let path = try DatasetTesting.temporaryDirectory() + "/vndoc.sqlite"
        let store = try SQLiteDataset(path: path)
        try store.commit()
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            for table in DatasetTable.all {
                let columns = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table.name))").map { $0["name"] as String }
                #expect(columns == table.columnNames, "\(table.name)")
                let keys = try Row.fetchAll(db, sql: "PRAGMA foreign_key_list(\(table.name))")
                if table.name == "documents" {
                    #expect(keys.isEmpty)
                } else {
                    #expect(keys.count == 1)
                    #expect(keys.first.map { $0["table"] as String } == "documents")
                    #expect(keys.first.map { $0["on_delete"] as String } == "CASCADE")
                }
            }
            let indexes = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'"))
            for name in ["entities_type", "entities_value", "questionnaire_answers_province", "documents_kind", "documents_province", "entities_document"] {
                #expect(indexes.contains(name), "\(name)")
            }
            #expect(try Int.fetchOne(db, sql: "PRAGMA user_version") == SQLiteDataset.schemaVersion)
        }
    }

    @Test("A re-run adds new documents, updates those whose hash or pipeline changed, and leaves the rest")
    func rerun() throws {
        let path = try DatasetTesting.temporaryDirectory() + "/vndoc.sqlite"
        var store = try SQLiteDataset(path: path)
        #expect(try store.store(Self.document("a.txt", sha: "1", entities: 3)) == .added)
        #expect(try store.store(Self.document("b.txt", sha: "2", entities: 2)) == .added)
        #expect(try store.store(Self.document("c.txt", sha: "3", entities: 1)) == .added)
        try store.commit()
        #expect(try Self.count(path, "SELECT count(*) FROM entities") == 6)

        store = try SQLiteDataset(path: path)
        #expect(try store.store(Self.document("a.txt", sha: "1", entities: 3)) == .unchanged)
        #expect(try store.store(Self.document("b.txt", sha: "2b", entities: 5)) == .updated)
        #expect(try store.store(Self.document("c.txt", sha: "3", entities: 4, pipeline: "q")) == .updated)
        #expect(try store.store(Self.document("d.txt", sha: "4", entities: 0)) == .added)
        try store.commit()
        #expect(try Self.count(path, "SELECT count(*) FROM documents") == 4)
        #expect(try Self.count(path, "SELECT count(*) FROM entities WHERE document = 'b.txt'") == 5)
        #expect(try Self.count(path, "SELECT count(*) FROM entities WHERE document = 'c.txt'") == 4)
        #expect(try Self.count(path, "SELECT count(*) FROM entities") == 12)
        #expect(try Self.count(path, "SELECT count(*) FROM entities WHERE value = 'WHO' AND type = 'partner'") == 7)
    }

    @Test("A run that is not committed leaves the database as it was; failures are recorded and cleared")
    func rollback() throws {
        let path = try DatasetTesting.temporaryDirectory() + "/vndoc.sqlite"
        var store = try SQLiteDataset(path: path)
        try store.store(Self.document("a.txt", sha: "1", entities: 2))
        try store.record(DocumentError(.malformed, path: "bad.docx", stage: "read", reason: "truncated ZIP"))
        try store.commit()

        store = try SQLiteDataset(path: path)
        try store.store(Self.document("a.txt", sha: "changed", entities: 9))
        try store.store(Self.document("z.txt", sha: "9", entities: 1))
        store.discard()
        #expect(try Self.count(path, "SELECT count(*) FROM documents") == 1)
        #expect(try Self.count(path, "SELECT count(*) FROM entities") == 2)
        #expect(try Self.count(path, "SELECT count(*) FROM errors WHERE document = 'bad.docx' AND code = 'malformed'") == 1)

        store = try SQLiteDataset(path: path)
        try store.store(Self.document("bad.docx", sha: "fixed", entities: 1))
        try store.commit()
        #expect(try Self.count(path, "SELECT count(*) FROM errors") == 0)
    }

    @Test("A database of another schema version is refused with a message naming it")
    func otherVersion() throws {
        let path = try DatasetTesting.temporaryDirectory() + "/vndoc.sqlite"
        let queue = try DatabaseQueue(path: path)
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE documents (x); PRAGMA user_version = 99")
        }
        #expect {
            _ = try SQLiteDataset(path: path)
        } throws: { error in
            "\(error)".contains("schema version 99") && "\(error)".contains(path)
        }
    }
}

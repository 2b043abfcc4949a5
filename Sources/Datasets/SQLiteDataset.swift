public import DocumentModel
import Foundation
import GRDB

/// The tables of `DatasetTable.all` in one SQLite database (through GRDB): `documents` keyed
/// by `document`, the other tables referring to it (`ON DELETE CASCADE`) and indexed on
/// `document` and on their `indexed` columns, and `errors` with the inputs that failed.
///
/// Re-running into the same database updates only documents whose content hash (`sha256`) or
/// producer (`pipeline`) changed; the rows of the others are left as they are, and documents
/// not in the run stay. A whole run is one transaction: an interrupted or failed run leaves
/// the database as it was.
public final class SQLiteDataset {
    /// What `store` did with a document.
    public enum Outcome: Sendable, Equatable {
        case added, updated, unchanged
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// Bumped when the tables change; a database of another version is refused, not mixed.
    public static let schemaVersion = 1

    public let path: String
    private let queue: DatabaseQueue
    private var open = false

    public init(path: String) throws(Failure) {
        self.path = path
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // The run's transaction spans many accesses (one per document).
        configuration.allowsUnsafeTransactions = true
        configuration.label = "vndoc.datasets"
        do {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) }
            queue = try DatabaseQueue(path: path, configuration: configuration)
        } catch {
            throw Failure(path: path, reason: "cannot open the database: \(Self.message(error))")
        }
        try access { db in
            let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if tables > 0 && version != Self.schemaVersion {
                throw Failure(path: path, reason: "this database has schema version \(version), not vndoc's \(Self.schemaVersion); write to a new --out folder")
            }
            try db.beginTransaction(.immediate)
            try db.execute(sql: Self.schema)
            try db.execute(sql: "PRAGMA user_version = \(Self.schemaVersion)")
        }
        open = true
    }

    /// The tables, keys and indexes (idempotent).
    public static var schema: String {
        var sql = ""
        for table in DatasetTable.all {
            var columns: [String] = []
            for column in table.columns {
                var line = "\(quoted(column.name)) \(column.type.rawValue)"
                if column.name == "document" {
                    line += table.name == DatasetTable.documents.name
                        ? " PRIMARY KEY NOT NULL"
                        : " NOT NULL REFERENCES documents(document) ON DELETE CASCADE"
                }
                columns.append(line)
            }
            sql += "CREATE TABLE IF NOT EXISTS \(quoted(table.name)) (\n  \(columns.joined(separator: ",\n  "))\n);\n"
            var indexed = table.indexed
            if table.name != DatasetTable.documents.name { indexed.insert("document", at: 0) }
            for column in indexed {
                sql += "CREATE INDEX IF NOT EXISTS \(quoted("\(table.name)_\(column)")) ON \(quoted(table.name))(\(quoted(column)));\n"
            }
        }
        sql += """
            CREATE TABLE IF NOT EXISTS errors (
              "document" TEXT PRIMARY KEY NOT NULL,
              "stage" TEXT,
              "code" TEXT,
              "reason" TEXT
            );

            """
        return sql
    }

    static func quoted(_ name: String) -> String { "\"" + name + "\"" }

    /// Where the key, the content hash and the producer are in a `documents` row.
    static let documentColumn = DatasetTable.documents.columnNames.firstIndex(of: "document") ?? 0
    static let sha256Column = DatasetTable.documents.columnNames.firstIndex(of: "sha256") ?? 0
    static let pipelineColumn = DatasetTable.documents.columnNames.firstIndex(of: "pipeline") ?? 0

    static func insert(_ table: DatasetTable) -> String {
        let names = table.columns.map { quoted($0.name) }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
        return "INSERT INTO \(quoted(table.name)) (\(names)) VALUES (\(marks))"
    }

    /// Stores a document's rows unless the database already has this document with the same
    /// content hash and producer.
    @discardableResult
    public func store(_ rows: DocumentRows) throws(Failure) -> Outcome {
        guard rows.document.count == DatasetTable.documents.columns.count else {
            throw Failure(path: path, reason: "a documents row has \(rows.document.count) fields, not \(DatasetTable.documents.columns.count)")
        }
        let key = rows.document[Self.documentColumn]
        let sha = rows.document[Self.sha256Column]
        let pipeline = rows.document[Self.pipelineColumn]
        return try access { db in
            try db.execute(sql: "DELETE FROM errors WHERE document = ?", arguments: [key.databaseValue])
            let existing = try Row.fetchOne(db, sql: "SELECT sha256, pipeline FROM documents WHERE document = ?", arguments: [key.databaseValue])
            if let existing {
                if existing["sha256"] as DatabaseValue == sha.databaseValue && existing["pipeline"] as DatabaseValue == pipeline.databaseValue {
                    return .unchanged
                }
                try db.execute(sql: "DELETE FROM documents WHERE document = ?", arguments: [key.databaseValue])
            }
            for (table, tableRows) in rows.byTable where !tableRows.isEmpty {
                let statement = try db.cachedStatement(sql: Self.insert(table))
                for row in tableRows {
                    try statement.execute(arguments: StatementArguments(row.map(\.databaseValue)))
                }
            }
            return existing == nil ? .added : .updated
        }
    }

    /// Records an input that failed (the document's earlier rows, if any, stay).
    public func record(_ error: DocumentError) throws(Failure) {
        try access { db in
            try db.execute(sql: "INSERT OR REPLACE INTO errors (document, stage, code, reason) VALUES (?, ?, ?, ?)",
                           arguments: [error.path, error.stage, error.code.rawValue, error.reason])
        }
    }

    /// Commits the run.
    public func commit() throws(Failure) {
        guard open else { return }
        open = false
        try access { db in try db.commit() }
    }

    /// Rolls the run back: the database is as it was before.
    public func discard() {
        guard open else { return }
        open = false
        try? queue.inDatabase { db in try db.rollback() }
    }

    deinit { discard() }

    private func access<T>(_ body: (Database) throws -> T) throws(Failure) -> T {
        do {
            return try queue.inDatabase(body)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(path: path, reason: Self.message(error))
        }
    }

    static func message(_ error: any Error) -> String {
        if let e = error as? DatabaseError { return e.message ?? "\(e.resultCode)" }
        return "\(error)"
    }
}

extension Cell {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let n): n.databaseValue
        case .real(let x): x.databaseValue
        case .text(let s): s.databaseValue
        }
    }
}

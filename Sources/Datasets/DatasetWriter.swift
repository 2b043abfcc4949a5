public import DocumentModel
import Emit
import Foundation

/// Which datasets a run writes besides the document JSON.
public struct DatasetOptions: Sendable, Equatable {
    /// `<table>.csv` for every table.
    public var csv = true
    /// A UTF-8 byte-order mark at the start of each CSV file, for Excel.
    public var excel = false
    /// `vndoc.sqlite`.
    public var sqlite = true
    /// `report.html`.
    public var report = true

    public init(csv: Bool = true, excel: Bool = false, sqlite: Bool = true, report: Bool = true) {
        self.csv = csv
        self.excel = excel
        self.sqlite = sqlite
        self.report = report
    }

    /// Only the document JSON.
    public static let none = DatasetOptions(csv: false, sqlite: false, report: false)
}

/// The datasets of one run, fed one document or failure at a time in input order: CSV files
/// and the report are written to temporary files and renamed at `commit()`; the database
/// changes in one transaction committed at the same time. `discard()` leaves every target as
/// it was.
public final class DatasetWriter {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public let directory: String
    public let options: DatasetOptions
    /// Fingerprint of the producer, stored with each document row (`documents.pipeline`).
    public let pipeline: String
    private var csv: [CSVWriter] = []
    private var database: SQLiteDataset?
    public private(set) var report = RunReport()

    public static let databaseName = "vndoc.sqlite"
    public static let reportName = "report.html"

    public init(directory: String, options: DatasetOptions, pipeline: String) throws(Failure) {
        self.directory = directory
        self.options = options
        self.pipeline = pipeline
        do {
            if options.csv {
                for table in DatasetTable.all {
                    csv.append(try CSVWriter(table: table, path: path(table.name + ".csv"), excel: options.excel))
                }
            }
            if options.sqlite { database = try SQLiteDataset(path: path(Self.databaseName)) }
        } catch {
            discard()
            throw Failure(description: "\(error)")
        }
    }

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// Whether `add` needs the document's rows (CSV or SQLite is written).
    public var needsRows: Bool { options.csv || options.sqlite }

    /// Adds a document; `rows` are its `DocumentRows` when the caller made them already (on
    /// a worker thread), else they are made here.
    public func add(_ document: Document, rows given: DocumentRows? = nil) throws(Failure) {
        report.add(document)
        guard needsRows else { return }
        let rows = given ?? DocumentRows(document, pipeline: pipeline)
        do {
            if !csv.isEmpty {
                for (writer, (_, tableRows)) in zip(csv, rows.byTable) {
                    for row in tableRows { try writer.write(row) }
                }
            }
            if let database {
                report.database[try database.store(rows), default: 0] += 1
            }
        } catch {
            throw Failure(description: "\(error)")
        }
    }

    public func add(_ failure: DocumentError) throws(Failure) {
        report.add(failure)
        do {
            try database?.record(failure)
        } catch {
            throw Failure(description: "\(error)")
        }
    }

    /// Makes everything visible: CSV files and the report renamed into place, the database
    /// transaction committed.
    public func commit() throws(Failure) {
        do {
            try database?.commit()
            database = nil
            for writer in csv { try writer.commit() }
            csv = []
            if options.report {
                try AtomicFile.write(Array(RunReportPage.html(report).utf8), to: path(Self.reportName))
            }
        } catch {
            discard()
            throw Failure(description: "\(error)")
        }
    }

    public func discard() {
        for writer in csv { writer.discard() }
        csv = []
        database?.discard()
        database = nil
    }
}

public import DocumentModel

/// What a run found, counted document by document in bounded memory (tallies keyed by kind,
/// type, province, partner, currency and year, not lists of documents), and rendered as one
/// self-contained page by `RunReportPage`.
public struct RunReport: Sendable {
    public struct Tally: Sendable, Equatable {
        /// How many times it is mentioned.
        public var mentions = 0
        /// In how many documents.
        public var documents = 0
        fileprivate var lastDocument = -1
    }

    public struct ProvinceTally: Sendable, Equatable {
        public var name: String
        public var code: String?
        public var country: String
        /// The province it became part of in 2025 (itself when it was kept).
        public var successor: String?
        public var tally = Tally()
    }

    public struct Sum: Sendable, Equatable {
        public var total: Double = 0
        public var count = 0
        public init(total: Double = 0, count: Int = 0) {
            self.total = total
            self.count = count
        }
    }

    /// Series of the timeline.
    public enum DatedItem: String, Sendable, CaseIterable {
        case document = "document dates"
        case news = "news items"
        case meeting = "meetings"
        case twg = "TWGs founded"
    }

    public private(set) var documents = 0
    public private(set) var bytes = 0
    public private(set) var entities = 0
    public private(set) var kinds: [String: Int] = [:]
    public private(set) var formats: [String: Int] = [:]
    public private(set) var entityTypes: [String: Int] = [:]
    public private(set) var provinces: [String: ProvinceTally] = [:]
    public private(set) var partners: [String: Tally] = [:]
    public private(set) var twgs: [String: Tally] = [:]
    /// Plan budgets (`metadata.budget`) by currency.
    public private(set) var budgets: [String: Sum] = [:]
    /// Every money mention by currency.
    public private(set) var money: [String: Sum] = [:]
    /// Year → series → count.
    public private(set) var timeline: [Int: [DatedItem: Int]] = [:]
    public private(set) var warnings: [String: Int] = [:]
    /// The first `errorLimit` failures; `failed` counts them all.
    public private(set) var errors: [DocumentError] = []
    public private(set) var failed = 0
    public static let errorLimit = 1000
    /// What the database did (set by the run).
    public var database: [SQLiteDataset.Outcome: Int] = [:]

    public init() {}

    public mutating func add(_ d: Document) {
        let index = documents
        documents += 1
        bytes += d.source.bytes
        entities += d.entities.count
        kinds[d.kind ?? "other", default: 0] += 1
        formats[d.source.format.rawValue, default: 0] += 1
        for w in d.warnings { warnings[w.code, default: 0] += 1 }
        for e in d.entities {
            entityTypes[e.type, default: 0] += 1
            switch e.type {
            case "province":
                guard let name = e.value["name"]?.string else { break }
                let key = name + "\u{1F}" + (e.value["country"]?.string ?? "")
                var p = provinces[key] ?? ProvinceTally(name: name, code: e.value["code"]?.string,
                                                        country: e.value["country"]?.string ?? "",
                                                        successor: e.value["successor"]?.string)
                p.tally.count(in: index)
                provinces[key] = p
            case "partner":
                if let id = e.value["id"]?.string { partners[id, default: Tally()].count(in: index) }
            case "twg":
                if let id = e.value["id"]?.string { twgs[id, default: Tally()].count(in: index) }
            case "money":
                if let currency = e.value["currency"]?.string, let amount = e.value["amount"]?.number {
                    money[currency, default: Sum()].add(amount)
                }
            default: break
            }
        }
        let metadata = JSONValue.object(d.metadata)
        if let budget = metadata["budget"], let currency = budget["currency"]?.string, let amount = budget["amount"]?.number {
            budgets[currency, default: Sum()].add(amount)
        }
        date(metadata["date"], .document)
        let records = JSONValue.object(d.records)
        for item in records["news"]?["items"]?.elements ?? [] { date(item["published"], .news) }
        if let article = records["news"]?["article"] { date(article["published"], .news) }
        date(records["questionnaire"]?["meeting_date"], .meeting)
        for group in records["twgs"]?.elements ?? [] { date(group["founded"], .twg) }
    }

    public mutating func add(_ error: DocumentError) {
        failed += 1
        if errors.count < Self.errorLimit { errors.append(error) }
    }

    private mutating func date(_ value: JSONValue?, _ series: DatedItem) {
        guard let s = value?.string, let year = Self.year(s) else { return }
        timeline[year, default: [:]][series, default: 0] += 1
    }

    /// The year of an ISO date at any precision (`2022`, `2022-10`, `2024-10-10T09:09`).
    static func year(_ iso: String) -> Int? {
        let digits = iso.utf8.prefix(4)
        guard digits.count == 4, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let rest = iso.utf8.dropFirst(4)
        guard rest.isEmpty || rest.first == UInt8(ascii: "-") else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}

extension RunReport.Tally {
    fileprivate mutating func count(in document: Int) {
        mentions += 1
        if lastDocument != document {
            lastDocument = document
            documents += 1
        }
    }
}

extension RunReport.Sum {
    fileprivate mutating func add(_ amount: Double) {
        total += amount
        count += 1
    }
}

extension JSONValue {
    var number: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let x): x
        default: nil
        }
    }
}

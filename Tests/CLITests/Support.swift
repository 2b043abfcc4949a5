import Foundation
import Testing
import _TestSupport

/// The built `vndoc`, found once for all the tests (see `Binary.vndoc()`).
enum CLI {
    private static let located: Result<Binary, BinaryError> = {
        do { return .success(try Binary.vndoc()) } catch let error as BinaryError { return .failure(error) } catch {
            return .failure(BinaryError("\(error)"))
        }
    }()

    static var binary: Binary {
        get throws { try located.get() }
    }

    /// Runs `vndoc` with the arguments; a test fails (by throwing) if it cannot be found or
    /// does not finish within `timeout`.
    static func vndoc(
        _ arguments: [String],
        stdin: [UInt8]? = nil,
        in directory: URL? = nil,
        stdout: Binary.Output = .capture,
        timeout: Duration = .seconds(60)
    ) async throws -> BinaryResult {
        try await binary.run(arguments, stdin: stdin, in: directory, stdout: stdout, timeout: timeout)
    }
}

// MARK: - Files

extension URL {
    func child(_ relative: String) -> URL {
        appendingPathComponent(relative)
    }
}

/// Writes bytes to `relative` under `directory`, creating folders on the way.
@discardableResult
func write(_ bytes: [UInt8], to relative: String, in directory: URL) throws -> URL {
    let url = directory.child(relative)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return url
}

@discardableResult
func write(_ text: String, to relative: String, in directory: URL) throws -> URL {
    try write(Array(text.utf8), to: relative, in: directory)
}

func read(_ relative: String, in directory: URL) throws -> Data {
    try Data(contentsOf: directory.child(relative))
}

func exists(_ relative: String, in directory: URL) -> Bool {
    FileManager.default.fileExists(atPath: directory.child(relative).path)
}

/// Every path (relative, '/'-separated) under a folder, hidden ones included.
func allRelativePaths(under directory: URL) -> [String] {
    var out: [String] = []
    if let walker = FileManager.default.enumerator(atPath: directory.path) {
        while let relative = walker.nextObject() as? String { out.append(relative) }
    }
    return out.sorted()
}

// MARK: - JSON

struct JSONShapeError: Error, CustomStringConvertible {
    var description: String
}

/// One JSON object.
func jsonObject(_ data: Data) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: data)
    guard let object = value as? [String: Any] else {
        throw JSONShapeError(description: "expected a JSON object, got \(type(of: value))")
    }
    return object
}

func jsonObject(_ bytes: [UInt8]) throws -> [String: Any] {
    try jsonObject(Data(bytes))
}

/// JSON Lines: every line one object; a final newline is required unless the input is empty.
func jsonLines(_ data: Data) throws -> [[String: Any]] {
    let bytes = [UInt8](data)
    if bytes.isEmpty { return [] }
    guard bytes.last == 0x0A else { throw JSONShapeError(description: "JSON Lines without a final newline") }
    return try bytes.dropLast().split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
        try jsonObject(Data(line))
    }
}

func jsonLines(_ bytes: [UInt8]) throws -> [[String: Any]] {
    try jsonLines(Data(bytes))
}

extension Dictionary where Key == String, Value == Any {
    subscript(string key: String) -> String? { self[key] as? String }
    subscript(object key: String) -> [String: Any]? { self[key] as? [String: Any] }
    subscript(objects key: String) -> [[String: Any]]? { self[key] as? [[String: Any]] }
    subscript(int key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
}

/// `text[start:end]` as Python would slice it: offsets count Unicode scalars.
func scalarSlice(_ text: String, _ start: Int, _ end: Int) -> String? {
    let scalars = Array(text.unicodeScalars)
    guard 0 <= start, start <= end, end <= scalars.count else { return nil }
    var view = String.UnicodeScalarView()
    view.append(contentsOf: scalars[start..<end])
    return String(view)
}

/// The document JSON Schema from docs/schema, loaded once.
enum DocumentSchema {
    static let schema: Result<JSONSchema, any Error> = Result {
        try JSONSchema(data: Data(contentsOf: Paths.packageRoot().child("docs/schema/document.schema.json")))
    }

    /// Problems with one document's JSON; a schema that cannot be loaded is one too.
    static func problems(_ data: Data) -> [String] {
        switch schema {
        case .success(let schema):
            do { return try schema.validate(jsonData: data) } catch { return ["not JSON: \(error)"] }
        case .failure(let error):
            return ["cannot load docs/schema/document.schema.json: \(error)"]
        }
    }
}

// MARK: - Samples

enum Sample {
    /// A short plan: a heading, numbered items and a paragraph (already NFC, official tones).
    static let plan = """
    KẾ HOẠCH
    Phòng, chống dịch bệnh năm 2024

    I. MỤC TIÊU
    1. Nâng cao sức khỏe nhân dân trên địa bàn tỉnh.
    2. Giảm tỷ lệ mắc bệnh truyền nhiễm.

    Các đơn vị y tế có trách nhiệm triển khai kế hoạch này.

    """

    static let notice = """
    THÔNG BÁO
    Bệnh viện đa khoa tỉnh tổ chức khám sức khỏe miễn phí cho người cao tuổi vào ngày 15 tháng 11.

    """

    /// Vietnamese that Windows-1258 can carry (official tone placement, so normalising keeps it).
    static let peace = "Hòa bình và phát triển là khát vọng của nhân dân Việt Nam. Bệnh viện đa khoa tỉnh đã tổ chức khám sức khỏe cho người dân trong xã.\n"

    static let utf16Text = "Trạm y tế xã Tân Phước: tiêm chủng mở rộng cho trẻ em dưới một tuổi.\n"

    /// UTF-16LE with a byte-order mark.
    static func utf16LE(_ text: String) -> [UInt8] {
        var out: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { out.append(UInt8(unit & 0xFF)); out.append(UInt8(unit >> 8)) }
        return out
    }

    /// Deterministic junk with NUL bytes in it (starts with no known signature or byte-order mark).
    static func junk(count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var out: [UInt8] = Array("JUNK".utf8) + [0x00]
        while out.count < count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out.append(UInt8(truncatingIfNeeded: state >> 33))
        }
        return out
    }
}

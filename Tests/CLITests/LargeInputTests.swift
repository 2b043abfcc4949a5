import Foundation
import Testing
import _TestSupport

/// Bounded time and memory on a large input: not a benchmark, a guard against quadratic work
/// or whole-output buffering creeping in.
@Suite("large inputs")
struct LargeInputTests {
    static let targetBytes = 100 * 1_000_000

    /// Peak resident set size in bytes of the largest child waited for, where the system says.
    static func largestChildPeakMemory() -> Int? {
        #if os(Linux)
        var usage = rusage()
        guard getrusage(RUSAGE_CHILDREN.rawValue, &usage) == 0 else { return nil }
        return usage.ru_maxrss * 1024
        #elseif canImport(Darwin)
        var usage = rusage()
        guard getrusage(RUSAGE_CHILDREN, &usage) == 0 else { return nil }
        return usage.ru_maxrss
        #else
        return nil
        #endif
    }

    @Test("normalize streams a 100 MB single-line file", .timeLimit(.minutes(5)))
    func hundredMegabytes() async throws {
        try await Paths.withTemporaryDirectory(prefix: "vndoc-large") { dir in
            // One line, no newline: "hoà" and "khoẻ" get their tone marks moved, the rest stays.
            let sentence = Array("Sở Y tế tỉnh Thanh Hoá triển khai kế hoạch bảo vệ, chăm sóc và nâng cao sức khoẻ nhân dân, hoà nhập cộng đồng; ".utf8)
            var chunk: [UInt8] = []
            chunk.reserveCapacity(1 << 20)
            while chunk.count + sentence.count <= 1 << 20 { chunk += sentence }
            let input = dir.child("big.txt")
            #expect(FileManager.default.createFile(atPath: input.path, contents: nil))
            let handle = try FileHandle(forWritingTo: input)
            var written = 0
            while written < Self.targetBytes {
                try handle.write(contentsOf: chunk)
                written += chunk.count
            }
            try handle.close()

            let output = dir.child("big.out")
            let result = try await CLI.vndoc(["normalize", input.path], stdout: .file(output), timeout: .seconds(120))
            #expect(result.status == 0, "stderr: \(result.stderr.suffix(2000))")
            #expect(!result.signalled)
            let outputSize = try #require(FileManager.default.attributesOfItem(atPath: output.path)[.size] as? NSNumber).intValue
            let ratio = Double(outputSize) / Double(written)
            #expect(abs(ratio - 1) < 0.03, "input \(written) bytes, output \(outputSize) bytes")

            // The start of the output is the sentence with official tone placement.
            let head = try FileHandle(forReadingFrom: output)
            let firstBytes = try head.read(upToCount: 4096) ?? Data()
            try head.close()
            let text = String(decoding: firstBytes, as: UTF8.self)
            #expect(text.hasPrefix("Sở Y tế tỉnh Thanh Hóa triển khai kế hoạch bảo vệ, chăm sóc và nâng cao sức khỏe nhân dân, hòa nhập cộng đồng; Sở"), "\(text.prefix(300))")
            // Peak memory: the largest of all the children this test process has waited for, so
            // an upper bound for this one (the other tests' children are small). Reading the
            // whole input is allowed; holding several copies of it or the whole output is not.
            let peak = Self.largestChildPeakMemory()
            if let peak {
                #expect(peak < 4 * written, "peak resident memory \(peak / 1_000_000) MB for a \(written / 1_000_000) MB input")
            }
            print("vndoc normalize: \(written) bytes in \(result.duration), children's peak memory \(peak.map { "\($0 / 1_000_000) MB" } ?? "unknown")")
        }
    }
}

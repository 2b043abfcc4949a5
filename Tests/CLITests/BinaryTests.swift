import Foundation
import Testing
import _TestSupport

/// The helper that runs the binary: where it finds it, and that it neither deadlocks on large
/// outputs nor hangs on a child that never exits.
@Suite("running the binary")
struct BinaryTests {
    @Test("the vndoc found is the one built beside the test bundle")
    func location() throws {
        let binary = try CLI.binary
        let candidates = Binary.candidateURLs("vndoc")
        print("vndoc binary: \(binary.url.path)")
        #expect(FileManager.default.isExecutableFile(atPath: binary.url.path))
        guard ProcessInfo.processInfo.environment["VNDOC_BINARY"] == nil else { return }
        #expect(binary.url == candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) })
        // Beside it sits the test bundle of the same build (`swift test` builds every product).
        let siblings = (try? FileManager.default.contentsOfDirectory(atPath: binary.url.deletingLastPathComponent().path)) ?? []
        #expect(siblings.contains { $0.hasSuffix(".xctest") }, "no test bundle beside \(binary.url.path)")
    }

    @Test("package root holds Package.swift")
    func packageRoot() {
        let root = Paths.packageRoot()
        #expect(FileManager.default.fileExists(atPath: root.child("Package.swift").path))
        #expect(FileManager.default.fileExists(atPath: root.child("Sources/vndoc").path))
    }

    @Test("8 MB through standard input and output, with no pipe deadlock")
    func largePipes() async throws {
        let line = Array("Người dân được khám sức khoẻ định kỳ tại trạm y tế xã.\n".utf8)
        var input: [UInt8] = []
        while input.count < 8 << 20 { input += line }
        let result = try await CLI.vndoc(["normalize"], stdin: input, timeout: .seconds(120))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        // Same length: khoẻ -> khỏe moves a mark without changing the byte count.
        #expect(result.stdout.count == input.count)
        #expect(result.stdout.starts(with: Array("Người dân được khám sức khỏe".utf8)))
    }

    @Test("standard input a child never reads does not break the test process")
    func unreadInput() async throws {
        let result = try await CLI.vndoc(["--version"], stdin: [UInt8](repeating: 0x41, count: 4 << 20))
        #expect(result.status == 0)
    }

    @Test("a child that outlives its timeout is killed and reported", .enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/sleep")))
    func timeout() async throws {
        let sleep = Binary(url: URL(fileURLWithPath: "/bin/sleep"))
        let started = ContinuousClock.now
        let error = await #expect(throws: BinaryError.self) {
            try await sleep.run(["300"], timeout: .seconds(1))
        }
        #expect("\(error.map { String(describing: $0) } ?? "")".contains("killed"))
        // Far below the child's own 300 s, so it was killed rather than left to finish (the bound
        // is loose on purpose: a loaded machine may take a while to schedule the kill).
        #expect(ContinuousClock.now - started < .seconds(150))
    }
}

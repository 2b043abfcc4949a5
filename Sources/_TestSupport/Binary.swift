public import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of a binary gave: exit status, standard output (bytes), standard error (text).
public struct BinaryResult: Sendable {
    /// The exit status, or the signal number when `signalled` is true.
    public var status: Int32
    /// True when the process was ended by a signal rather than exiting.
    public var signalled: Bool
    /// Standard output; empty when it was sent to a file.
    public var stdout: [UInt8]
    /// Standard error, decoded as UTF-8 (invalid bytes replaced).
    public var stderr: String
    /// Wall-clock time from launch to exit.
    public var duration: Duration

    /// Standard output decoded as UTF-8 (invalid bytes replaced).
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }

    /// Standard output as `Data`, e.g. for `JSONSerialization`.
    public var stdoutData: Data { Data(stdout) }
}

/// Why a binary could not be found or run to completion.
public struct BinaryError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A built executable of this package (normally `vndoc`), found in the build folder and run
/// in a child process with pipes that are drained concurrently (no pipe-buffer deadlock on
/// large outputs), optional standard input, a working directory and a timeout.
///
///     let vndoc = try Binary.vndoc()
///     let result = try await vndoc.run(["normalize"], stdin: Array("hoà".utf8))
///
/// `swift test` builds every target of the package, executables included (the build subset is
/// "all including tests"), so the executable sits next to the test bundle:
/// `.build/<triple>/debug/vndoc` beside `.build/<triple>/debug/vndocPackageTests.xctest`.
/// Set `VNDOC_BINARY` to test another build.
public struct Binary: Sendable {
    /// Where standard output goes.
    public enum Output: Sendable {
        /// Collected into `BinaryResult.stdout`.
        case capture
        /// Written to this file (created or truncated); `BinaryResult.stdout` stays empty.
        case file(URL)
    }

    public let url: URL

    public init(url: URL) {
        self.url = url
    }

    /// The `vndoc` executable of this package.
    public static func vndoc(file: StaticString = #filePath) throws -> Binary {
        try locate("vndoc", environmentOverride: "VNDOC_BINARY", file: file)
    }

    /// Finds an executable product by name; the error lists every place that was searched.
    public static func locate(_ name: String, environmentOverride: String? = nil, file: StaticString = #filePath) throws -> Binary {
        if let variable = environmentOverride, let override = ProcessInfo.processInfo.environment[variable], !override.isEmpty {
            let url = URL(fileURLWithPath: override)
            guard isExecutable(url) else {
                throw BinaryError("\(variable)=\(override) is not an executable file")
            }
            return Binary(url: url)
        }
        let candidates = candidateURLs(name, file: file)
        if let found = candidates.first(where: isExecutable) {
            return Binary(url: found)
        }
        throw BinaryError(
            "cannot find the built `\(name)` executable; looked at:\n"
                + candidates.map { "  \($0.path)" }.joined(separator: "\n")
                + "\nbuild it with `swift build --product \(name)` (`swift test` builds it too)"
        )
    }

    /// Places an executable product can be, best first: beside the running test bundle (same
    /// configuration as the tests), then the package's `.build` folders.
    public static func candidateURLs(_ name: String, file: StaticString = #filePath) -> [URL] {
        var directories: [URL] = []
        let fm = FileManager.default
        let cwd = URL(fileURLWithPath: fm.currentDirectoryPath, isDirectory: true)

        // Beside the test bundle. On Linux the bundle is an executable (`…/debug/xPackageTests.xctest`)
        // and Bundle.main is its folder; on macOS it is a `.xctest` folder loaded by a helper.
        for bundle in [Bundle.main] + Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        directories.append(Bundle.main.bundleURL)
        if let executable = Bundle.main.executableURL {
            directories.append(executable.deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first, !first.isEmpty {
            directories.append(URL(fileURLWithPath: first, relativeTo: cwd).deletingLastPathComponent())
        }

        // The package's build folders: `.build/debug` (a link to the host triple), then every
        // `.build/<triple>/debug`, then release builds.
        let build = Paths.packageRoot(file: file).appendingPathComponent(".build", isDirectory: true)
        let triples = ((try? fm.contentsOfDirectory(atPath: build.path)) ?? [])
            .filter { $0.contains("-") && !$0.hasPrefix(".") }
            .sorted()
        for configuration in ["debug", "release"] {
            directories.append(build.appendingPathComponent(configuration, isDirectory: true))
            for triple in triples {
                directories.append(build.appendingPathComponent(triple, isDirectory: true).appendingPathComponent(configuration, isDirectory: true))
            }
        }

        var seen = Set<String>()
        var out: [URL] = []
        for directory in directories {
            let candidate = directory.appendingPathComponent(name).standardizedFileURL
            if seen.insert(candidate.path).inserted { out.append(candidate) }
        }
        return out
    }

    static func isExecutable(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: url.path)
    }

    /// Runs the binary without blocking the caller's thread (the child is waited for on a
    /// thread of its own, so Swift concurrency's small pool is never held up).
    public func run(
        _ arguments: [String],
        stdin: [UInt8]? = nil,
        in workingDirectory: URL? = nil,
        stdout: Output = .capture,
        environment: [String: String]? = nil,
        timeout: Duration = .seconds(60)
    ) async throws -> BinaryResult {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<BinaryResult, any Error>) in
            let thread = Thread {
                continuation.resume(with: Result {
                    try self.runBlocking(arguments, stdin: stdin, in: workingDirectory, stdout: stdout, environment: environment, timeout: timeout)
                })
            }
            thread.name = "Binary.run \(url.lastPathComponent)"
            thread.start()
        }
    }

    /// Runs the binary and blocks until it exits (or is killed after `timeout`, which throws).
    ///
    /// Standard input is the given bytes, or empty (`/dev/null`) when nil, so a command that
    /// reads standard input never waits on the test runner's. `environment` entries are added
    /// to the current environment.
    public func runBlocking(
        _ arguments: [String],
        stdin: [UInt8]? = nil,
        in workingDirectory: URL? = nil,
        stdout: Output = .capture,
        environment: [String: String]? = nil,
        timeout: Duration = .seconds(60)
    ) throws -> BinaryResult {
        Self.ignoreBrokenPipes()
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        if let workingDirectory { process.currentDirectoryURL = workingDirectory }
        if let environment {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        }

        let inputPipe: Pipe? = stdin.map { _ in Pipe() }
        if let inputPipe {
            process.standardInput = inputPipe
        } else {
            process.standardInput = FileHandle.nullDevice
        }

        let outputPipe: Pipe?
        let outputFile: FileHandle?
        switch stdout {
        case .capture:
            outputPipe = Pipe()
            outputFile = nil
            process.standardOutput = outputPipe
        case .file(let target):
            guard FileManager.default.createFile(atPath: target.path, contents: nil),
                  let handle = try? FileHandle(forWritingTo: target)
            else { throw BinaryError("cannot create \(target.path) for standard output") }
            outputPipe = nil
            outputFile = handle
            process.standardOutput = handle
        }
        defer { try? outputFile?.close() }

        let errorPipe = Pipe()
        process.standardError = errorPipe

        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }

        let started = ContinuousClock.now
        do {
            try process.run()
        } catch {
            throw BinaryError("cannot launch \(url.path): \(error)")
        }

        // Drain both pipes and feed standard input on threads of their own.
        let collected = Collected()
        let readers = DispatchGroup()
        if let outputPipe {
            let handle = outputPipe.fileHandleForReading
            Self.spawn(readers, "stdout") { collected.setStdout(Self.readAll(handle)) }
        }
        let errorHandle = errorPipe.fileHandleForReading
        Self.spawn(readers, "stderr") { collected.setStderr(Self.readAll(errorHandle)) }
        if let inputPipe, let bytes = stdin {
            let handle = inputPipe.fileHandleForWriting
            // A child that exits without reading gives EPIPE here, which is ignored.
            Self.spawn(nil, "stdin") {
                Self.writeAll(bytes, to: handle.fileDescriptor)
                try? handle.close()
            }
        }

        var timedOut = false
        if exited.wait(timeout: .now() + Self.dispatchInterval(timeout)) == .timedOut {
            timedOut = true
            process.terminate()
            if exited.wait(timeout: .now() + .seconds(5)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                exited.wait()
            }
        }
        let duration = ContinuousClock.now - started
        // The pipes reach end-of-file once the child (and any child of its own) has closed them.
        if readers.wait(timeout: .now() + .seconds(30)) == .timedOut {
            throw BinaryError("\(url.lastPathComponent) \(arguments.joined(separator: " ")): exited but its output pipes stayed open")
        }
        let (out, err) = collected.values
        let stderrText = String(decoding: err, as: UTF8.self)
        if timedOut {
            throw BinaryError(
                "\(url.lastPathComponent) \(arguments.joined(separator: " ")): still running after \(timeout), killed; stderr so far:\n\(stderrText.suffix(2000))"
            )
        }
        return BinaryResult(
            status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal,
            stdout: out,
            stderr: stderrText,
            duration: duration
        )
    }

    // MARK: - Plumbing

    /// Output gathered by the reader threads.
    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var stdout: [UInt8] = []
        private var stderr: [UInt8] = []

        func setStdout(_ bytes: [UInt8]) { lock.withLock { stdout = bytes } }
        func setStderr(_ bytes: [UInt8]) { lock.withLock { stderr = bytes } }
        var values: ([UInt8], [UInt8]) { lock.withLock { (stdout, stderr) } }
    }

    private static func spawn(_ group: DispatchGroup?, _ name: String, _ body: @escaping @Sendable () -> Void) {
        group?.enter()
        let thread = Thread {
            body()
            group?.leave()
        }
        thread.name = "Binary \(name)"
        thread.start()
    }

    /// Reads a descriptor to end-of-file with plain `read(2)`, retrying on EINTR.
    private static func readAll(_ handle: FileHandle) -> [UInt8] {
        let fd = handle.fileDescriptor
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                out.append(contentsOf: buffer[0..<n])
            } else if n == 0 {
                break
            } else if errno != EINTR {
                break
            }
        }
        try? handle.close()
        return out
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    private static func dispatchInterval(_ duration: Duration) -> DispatchTimeInterval {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return .milliseconds(Int(clamping: max(0, milliseconds)))
    }

    /// Writing to a pipe whose reader has gone must fail with EPIPE, not kill the test process.
    private static let brokenPipesIgnored: Bool = {
        signal(SIGPIPE, SIG_IGN)
        return true
    }()

    private static func ignoreBrokenPipes() {
        _ = brokenPipesIgnored
    }
}

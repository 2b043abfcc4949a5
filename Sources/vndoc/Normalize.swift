public import ArgumentParser
import Foundation
import Ingest
import Pipeline
import VietnameseText

struct Normalize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print Vietnamese text normalised: NFC, tone marks placed consistently, whitespace made uniform.",
        discussion: """
        Reads a file (or standard input when FILE is '-' or absent) in UTF-8, UTF-16 with a \
        byte-order mark, or Windows-1258, and writes UTF-8.

        Examples:
          vndoc normalize report.txt
          vndoc normalize --tones main-vowel report.txt      # hòa -> hoà, thủy -> thuỷ
          printf 'Thanh Hoá\\n' | vndoc normalize --fold      # thanh hoa
        """
    )

    @Argument(help: ArgumentHelp("Input file, or '-' for standard input.", valueName: "file"))
    var file: String = "-"

    @Option(name: .long, help: "official (hòa, khỏe, thủy: the default), main-vowel (hoà, khoẻ, thuỷ) or keep.")
    var tones: NormalizeStage.Tones = .official

    @Flag(name: .long, help: "Print the folded search key instead: lowercase, no diacritics, đ -> d.")
    var fold = false

    @Flag(name: .customLong("keep-whitespace"), help: "Leave whitespace as it is.")
    var keepWhitespace = false

    func run() throws {
        let bytes: [UInt8]
        if file == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
        } else {
            do {
                bytes = try InputFile.load(path: file, maxBytes: Int.max / 2).bytes
            } catch {
                Terminal.error("vndoc: \(error)")
                throw ExitCode(1)
            }
        }
        let decoded: DecodedText
        do {
            decoded = try TextDecoding.decode(bytes)
        } catch {
            Terminal.error("vndoc: \(file == "-" ? "<stdin>" : file): read: \(error.reason)")
            throw ExitCode(1)
        }
        for warning in decoded.warnings { Terminal.error("vndoc: \(file): warning: \(warning.message)") }

        var normalizer = VietnameseNormalizer(options: NormalizationOptions(tones: tones.style, whitespace: !keepWhitespace))
        var out: [UInt8] = []
        out.reserveCapacity(VietnameseNormalizer.chunkSize * 2)
        var last: UInt8? = nil
        func emit(_ chunk: [UInt8]) {
            last = chunk.last ?? last
            if fold {
                Terminal.write(Array(Folding.fold(String(decoding: chunk, as: UTF8.self)).utf8))
            } else {
                Terminal.write(chunk)
            }
        }
        decoded.utf8.withUnsafeBufferPointer { all in
            var offset = 0
            while offset < all.count {
                let end = min(all.count, offset + VietnameseNormalizer.chunkSize)
                normalizer.feed(UnsafeBufferPointer(rebasing: all[offset..<end]), into: &out)
                if !out.isEmpty { emit(out); out.removeAll(keepingCapacity: true) }
                offset = end
            }
        }
        normalizer.finish(into: &out)
        if !out.isEmpty { emit(out) }
        // End with exactly one line end: the cleaned text has none; text kept as it was may.
        if let last, last != 0x0A { Terminal.write([0x0A]) }
    }
}

extension NormalizeStage.Tones: ExpressibleByArgument {}

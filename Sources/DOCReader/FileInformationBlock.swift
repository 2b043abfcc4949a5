/// The File Information Block at the start of the `WordDocument` stream ([MS-DOC] 2.5.1): where
/// every other structure lives and how many characters each story holds.
///
/// ```
/// FibBase (32 bytes)  wIdent 0xA5EC, nFib, flags (fEncrypted, fWhichTblStm, fObfuscated, …)
/// csw  + FibRgW97     16-bit values
/// cslw + FibRgLw97    32-bit values: cbMac, …, ccpText, ccpFtn, ccpHdd, ccpMcr, ccpAtn, ccpEdn, ccpTxbx, ccpHdrTxbx
/// cbRgFcLcb + pairs   (fc, lcb) offsets and lengths in the table stream: Stshf, PlcfHdd, PlcfBteChpx, PlcfBtePapx, SttbfFfn, Clx, …
/// ```
struct FileInformationBlock {
    /// An (offset, length) pair in the table stream.
    struct Location {
        var offset: Int
        var length: Int
        var isEmpty: Bool { length == 0 }
    }

    var nFib: Int
    var encrypted: Bool
    var obfuscated: Bool
    /// `1Table` when set, else `0Table`.
    var tableStreamName: String
    /// Character counts of the stories in CP order: main text, footnotes, headers, macros
    /// (unused), comments, endnotes, text boxes, header text boxes.
    var storyLengths: [Int]
    var styleSheet: Location
    var headerStories: Location
    var characterBins: Location
    var paragraphBins: Location
    var fonts: Location
    var clx: Location

    /// Indices of the (fc, lcb) pairs in FibRgFcLcb97.
    private enum Pair: Int {
        case stshf = 1, plcfHdd = 11, plcfBteChpx = 12, plcfBtePapx = 13, sttbfFfn = 15, clx = 33
    }

    init(_ stream: [UInt8]) throws(DOCProblem) {
        guard let ident = stream.u16(0), let nFib = stream.u16(2), let flags = stream.u16(0x0A) else {
            throw .malformed("the WordDocument stream is too short to hold a File Information Block (\(stream.count) bytes)")
        }
        guard ident == 0xA5EC else {
            throw .malformed("the WordDocument stream does not start with a Word File Information Block (0x\(String(ident, radix: 16)) instead of 0xA5EC)")
        }
        self.nFib = Int(nFib)
        encrypted = flags & 0x0100 != 0
        obfuscated = flags & 0x8000 != 0
        tableStreamName = flags & 0x0200 != 0 ? "1Table" : "0Table"
        guard nFib >= 0x00C0 || nFib < 0x0065 else {
            // 101…191: Word 6.0 and Word 95, whose FIB and text layout differ from Word 97's.
            throw .unsupported("a Word 6.0/95 document (nFib \(nFib)): only Word 97–2003 files are read; save it again in a newer Word format")
        }
        guard nFib >= 0x00C0 else {
            throw .unsupported("a Word document older than Word 97 (nFib \(nFib)); save it again in a newer Word format")
        }

        var at = 0x20
        guard let csw = stream.u16(at) else { throw Self.short(stream) }
        at += 2 + Int(csw) * 2
        guard let cslw = stream.u16(at) else { throw Self.short(stream) }
        let longs = at + 2
        at = longs + Int(cslw) * 4
        guard let cbRgFcLcb = stream.u16(at) else { throw Self.short(stream) }
        let pairs = at + 2
        guard stream.contains(offset: longs, length: Int(cslw) * 4),
              stream.contains(offset: pairs, length: Int(cbRgFcLcb) * 8) else { throw Self.short(stream) }

        func long(_ index: Int) -> Int {
            index < Int(cslw) ? Int(stream.u32(longs + index * 4) ?? 0) : 0
        }
        func pair(_ p: Pair) -> Location {
            guard p.rawValue < Int(cbRgFcLcb) else { return Location(offset: 0, length: 0) }
            return Location(offset: Int(stream.u32(pairs + p.rawValue * 8) ?? 0),
                            length: Int(stream.u32(pairs + p.rawValue * 8 + 4) ?? 0))
        }
        storyLengths = (3...10).map(long)
        styleSheet = pair(.stshf)
        headerStories = pair(.plcfHdd)
        characterBins = pair(.plcfBteChpx)
        paragraphBins = pair(.plcfBtePapx)
        fonts = pair(.sttbfFfn)
        clx = pair(.clx)
    }

    private static func short(_ stream: [UInt8]) -> DOCProblem {
        .malformed("the File Information Block runs past the end of the WordDocument stream (\(stream.count) bytes); the file is truncated")
    }
}

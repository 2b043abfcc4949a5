/// The piece table ([MS-DOC] 2.9.38 Clx, 2.9.178 PlcPcd): where each run of character
/// positions (CPs) lives in the `WordDocument` stream and whether it is stored in 8 or 16 bits.
///
/// ```
/// Clx = Prc* Pcdt          Prc  = 0x01, cbGrpprl (int16), grpprl     (property modifiers: skipped)
///                          Pcdt = 0x02, lcb (uint32), PlcPcd
/// PlcPcd = CP[n + 1], Pcd[n]     Pcd = flags (2), fc (4: bit 30 fCompressed), prm (2)
/// ```
/// A compressed piece holds one byte per character at `fc / 2` (Windows-1252 on the writer's
/// machine, which for Vietnamese legacy documents means TCVN3 or VNI bytes); an uncompressed
/// one holds UTF-16LE at `fc`.
struct PieceTable {
    struct Piece {
        var cpStart: Int
        var cpEnd: Int
        /// Byte offset of the piece's first character in the WordDocument stream.
        var offset: Int
        var compressed: Bool
    }

    var pieces: [Piece]

    init(clx: [UInt8], wordDocumentLength: Int) throws(DOCProblem) {
        var at = 0
        // Skip the Prc records (property modifiers of fast-saved files).
        while let kind = clx.u8(at), kind == 0x01 {
            guard let size = clx.u16(at + 1) else { throw Self.broken("a property record runs past its end") }
            let cb = Int(Int16(bitPattern: size))
            guard cb >= 0 else { throw Self.broken("a property record has a negative size (\(cb))") }
            at += 3 + cb
        }
        guard clx.u8(at) == 0x02, let lcb = clx.u32(at + 1) else {
            throw Self.broken("no piece descriptor table (Pcdt) where one was expected at byte \(at)")
        }
        let plcStart = at + 5
        let length = Int(lcb)
        guard clx.contains(offset: plcStart, length: length) else {
            throw Self.broken("the piece descriptor table claims \(length) bytes but only \(max(0, clx.count - plcStart)) remain")
        }
        guard length >= 16, (length - 4) % 12 == 0 else {
            throw Self.broken("the piece descriptor table is \(length) bytes, which is not 4 + 12n for any n ≥ 1")
        }
        let n = (length - 4) / 12
        var pieces: [Piece] = []
        pieces.reserveCapacity(n)
        var previous = -1
        for i in 0..<n {
            guard let start = clx.u32(plcStart + i * 4), let end = clx.u32(plcStart + (i + 1) * 4),
                  let fcField = clx.u32(plcStart + (n + 1) * 4 + i * 8 + 2) else {
                throw Self.broken("piece \(i) runs past the end of the table")
            }
            let cpStart = Int(start), cpEnd = Int(end)
            guard cpStart >= previous, cpEnd >= cpStart else {
                throw Self.broken("piece \(i) spans CPs \(cpStart)..<\(cpEnd), out of order")
            }
            previous = cpEnd
            let compressed = fcField & 0x4000_0000 != 0
            let fc = Int(fcField & 0x3FFF_FFFF)
            let offset = compressed ? fc / 2 : fc
            let bytes = (cpEnd - cpStart) * (compressed ? 1 : 2)
            guard offset <= wordDocumentLength, bytes <= wordDocumentLength - offset else {
                throw .malformed("the piece table points past the end of the WordDocument stream (piece \(i): \(bytes) bytes at \(offset), stream \(wordDocumentLength) bytes); the file is truncated or corrupt")
            }
            pieces.append(Piece(cpStart: cpStart, cpEnd: cpEnd, offset: offset, compressed: compressed))
        }
        self.pieces = pieces
    }

    /// The last CP any piece covers.
    var cpLimit: Int { pieces.last?.cpEnd ?? 0 }

    private static func broken(_ what: String) -> DOCProblem {
        .malformed("the piece table (Clx) is broken: \(what)")
    }
}

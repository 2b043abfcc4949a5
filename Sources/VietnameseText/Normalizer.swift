/// Options for `VietnameseNormalizer`; the pipeline's `normalize` stage decodes them.
public struct NormalizationOptions: Sendable, Equatable {
    /// Where tone marks go; nil leaves them as written.
    public var tones: ToneStyle?
    /// Whether whitespace is made uniform (see `WhitespaceCleaner`).
    public var whitespace: Bool

    public init(tones: ToneStyle? = .official, whitespace: Bool = true) {
        self.tones = tones
        self.whitespace = whitespace
    }
}

/// Vietnamese text made uniform: whitespace, then NFC (ICU), then tone-mark placement.
///
/// It works on UTF-8 bytes in chunks cut at line ends (or, inside a very long line, before an
/// ASCII separator), so memory stays bounded on any input and text that is already clean is
/// copied rather than rewritten. NFD and NFC input of the same text give identical output.
public struct VietnameseNormalizer {
    public let options: NormalizationOptions
    private var whitespace = WhitespaceCleaner()
    private var pending: [UInt8] = []
    private var cleaned: [UInt8] = []
    private var composed: [UInt8] = []
    private let workspace = ICU.NFCWorkspace()

    /// Input is processed once this much is buffered (or at `finish`).
    public static let chunkSize = 1 << 20

    public init(options: NormalizationOptions = NormalizationOptions()) {
        self.options = options
    }

    /// Feeds well-formed UTF-8 (a chunk may end inside a scalar) and appends whatever can
    /// already be normalised to `out`.
    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        pending.append(contentsOf: bytes)
        guard pending.count >= Self.chunkSize else { return }
        let cut = Self.safeCut(pending)
        guard cut > 0 else { return }
        pending.withUnsafeBufferPointer { process(UnsafeBufferPointer(rebasing: $0[0..<cut]), into: &out) }
        pending.removeFirst(cut)
    }

    /// Normalises everything still buffered.
    public mutating func finish(into out: inout [UInt8]) {
        let rest = pending
        pending = []
        rest.withUnsafeBufferPointer { process($0, into: &out) }
    }

    /// The whole of `bytes` (well-formed UTF-8) normalised.
    public static func normalize(_ bytes: [UInt8], options: NormalizationOptions = NormalizationOptions()) -> [UInt8] {
        var normalizer = VietnameseNormalizer(options: options)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var offset = 0
        bytes.withUnsafeBufferPointer { all in
            // Feed in slices so the internal buffers stay chunk-sized.
            while offset < all.count {
                let end = min(all.count, offset + chunkSize)
                normalizer.feed(UnsafeBufferPointer(rebasing: all[offset..<end]), into: &out)
                offset = end
            }
        }
        normalizer.finish(into: &out)
        return out
    }

    public static func normalize(_ text: String, options: NormalizationOptions = NormalizationOptions()) -> String {
        String(decoding: normalize(Array(text.utf8), options: options), as: UTF8.self)
    }

    // MARK: - Inside

    private mutating func process(_ chunk: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        cleaned.removeAll(keepingCapacity: true)
        if options.whitespace {
            whitespace.clean(chunk, into: &cleaned)
        } else {
            cleaned.append(contentsOf: chunk)
        }
        composed.removeAll(keepingCapacity: true)
        let alreadyNFC = cleaned.withUnsafeBufferPointer { Self.isTriviallyNFC($0) }
        if !alreadyNFC {
            cleaned.withUnsafeBufferPointer { Self.appendNFC($0, to: &composed, workspace: workspace) }
        }
        let nfc = alreadyNFC ? cleaned : composed
        if let style = options.tones {
            nfc.withUnsafeBufferPointer { TonePlacement.apply($0, style: style, to: &out) }
        } else {
            out.append(contentsOf: nfc)
        }
    }

    /// Where a buffer may be cut: after its last line end; inside a very long line, before its
    /// last ASCII byte that is not a letter or digit; else before its last ASCII byte.
    static func safeCut(_ p: [UInt8]) -> Int {
        if let nl = p.lastIndex(of: 0x0A) {
            // Keep a CR that may pair with an LF in the next chunk: cut after the LF only.
            return nl + 1
        }
        var fallback = 0
        var i = p.count - 1
        while i > 0 {
            let b = p[i]
            if b < 0x80 {
                let lower = b | 0x20
                let alnum = (lower >= 0x61 && lower <= 0x7A) || (b >= 0x30 && b <= 0x39)
                if !alnum && b != 0x0D { return i }
                if fallback == 0 { fallback = i }
            }
            i -= 1
        }
        return fallback
    }

    /// NFC over UTF-8, 64 KB at a time, each piece cut before an ASCII byte (a normalisation
    /// boundary). A piece whose scalars are all NFC-inert in isolation is copied as it is.
    static func appendNFC(_ input: UnsafeBufferPointer<UInt8>, to out: inout [UInt8], workspace: ICU.NFCWorkspace) {
        let piece = 1 << 16
        var start = 0
        let n = input.count
        while start < n {
            var end = min(n, start + piece)
            if end < n {
                var cut = end
                while cut > start && input[cut] >= 0x80 { cut -= 1 }
                if cut > start { end = cut } else {
                    // No ASCII byte in 64 KB: extend to the next one.
                    while end < n && input[end] >= 0x80 { end += 1 }
                }
            }
            let slice = UnsafeBufferPointer(rebasing: input[start..<end])
            if isTriviallyNFC(slice) {
                out.append(contentsOf: slice)
            } else {
                let mark = out.count
                if !Composer.compose(slice, to: &out) {
                    out.removeLast(out.count - mark)
                    ICU.appendNFC(slice, to: &out, workspace: workspace)
                }
            }
            start = end
        }
    }

    /// True when every scalar is below U+0300, in U+1E00...U+1EFF (precomposed Latin, all
    /// Vietnamese letters) or in U+2010...U+20BF (punctuation, currency): all NFC quick-check
    /// "yes" with combining class 0, and none composes with what precedes it. Checked against
    /// ICU in the tests.
    @inline(__always)
    static func isTriviallyNFC(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0xCC { i += 1; continue }   // ASCII, continuation bytes, leads of U+0080...U+02FF
            if b == 0xE1, i + 1 < n, p[i + 1] >= 0xB8, p[i + 1] <= 0xBB { i += 3; continue }
            if b == 0xE2, i + 2 < n {
                let c = p[i + 1]
                if (c == 0x80 && p[i + 2] >= 0x90) || c == 0x81 || c == 0x82 { i += 3; continue }
            }
            return false
        }
        return true
    }
}

import CLibXML2

/// libxml2's process-wide set-up. libxml2 2.9 creates its global locks and dictionary seed on
/// first use, and two threads starting their first parser at the same moment can both do it and
/// then wait on each other forever (seen as `vndoc run --jobs 2` hanging in `xmlRMutexLock`
/// under `htmlNewParserCtxt`). Every reader calls `ready()` before it creates a parser: the
/// set-up runs exactly once, and any other thread waits until it is done.
public enum LibXML2 {
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    @inline(__always)
    public static func ready() {
        _ = initialized
    }
}

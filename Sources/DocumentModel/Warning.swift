/// A non-fatal finding: the document is still produced, and the warning says what to check.
public struct Warning: Sendable, Equatable {
    /// The stage that raised it, e.g. "read".
    public var stage: String
    /// A stable, machine-readable code, e.g. "decoded-windows-1258".
    public var code: String
    /// A sentence a person can act on.
    public var message: String

    public init(stage: String, code: String, message: String) {
        self.stage = stage
        self.code = code
        self.message = message
    }
}

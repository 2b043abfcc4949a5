/// Collects what a reader's run hook was called with (the hook runs synchronously inside the
/// read), for the Word 97 and RTF reader tests.
public final class RunRecorder: @unchecked Sendable {
    public struct Call: Equatable, Sendable {
        public var text: String
        public var font: String?
        public var eightBit: Bool

        public init(text: String, font: String?, eightBit: Bool) {
            self.text = text
            self.font = font
            self.eightBit = eightBit
        }
    }

    public private(set) var calls: [Call] = []

    public init() {}

    public func record(_ text: String, _ font: String?, _ eightBit: Bool) {
        calls.append(Call(text: text, font: font, eightBit: eightBit))
    }
}

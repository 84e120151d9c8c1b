/// Why a document could not be rendered, in words a person can act on.
public struct RenderError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}

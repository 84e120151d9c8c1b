import Foundation
import YusuanModel

/// The whole model as JSON (see `JSONOutput`).
public struct JSONRenderer: Renderer {
    public init() {}
    public var name: String { "json" }
    public var fileExtension: String { "json" }
    public var isBinary: Bool { false }
    public func render(_ disclosure: Disclosure) throws -> Data {
        Data(try JSONOutput.render([(name: "", disclosure: disclosure)]).utf8)
    }
}

import Foundation
import YusuanModel

/// The tidy `table,row,column,value` records (see `Cells`).
public struct CellsRenderer: Renderer {
    public init() {}
    public var name: String { "cells" }
    public var fileExtension: String { "csv" }
    public var isBinary: Bool { false }
    public func render(_ disclosure: Disclosure) throws -> Data {
        Data(Cells.csv([(name: "", disclosure: disclosure)]).utf8)
    }
}

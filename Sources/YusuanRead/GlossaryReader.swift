import YusuanModel

/// 名词解释 — reads 第四部分 and the signature block that ends the document.
enum GlossaryReader {
    static func read(_ lines: ArraySlice<SourceLine>) -> ([GlossaryEntry], Signature?) {
        ([], nil)
    }
}

import YusuanModel

/// 公开表 — reads the standard tables.
struct TableReader {
    let lines: [SourceLine]
    let form: SourceText.Form
    let layout: Layout
    var year = 0
    var unit = "万元"
    var entityWord = "部门"

    init(lines: [SourceLine], form: SourceText.Form, layout: Layout) {
        self.lines = lines
        self.form = form
        self.layout = layout
    }

    mutating func read() -> ([BudgetTable], [Ambiguity]) {
        ([], [])
    }
}

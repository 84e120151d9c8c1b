import Foundation

/// 提示语 — the command line's own messages (errors, help abstracts, progress),
/// each in English and Chinese. Chinese is chosen when the locale is Chinese: the
/// first of `LC_ALL`, `LC_MESSAGES` and `LANG` that is set (and not empty) starts
/// with `zh`. Messages of the libraries (a reader's or a workbook's problems) are
/// theirs, in English.
///
/// ```swift
/// Message.noSuchFile.text     // "no such file", or "没有这个文件" under LANG=zh_CN.UTF-8
/// ```
enum Message {
    // Help
    case yusuanAbstract, readAbstract, auditAbstract, rulesAbstract, renderAbstract, composeAbstract, templateAbstract
    case importAbstract, queryAbstract, serveAbstract, reauditAbstract
    case helpDatabase, helpImportPaths, helpRegion, helpLevel, helpJobs
    case helpTo(formats: [String], default: String?)
    case helpOutput, helpColor, helpFailOn, helpAnnotate, helpSeverity, helpRules, helpStrict, helpInputFormat
    case helpDocuments, helpDocument, helpWorkbook
    // Inputs
    case rulesFileLine(String, Int, String)
    case noSuchFile, cannotBeRead, permissionDenied, isFolder
    case standardInputUnreadable(String)
    // Formats
    case unknownFormat(String, [String])
    case twoFormats(String, String)
    case binaryNeedsOutput(format: String, fileExtension: String)
    case extensionMismatch(format: String, output: String, wants: [String], named: String)
    case formatNeeded(output: String?, formats: [String])
    // Writing
    case cannotBeWritten(String)
    case noSuchFolder(String)
    case diskFull, quotaExceeded, readOnly, isSymbolicLink
    case cannotRender(format: String, reason: String)
    // Audit
    case annotateOneFile, annotateNeedsPDF(String), annotateNoFolder(String, String), annotateFolderNotWritable(String, String)
    case withoutPictures(String)
    case missingReason(field: String, figure: String)
    // Progress
    case reading(Int, Int, String), printingPDF, seconds(Int)
    case importing(done: Int, total: Int, rate: Double, left: Int?)
    case imported(added: Int, stored: Int, failed: Int, seconds: Double)
    case reaudited(Int)

    /// The message in the user's language.
    var text: String { Language.chinese ? texts.zh : texts.en }

    var texts: (en: String, zh: String) {
        switch self {
        case .yusuanAbstract:
            ("Read, audit, render and compose Chinese department budget disclosures (部门预算公开).",
             "读取、审核、输出和编制部门预算公开文件。")
        case .readAbstract: ("Read published disclosures and print them.", "读取预算公开文件并输出。")
        case .auditAbstract:
            ("Audit published disclosures: completeness, arithmetic, reconciliation, text against tables, …",
             "审核预算公开文件：完整性、表内运算、表间勾稽、说明与表格是否一致……")
        case .rulesAbstract: ("List the audit rules: id, family, severity, description, why that severity.", "列出审核规则：编号、类别、级别、说明、定级理由。")
        case .renderAbstract:
            ("Render a disclosure as HTML, Markdown, DOCX, XLSX, PDF, JSON or tidy cells.",
             "把预算公开文件输出为 HTML、Markdown、DOCX、XLSX、PDF、JSON 或单元格表。")
        case .composeAbstract:
            ("Compose a disclosure from a budget workbook (YAML, JSON or XLSX) and print it.",
             "由预算工作簿（YAML、JSON 或 XLSX）编制预算公开文件并输出。")
        case .templateAbstract:
            ("Write an empty budget workbook (YAML or XLSX) to fill in for `yusuan compose`.",
             "生成待填写的空白预算工作簿（YAML 或 XLSX），供 `yusuan compose` 使用。")
        case .importAbstract:
            ("Import disclosures (text, PDF, budget workbooks) into the library, each read and audited once.",
             "把预算公开文件（文本、PDF、预算工作簿）导入文库，逐份读取并审核。")
        case .queryAbstract:
            ("Ask the library: a department's years, a ranking, findings by rule, totals, the documents.",
             "查询文库：部门逐年对比、排名、按规则统计的问题、汇总、文件清单。")
        case .serveAbstract:
            ("Serve the library: the JSON API (/openapi.json) and the web workbench.", "启动文库服务：JSON 接口（/openapi.json）与网页工作台。")
        case .reauditAbstract:
            ("Audit every stored document again with this Yusuan's rules.", "用当前版本的规则重新审核文库中的全部文件。")
        case .helpDatabase:
            ("The library: a SQLite file (default yusuan.sqlite in the current folder) or postgres://user@host:port/database.",
             "文库：SQLite 文件（默认当前文件夹下的 yusuan.sqlite）或 postgres://用户@主机:端口/数据库。")
        case .helpImportPaths:
            ("Files or folders (searched recursively for .txt, .md and .pdf); workbooks (.yaml, .yml, .json, .xlsx) are composed.",
             "文件或文件夹（递归查找 .txt、.md、.pdf）；工作簿（.yaml、.yml、.json、.xlsx）先编制再导入。")
        case .helpRegion: ("The region of every document imported (by default from each department's name).", "导入文件所属地区（默认由部门名称推断）。")
        case .helpLevel: ("Its level: 省级, 市级 or 县级 (by default from the name).", "级次：省级、市级或县级（默认由名称推断）。")
        case .helpJobs: ("Documents read at once (default: the number of cores).", "同时读取的文件数（默认等于处理器核数）。")
        case .helpTo(let formats, let fallback):
            ("Output format: \(formats.joined(separator: ", ")). Without it, the extension of -o tells it"
                + (fallback.map { ", else \($0)" } ?? "") + ".",
             "输出格式：\(formats.joined(separator: "、"))。不指定时按 -o 文件的扩展名确定"
                + (fallback.map { "，否则为 \($0)" } ?? "") + "。")
        case .helpOutput:
            ("Write to this file (- for standard output) instead of standard output.",
             "写入此文件（- 表示标准输出），不指定则写到标准输出。")
        case .helpColor:
            ("Colour the severities: auto (on a terminal, unless NO_COLOR is set), always or never.",
             "按级别着色：auto（终端上着色，设置了 NO_COLOR 时不着色）、always 或 never。")
        case .helpFailOn:
            ("Exit with status 2 when a finding of this severity or worse is found: error, warning or never.",
             "发现此级别或更严重的问题时以状态 2 退出：error、warning 或 never。")
        case .helpAnnotate:
            ("Also write the PDF with each finding boxed in red and numbered on its page, and the numbered findings "
                + "listed on pages appended (one PDF input only; needs qpdf, poppler-utils and chromium).",
             "另写一份 PDF：每个问题在其页面上以红框标出并编号，编号的问题清单附在文末（仅限一个 PDF 输入；"
                + "需要 qpdf、poppler-utils 和 chromium）。")
        case .helpRules:
            ("Read rule levels from a file: one RULE=LEVEL a line, # starts a comment; --severity wins over it.",
             "从文件读取规则级别：每行一条 规则=级别，# 起为注释；--severity 优先于文件。")
        case .helpSeverity:
            ("Report a rule at this level for this run: RULE=LEVEL, LEVEL error, warning or info (repeatable; "
                + "yusuan rules lists the defaults).",
             "本次审核中按此级别报告某规则：规则=级别，级别为 error、warning 或 info（可重复；默认级别见 yusuan rules）。")
        case .helpStrict:
            ("Refuse to compose while a change on the previous year has no reason.", "与上年相比的增减尚未说明原因时不予编制。")
        case .helpInputFormat:
            ("The workbook's format: yaml, json or xlsx (by default from its extension, or for - from its bytes).",
             "工作簿格式：yaml、json 或 xlsx（默认按扩展名判断，标准输入按内容判断）。")
        case .helpDocuments:
            ("Documents or folders of documents (- for standard input).", "文件或文件夹（- 表示标准输入）。")
        case .helpDocument: ("The document (- for standard input).", "文件（- 表示标准输入）。")
        case .helpWorkbook:
            ("The budget workbook (.yaml, .yml, .json or .xlsx; - for standard input).",
             "预算工作簿（.yaml、.yml、.json 或 .xlsx；- 表示标准输入）。")
        case .noSuchFile: ("no such file", "没有这个文件")
        case .cannotBeRead: ("cannot be read", "无法读取")
        case .permissionDenied: ("permission denied", "没有权限")
        case .isFolder: ("is a folder", "是文件夹")
        case .standardInputUnreadable(let reason): ("standard input cannot be read: \(reason)", "无法读取标准输入：\(reason)")
        case .unknownFormat(let name, let formats):
            ("unknown format '\(name)'; use one of \(formats.joined(separator: ", "))",
             "未知格式“\(name)”；可用：\(formats.joined(separator: "、"))")
        case .twoFormats(let a, let b):
            ("--to \(a) and --format \(b) name two formats; give one", "--to \(a) 与 --format \(b) 指定了两种格式，请只给一种")
        case .binaryNeedsOutput(let format, let ext):
            ("--to \(format) writes a binary file: give it with -o FILE.\(ext) (or -o - for standard output)",
             "--to \(format) 生成二进制文件：请用 -o 文件名.\(ext) 指定（或用 -o - 写到标准输出）")
        case .extensionMismatch(let format, let output, let wants, let named):
            ("--to \(format) writes .\(wants.joined(separator: " or .")) files, but -o \(output) names a .\(named) file; "
                + "give -o with .\(wants[0]), or the --to of .\(named)",
             "--to \(format) 生成 .\(wants.joined(separator: " 或 .")) 文件，而 -o \(output) 是 .\(named) 文件；"
                + "请把 -o 改为 .\(wants[0])，或改用 .\(named) 对应的 --to")
        case .formatNeeded(let output, let formats):
            (output.map { "-o \($0): its extension names no format; give --to (one of \(formats.joined(separator: ", ")))" }
                ?? "give the output format with --to (one of \(formats.joined(separator: ", "))) or by the extension of -o",
             output.map { "-o \($0)：无法从扩展名判断格式；请用 --to 指定（\(formats.joined(separator: "、"))）" }
                ?? "请用 --to 指定输出格式（\(formats.joined(separator: "、"))），或给出带扩展名的 -o")
        case .cannotBeWritten(let reason): ("cannot be written: \(reason)", "无法写入：\(reason)")
        case .noSuchFolder(let folder): ("there is no folder \(folder)", "没有文件夹 \(folder)")
        case .diskFull: ("the disk is full", "磁盘已满")
        case .quotaExceeded: ("the disk quota is exceeded", "超出磁盘配额")
        case .readOnly: ("the file system is read-only", "文件系统只读")
        case .isSymbolicLink:
            ("it is a symbolic link, which Yusuan does not write through (remove it, or name the file it points to)",
             "它是符号链接，Yusuan 不经由链接写入（请删除该链接，或直接写明它指向的文件）")
        case .cannotRender(let format, let reason): ("cannot render \(format): \(reason)", "无法输出为 \(format)：\(reason)")
        case .rulesFileLine(let path, let line, let reason):
            ("\(path):\(line): \(reason)", "\(path) 第 \(line) 行：\(reason)")
        case .annotateOneFile:
            ("--annotate writes one annotated PDF: give exactly one PDF to audit", "--annotate 只生成一份批注 PDF：请只给一个 PDF 文件")
        case .annotateNeedsPDF(let path):
            ("\(path): --annotate needs a PDF input; this file is not a PDF (a text input can be audited without it)",
             "\(path)：--annotate 需要 PDF 输入；此文件不是 PDF（文本输入可不带 --annotate 审核）")
        case .annotateNoFolder(let output, let folder):
            ("--annotate \(output): cannot be written: there is no folder \(folder)",
             "--annotate \(output)：无法写入：没有文件夹 \(folder)")
        case .annotateFolderNotWritable(let output, let folder):
            ("--annotate \(output): cannot be written: the folder \(folder) is not writable",
             "--annotate \(output)：无法写入：文件夹 \(folder) 不可写")
        case .missingReason(let field, let figure):
            ("warning: \(field): \(figure) differs from this year and the change has no reason; the explanation prints 【待填写原因】",
             "警告：\(field)：\(figure) 与本年不同，变动未填写原因；情况说明中印为【待填写原因】")
        case .withoutPictures(let reason):
            ("the report is written without page pictures: \(reason)", "报告不含页面截图：\(reason)")
        case .reading(let n, let total, let name): ("[\(n)/\(total)] reading \(name)", "[\(n)/\(total)] 正在读取 \(name)")
        case .printingPDF: ("printing the PDF with Chromium", "正在用 Chromium 生成 PDF")
        case .seconds(let s): ("\(s) s", "\(s) 秒")
        case .importing(let done, let total, let rate, let left):
            ("[\(done)/\(total)] \(String(format: "%.1f", rate)) documents/s" + (left.map { " · about \($0) s left" } ?? ""),
             "[\(done)/\(total)] 每秒 \(String(format: "%.1f", rate)) 份" + (left.map { " · 约剩 \($0) 秒" } ?? ""))
        case .imported(let added, let stored, let failed, let seconds):
            ("imported \(added), already in the library \(stored), failed \(failed) (\(String(format: "%.1f", seconds)) s)",
             "新导入 \(added) 份，已在文库 \(stored) 份，失败 \(failed) 份（\(String(format: "%.1f", seconds)) 秒）")
        case .reaudited(let n): ("audited \(n) documents again", "已重新审核 \(n) 份文件")
        }
    }
}

/// 语言 — whether the user's locale is Chinese.
enum Language {
    static let chinese: Bool = isChinese(ProcessInfo.processInfo.environment)

    /// The first of LC_ALL, LC_MESSAGES and LANG that is set and not empty decides, as in POSIX.
    static func isChinese(_ environment: [String: String]) -> Bool {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty { return value.lowercased().hasPrefix("zh") }
        }
        return false
    }
}

import Foundation
import Yams

/// 空白工作簿 — the empty workbook `yusuan template` writes: every field named and
/// explained in Chinese and English. Loaded as it is, it fails only with "fill in"
/// problems (the department's name and year).
public enum WorkbookTemplate {
    /// The YAML template. Its comments are also the notes of the XLSX template.
    public static let yaml = #"""
    # 部门预算编制工作簿 — budget workbook for `yusuan compose`
    #
    # 填写说明 How to fill in:
    # 金额单位为万元，写成普通数字，最多四位小数（如 1297.28）。Amounts are in 万元 (10,000 yuan): plain exact decimals, at most four places.
    # 空着的字段表示未填；注明“必填”的字段必须填写。A blank field is not given; fields marked 必填 (required) must be filled in.
    # 键名是英文字段名，请勿改动；中文含义见每行注释。Keys are the English field names: keep them; each comment says what the field is.
    # 填好后检查并编制公开表：yusuan compose 本文件 --to summary。Check and compose with: yusuan compose THIS-FILE --to summary

    # 一、部门 department
    department:
      name:                  # 必填。部门（单位）名称，如“某某县医疗保障局” — required: the department's name
      year:                  # 必填。预算年度，如 2025 — required: the budget year
      unitType:              # 单位性质：行政、参公或事业（空着为行政）— 行政, 参公 or 事业 (blank: 行政)
      region:                # 所属地区（可不填）— region (optional)

    # 二、部门概况 overview — 公开文件第一部分 (part one of the document)
    overview:
      functions:             # 主要职能，一段文字；较长时可写成 “functions: |” 后换行缩进书写 — the department's functions, one paragraph
      subordinateUnits: []   # 下属预算单位名称列表，没有就保留 [] — names of subordinate budget units ([] for none)
      subordinateUnitCount:  # 下属预算单位个数（空着按名单个数计）— number of subordinate units (blank: as listed)
      offices:
        word:                # 内设机构的称谓：股室、科室或处室 — what the internal offices are called
        count:               # 内设机构个数（空着按名单个数计）— number of offices (blank: as listed)
        names: []            # 内设机构名称列表，如 [综合股, 基金监管股] — the offices' names
      staffing:              # 人员情况（不填则整段留空）— staffing (leave the whole part blank if not given)
        authorized:          # 编制数 — authorized posts
        actual:              # 实有人数 — people employed
        active:              # 在职人员 — in service
          count:             # 人数 — head count
          change:            # 比上年增减，减少写负数 — change on last year (negative for a decrease)
        retired:             # 退休人员 — retired
          count:             # 人数 — head count
          change:            # 比上年增减 — change on last year
        honorablyRetired:    # 离休人员 — retired veteran cadres (离休)
          count:             # 人数 — head count
          change:            # 比上年增减 — change on last year

    # 三、收入 income — 本年收入按来源（万元），须等于支出明细中该来源各笔之和；上年结转由结转来源的支出明细合计得出
    income:
      general:               # 一般公共预算（一般财力）— general public budget, own revenue
      generalTransfer:       # 上级一般公共预算安排转移支付 — transfers from the general budget above
      fund:                  # 政府性基金收入 — government funds
      fundTransfer:          # 上级政府性基金安排转移支付 — fund transfers from above
      capital:               # 国有资本经营收入 — state capital operations
      capitalTransfer:       # 上级国有资本经营预算安排转移支付 — state capital transfers from above
      specialAccount:        # 财政专户核拨 — special fiscal account
      unitFunds:             # 单位资金 — the unit's own funds

    # 四、支出明细 items — 每笔支出一行 (one line item each), 字段 fields:
    #   function 功能分类项级科目编码，7 位，如 2101501（行政运行）— functional 项 code, 7 digits
    #   economic 经济分类款级科目编码，5 位，如 30101（基本工资）— economic 款 code, 5 digits
    #   source   资金来源 — source of funds: general 一般公共预算 | generalTransfer 上级一般公共预算转移支付 | fund 政府性基金 |
    #            fundTransfer 上级政府性基金转移支付 | capital 国有资本经营 | capitalTransfer 上级国有资本经营转移支付 |
    #            specialAccount 财政专户 | unitFunds 单位资金 | carryOverGeneral 一般公共预算结转 | carryOverFund 政府性基金结转 |
    #            carryOverCapital 国有资本经营结转 | carryOverOther 非财政拨款结转结余
    #   kind     支出类型 — personnel 人员经费 | publicUse 公用经费 | project 项目支出
    #   project  项目名称（项目支出必填；结转资金可写结转事项名称）— project name (required for project items)
    #   amount   金额（万元）— amount in 万元
    # 也可以从文件读入 — or read them from a file (path relative to this workbook):
    #   items: {csv: items.csv}     表头 header: function,economic,source,kind,project,amount
    #   items: {xlsx: budget.xlsx}  名为 items 或“支出明细”的工作表 — the sheet named items (or 支出明细)
    # 例 e.g.:
    #   - {function: 2101501, economic: 30101, source: general, kind: personnel, amount: 52.80}
    #   - {function: 2101202, economic: 31302, source: general, kind: project, project: 城乡居民医保县级补助, amount: 600}
    items: []

    # 五、科目名称 names — 用到的每个功能分类（类、款、项）和经济分类（类、款）编码的名称
    #   names of every functional (类 款 项) and economic (类 款) code used, e.g.
    #   2101501: 行政运行    21015: 医疗保障管理事务    30101: 基本工资    301: 工资福利支出
    names: {}

    # 六、上年数 previousYear — 上年预算数（万元），情况说明据此写增减 (last year's budget, for the comparisons)
    previousYear:
      sources:               # 上年各来源收入，键名同 income，结转写 carryOverGeneral 等 — last year's income by source
        general:             # 一般公共预算 — general public budget
        generalTransfer:     # 上级一般公共预算安排转移支付 — transfers from above
        carryOverGeneral:    # 一般公共预算结转 — carried over
      basic:                 # 上年基本支出 — last year's basic spending
      project:               # 上年项目支出 — last year's project spending
      generalPublicBasic:    # 上年一般公共预算当年拨款基本支出（有结转等时填写）— last year's general-public basic spending
      generalPublicProject:  # 上年一般公共预算当年拨款项目支出 — last year's general-public project spending
      items: {}              # 上年各功能分类项，如 2101501: 120.50 — last year's amount of each functional 项
      threePublic:           # 上年财政拨款“三公”经费 — last year's 三公 spending
        abroad:              # 因公出国（境）费 — travel abroad
        reception:           # 公务接待费 — official reception
        vehiclePurchase:     # 公务用车购置费 — vehicle purchase
        vehicleOperation:    # 公务用车运行费 — vehicle operation
      operatingCost:         # 上年机关运行经费 — last year's operating cost

    # 七、增减原因 reasons — 与上年比有增减的，写明主要原因 (the reason for each change on last year); 键名 keys:
    #   source.general 等各收入来源（结转合写 source.carryOver）、basic、project、item.2101501（各项）、
    #   threePublic.reception 等“三公”各项、operatingCost
    reasons:
      source.general:        # 一般公共预算收入增减原因 — why general public income changed
      source.generalTransfer: # 上级转移支付增减原因 — why transfers changed
      basic:                 # 基本支出增减原因 — why basic spending changed
      project:               # 项目支出增减原因 — why project spending changed
      operatingCost:         # 机关运行经费增减原因 — why the operating cost changed

    # 八、项目 projects — 每个项目的说明和绩效目标，项目名称须与支出明细一致 (each project's description and targets)
    projects:
      - name:                # 项目名称（同支出明细）— the project's name, as in the items
        policyBasis:         # 设立的政策依据 — policy basis
        undertakingUnit:     # 项目承担单位（空着为本部门）— undertaking unit (blank: the department)
        allocation:          # 资金分配情况 — how the money is allocated
        period:              # 资金执行时间，如“2025 年 1 月-2025 年 12 月” — when the money is spent
        owner:               # 项目负责人 — person responsible
        goal:                # 项目总体目标 — overall goal
        fields:              # 其他说明事项（可不填）— further labelled facts (optional)
          - label:           # 事项名称，如 补助标准 — label
            text:            # 内容，如 每人每年 30 元 — text
        indicators:          # 绩效指标，每个指标一项 — performance indicators, one each
          - level1:          # 一级指标：产出指标、效益指标、满意度指标 — level-1 indicator
            level2:          # 二级指标：数量指标、质量指标、时效指标、成本指标等 — level-2 indicator
            name:            # 三级指标名称 — the indicator
            target:          # 指标值，如 >=95%、<=180元/人、2025年11月30日前、有效减轻 — target value
            basis:           # 指标值设置依据 — basis of the target
            lastYear:        # 上年完成值 — last year's result
            weight:          # 指标分值权重 — weight
            scoringRule:     # 指标赋分规则 — scoring rule
            evidence:        # 佐证资料 — evidence

    # 九、部门整体绩效目标 departmentPerformance — 资金由支出明细计算 (funds are computed from the items)
    departmentPerformance:
      contact:               # 联系人 — contact person
      phone:                 # 联系电话 — phone
      annualGoal:            # 年度绩效目标（填写本段时必填）— the year's goal (required once this part is used)
      indicators:            # 绩效指标，字段同项目 — indicators, fields as for projects
        - level1:            # 一级指标，如 履职效能、管理效率 — level-1 indicator
          level2:            # 二级指标 — level-2 indicator
          name:              # 三级指标名称 — the indicator
          target:            # 指标值 — target value
          basis:             # 指标设定依据 — basis of the target
          weight:            # 分值权重 — weight

    # 十、政府采购 procurement（万元；没有政府采购则整段留空）
    procurement:
      total:                 # 政府采购预算合计（填写本段时必填）— procurement budget in all
      goods:                 # 货物 — goods
      works:                 # 工程 — works
      services:              # 服务 — services
      reservedForSMEs:       # 面向中小企业预留 — reserved for small and medium enterprises
      reservedForSmallAndMicro: # 其中小微企业预留 — of which for small and micro enterprises

    # 十一、国有资产占用使用情况 assets
    assets:
      asOfYear:              # 截至年度（一般为上年）— as of the end of this year
      buildingArea:          # 房屋面积（平方米）— floor area in m²
      buildingValue:         # 房屋价值（万元）— value of the buildings
      vehicles:              # 车辆：第一项为车辆合计，其后为各类 — vehicles: all first, then each kind
        - kind:              # 类别，如 车辆、一般公务用车、执法执勤用车、其他车辆 — kind
          count:             # 辆数 — count
          value:             # 价值（万元）— value
      furnitureValue:        # 办公家具价值（万元）— office furniture
      otherAssetsValue:      # 其他资产价值（万元）— other assets
      equipmentOver50:       # 单位价值 50 万元以上大型设备（台）— equipment worth over 500,000 yuan each
      equipmentOver100:      # 单位价值 100 万元以上大型设备（台）— equipment worth over 1,000,000 yuan each
      plannedVehicles:       # 本年安排购置车辆（辆），未安排留空 — vehicles to buy this year (blank: none planned)
      plannedEquipmentOver50:  # 本年安排购置 50 万元以上设备（台）— equipment over 500,000 yuan to buy
      plannedEquipmentOver100: # 本年安排购置 100 万元以上设备（台）— equipment over 1,000,000 yuan to buy

    # 十二、落款 signature
    signatureDate:           # 落款日期，YYYY-MM-DD，如 2025-02-10 — the date under the document

    """#

    // MARK: XLSX

    /// The XLSX template: a 说明 readme sheet, a field sheet per part (部门, 收入,
    /// 科目名称, 上年数, 原因, 项目) with columns 字段 field / 值 value / 说明 notes, and the
    /// 支出明细 items table with its header row and a notes column. Its rows are the
    /// fields of the YAML template, its notes that template's comments.
    public static func xlsx() throws -> Data {
        let fields = templateFields()
        func note(_ text: String) -> [XLSXFile.Value] { [.text("# " + text), .empty, .empty] }
        func sheetRows(_ spec: WorkbookSheets.Spec) -> [[XLSXFile.Value]] {
            var rows: [[XLSXFile.Value]] = [[.text("字段 field"), .text("值 value"), .text("说明 notes")]]
            for f in fields {
                let rest: [String]
                if spec.root.isEmpty {
                    // The department sheet holds every part that has no sheet of its own.
                    guard let top = f.path.first, top != "items",
                          !WorkbookSheets.fieldSheets.contains(where: { $0.root.first == top }) else { continue }
                    rest = f.path
                } else {
                    guard f.path.starts(with: spec.root) else { continue }
                    rest = Array(f.path.dropFirst(spec.root.count))
                }
                rows += (f.section ?? []).map(note)
                let key = rest.joined(separator: ".")
                if f.container {
                    if !f.note.isEmpty && !rest.isEmpty { rows.append(note("\(key): \(f.note)")) }
                } else if !rest.isEmpty {
                    rows.append([.text(key), .empty, f.note.isEmpty ? .empty : .text(f.note)])
                }
            }
            return rows
        }
        var sheets = [XLSXFile.SheetData(name: WorkbookSheets.readme, rows: readme(), columnWidths: [120], header: true)]
        for spec in WorkbookSheets.fieldSheets {
            sheets.append(XLSXFile.SheetData(name: spec.name, rows: sheetRows(spec), columnWidths: [34, 40, 70],
                                         header: true, textColumns: [2]))
        }
        sheets.insert(WorkbookSheets.itemsSheet([]), at: 3)
        return try XLSXFile.write(sheets)
    }

    static func readme() -> [[XLSXFile.Value]] {
        var rows: [[XLSXFile.Value]] = [[.text("部门预算编制工作簿 — budget workbook for yusuan compose")]]
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for line in lines.dropFirst() {
            guard line.hasPrefix("#") else { break }
            let text = line.dropFirst().trimmingCharacters(in: .whitespaces)
            if !text.isEmpty { rows.append([.text(text)]) }
        }
        rows += [
            [.text("各工作表 The sheets:")],
            [.text("部门 department：部门、概况、部门整体绩效、政府采购、国有资产和落款日期；字段为路径，列表项用序号，如 overview.offices.names.1 — fields are paths; list entries are numbered")],
            [.text("收入 income：各来源本年收入；字段为来源名（general、generalTransfer 等）— this year's income by source")],
            [.text("支出明细 items：每行一笔支出，列 function, economic, source, kind, project, amount；notes 列不读入 — one line item a row")],
            [.text("科目名称 names：字段为编码（如 2101501），值为名称 — a code and its name each row")],
            [.text("上年数 previousYear：上年预算数，如 basic、sources.general、items.2101501、threePublic.reception — last year's figures")],
            [.text("原因 reasons：字段为原因键（如 basic、item.2101501），值为原因 — the reason for each change")],
            [.text("项目 projects：字段以项目序号开头，如 1.name、1.indicators.2.target — each project's description and indicators")],
            [.text("资金来源 sources: general, generalTransfer, fund, fundTransfer, capital, capitalTransfer, specialAccount, unitFunds, carryOverGeneral, carryOverFund, carryOverCapital, carryOverOther")],
            [.text("支出类型 kinds: personnel 人员经费, publicUse 公用经费, project 项目支出")],
            [.text("以 # 开头的字段行是说明，不读入 — rows whose field starts with # are notes")],
        ]
        return rows
    }

    /// A field of the YAML template: its path (list entries numbered from 1), its
    /// note (the line's comment), whether it holds other fields, and for a top-level
    /// part the comment lines above it.
    struct Field {
        var path: [String]
        var note: String
        var container: Bool
        var section: [String]?
    }

    /// The template's fields in order, from its node tree and comments.
    static func templateFields() -> [Field] {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func comment(_ line: Int?) -> String {
            guard let line, line >= 1, line <= lines.count, let hash = lines[line - 1].range(of: "# ") else { return "" }
            return String(lines[line - 1][hash.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        /// The comment block just above a top-level key.
        func section(_ line: Int?) -> [String]? {
            guard var above = line.map({ $0 - 2 }) else { return nil }
            var block: [String] = []
            while above >= 0, lines[above].hasPrefix("#") {
                block.insert(lines[above].dropFirst().trimmingCharacters(in: .whitespaces), at: 0)
                above -= 1
            }
            return block.isEmpty ? nil : block
        }
        guard let root = try? Yams.compose(yaml: yaml), case .mapping(let top) = root else { return [] }
        var fields: [Field] = []
        func walk(_ node: Node, _ path: [String], line: Int?) {
            let title = path.count == 1 ? section(line) : nil
            switch node {
            case .mapping(let m) where !m.isEmpty:
                fields.append(Field(path: path, note: comment(line), container: true, section: title))
                for (k, v) in m { walk(v, path + [k.scalar?.string ?? ""], line: k.mark?.line) }
            case .sequence(let s) where !s.isEmpty:
                fields.append(Field(path: path, note: comment(line), container: true, section: title))
                walk(s[0], path + ["1"], line: nil)
            case .sequence:
                fields.append(Field(path: path + ["1"], note: comment(line), container: false, section: title))
            case .mapping:
                fields.append(Field(path: path, note: comment(line), container: true, section: title))
            case .scalar:
                fields.append(Field(path: path, note: comment(line), container: false, section: title))
            }
        }
        for (k, v) in top { walk(v, [k.scalar?.string ?? ""], line: k.mark?.line) }
        return fields
    }
}

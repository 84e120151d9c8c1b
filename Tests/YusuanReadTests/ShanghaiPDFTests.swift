import Foundation
import Testing
@testable import YusuanRead
import YusuanModel
import YusuanTools

/// The four Shanghai disclosures in `../shared/pdf`, read through poppler.
enum ShanghaiPDFs {
    static let directory: URL = Seeds.directory.deletingLastPathComponent().appendingPathComponent("pdf")
    static let available = FileManager.default.fileExists(atPath: directory.path)
    static let pdftotext = PDFSource.isAvailable

    nonisolated(unsafe) private static var cache: [String: (SourceDocument, Disclosure)] = [:]
    private static let lock = NSLock()

    /// The document whose file name contains `name`, read once per test process.
    static func read(_ name: String) throws -> (source: SourceDocument, disclosure: Disclosure) {
        lock.lock()
        defer { lock.unlock() }
        if let cached = cache[name] { return cached }
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .first { $0.contains(name) && $0.hasSuffix(".pdf") })
        let source = try PDFSource.load(contentsOf: directory.appendingPathComponent(file).path)
        let result = (source, try DisclosureReader.read(source))
        cache[name] = result
        return result
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips a test where `../shared/pdf` or poppler's pdftotext is absent.
    static var shanghaiPDFs: ConditionTrait {
        .enabled(if: ShanghaiPDFs.available && ShanghaiPDFs.pdftotext,
                 "../shared/pdf or pdftotext (poppler-utils) is absent: the Shanghai PDFs cannot be read")
    }
}

/// A printed amount in 元, as the cell holds it (万元).
private func yuan(_ printed: String) -> Amount? { Amount(printed)?.inWan(from: .yuan) }

@Suite(.shanghaiPDFs) struct ShanghaiPDFTests {
    @Test func everyTableOfTheTemplateIsFoundAndMapped() throws {
        for name in ["justice", "commerce", "government-office", "wanli"] {
            let d = try ShanghaiPDFs.read(name).disclosure
            #expect(d.template == "shanghai", "\(name)")
            #expect(d.tables.map(\.kind) == [.overall, .income, .expenditure, .fiscalAppropriation, .generalPublic,
                                             .governmentFund, .stateCapital, .basicByEconomicClass, .threePublicCosts], "\(name)")
            #expect(d.status(of: .projects) == .notInTemplate && d.status(of: .carryOver) == .notInTemplate)
            #expect(d.status(of: .governmentFund) == .publishedEmpty && d.status(of: .stateCapital) == .publishedEmpty)
            #expect(d.table(.governmentFund)?.emptyStatement?.value.contains("空表") == true)
            #expect(d.tables.filter { $0.kind != .threePublicCosts }.allSatisfy { $0.printedUnit == .yuan })
            #expect(d.table(.threePublicCosts)?.printedUnit == .wan)
            #expect(d.ambiguities.isEmpty, "\(name): \(d.ambiguities.map(\.message))")
        }
    }

    /// 段落 from the page: the glossary's eight terms wrap over sixteen printed lines
    /// and come back as eight paragraphs, each opening with its number; the
    /// functions list keeps its points apart.
    @Test func paragraphsAreThePrintedOnes() throws {
        for name in ["justice", "commerce", "government-office"] {
            let d = try ShanghaiPDFs.read(name).disclosure
            let glossary = try #require(d.sections.first { $0.title == "名词解释" }, "\(name)")
            #expect(glossary.paragraphs.map { $0.prefix(3) } == ["（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）"],
                    "\(name)")
            #expect(glossary.lines.count > glossary.paragraphs.count, "\(name): lines wrap")
        }
        let functions = try #require(ShanghaiPDFs.read("government-office").disclosure.sections.first)
        #expect(functions.paragraphs.filter { $0.first?.isNumber == true }.count == 14)
    }

    @Test func justiceBureau2026() throws {
        let d = try ShanghaiPDFs.read("justice").disclosure
        #expect(d.department == "上海市普陀区司法局" && d.year == 2026 && d.entityWord == "单位")
        let t1 = try #require(d.table(.overall))
        #expect(t1[.incomeTotal, .budgeted] == yuan("86,959,408.34"))
        #expect(t1[.expenditureTotal, .budgeted] == yuan("86,959,408.34"))
        #expect(t1[.expenditureTotal, .basicPersonnel] == yuan("20,374,181"))
        #expect(t1[.expenditureTotal, .basicPublicUse] == yuan("1,744,680"))
        #expect(t1[.expenditureTotal, .project] == yuan("64,840,547"))
        #expect(t1[.code("204"), .budgeted] == yuan("79,189,400.34"))
        #expect(t1[.code("204"), .basicPersonnel] == yuan("12,604,173"))
        #expect(t1[.code("208"), .budgeted] == yuan("2,925,857.00"))
        #expect(t1[.code("210"), .budgeted] == yuan("982,692.00"))
        #expect(t1[.code("221"), .budgeted] == yuan("3,861,459.00"))
        #expect(t1[.appropriationIncome, .budgeted] == yuan("86,959,408.34"))
        #expect(t1[RowKey.appropriationIncome.child("一般公共预算"), .budgeted] == yuan("86,959,408.34"))
        #expect(t1[.operatingRevenue, .budgeted] == .zero)
        // The income cell comes before the expenditure cell of the same printed line.
        #expect(t1.rows.prefix(4).map(\.key) == [.appropriationIncome, .code("204"),
                                                  RowKey.appropriationIncome.child("一般公共预算"), .code("208")])

        let t2 = try #require(d.table(.income))
        #expect(t2.columns == [.grandTotal, .appropriationSubtotal, .operatingRevenue, .businessRevenue, .otherRevenue])
        #expect(t2[.grandTotal, .grandTotal] == yuan("86,959,408.34"))
        #expect(t2[.grandTotal, .appropriationSubtotal] == yuan("86,959,408.34"))
        #expect(t2[.grandTotal, .otherRevenue] == .zero)
        #expect(t2.rows.last?.key == .grandTotal)
        for (code, printed) in [("204", "79,189,400.34"), ("208", "2,925,857.00"), ("210", "982,692.00"), ("221", "3,861,459.00"),
                                ("2040601", "14,348,853.34"), ("2040699", "38,454,900.00"), ("2080599", "6,160.00"),
                                ("2210203", "2,070,000.00")] {
            #expect(t2[.code(code), .grandTotal] == yuan(printed), "表2 \(code)")
        }
        #expect(t2.row(.code("2080505"))?.name == "机关事业单位基本养老保险缴费支出")

        let t3 = try #require(d.table(.expenditure))
        #expect(t3[.grandTotal, .total] == yuan("86,959,408.34"))
        #expect(t3[.grandTotal, .basic] == yuan("22,118,861"))
        #expect(t3[.grandTotal, .project] == yuan("64,840,547.00"))
        // Printed as it stands: 行政运行 shows the whole 项目支出 of its 类 (an error the audit reports).
        #expect(t3[.code("2040601"), .project] == yuan("64,840,547.00"))
        #expect(t3[.code("2210203"), .project] == .zero)

        // Table 5 runs over two pages; its header is printed again on the second.
        let t5 = try #require(d.table(.generalPublic))
        #expect(t5.rows.count == 22)
        #expect(t5[.code("210"), .total] == yuan("982,692.00"))
        #expect(t5[.code("2101101"), .basic] == yuan("982,692.00"))
        #expect(t5[.grandTotal, .basic] == yuan("22,118,861"))
        #expect(t5.row(.code("210"))?.source?.page != t5.row(.code("204"))?.source?.page)

        let t4 = try #require(d.table(.fiscalAppropriation))
        #expect(t4[.appropriationGeneralPublic, .total] == yuan("86,959,408.34"))
        #expect(t4[.appropriationGovernmentFund, .total] == .zero)
        #expect(t4[.expenditureTotal, .generalPublic] == yuan("86,959,408.34"))
        #expect(t4[.code("221"), .generalPublic] == yuan("3,861,459.00"))
        #expect(t4[.incomeTotal, .total] == yuan("86,959,408.34"))

        let t6 = try #require(d.table(.basicByEconomicClass))
        #expect(t6[.grandTotal, .total] == yuan("22,118,861.34"))
        #expect(t6[.grandTotal, .personnel] == yuan("20,272,981.00"))
        #expect(t6[.grandTotal, .publicUse] == yuan("1,845,880.34"))
        for (code, printed) in [("301", "19,806,781.00"), ("302", "1,831,480.34"), ("303", "466,200.00"), ("310", "14,400.00"),
                                ("30228", "227,810.34"), ("30204", "260.00"), ("30302", "466,200.00")] {
            #expect(t6[.code(code), .total] == yuan(printed), "表6 \(code)")
        }
        #expect(t6[.code("30228"), .total]?.description == "22.781034")

        let t10 = try #require(d.table(.threePublicCosts))
        #expect(t10[.total, .total] == Amount("10.71"))
        #expect(t10[.travelAbroad, .total] == .zero)
        #expect(t10[.reception, .total] == Amount("0.73"))
        #expect(t10[.vehicles, .total] == Amount("9.98"))
        #expect(t10[.vehiclePurchase, .total] == .zero)
        #expect(t10[.vehicleOperation, .total] == Amount("9.98"))
        #expect(t10[.operatingCost, .total] == Amount("184.59"))
    }

    @Test func wanliStreetOffice2025() throws {
        let d = try ShanghaiPDFs.read("wanli").disclosure
        #expect(d.department == "上海市普陀区人民政府万里街道办事处" && d.year == 2025 && d.entityWord == "部门")
        let t1 = try #require(d.table(.overall))
        #expect(t1.columns == [.budgeted])
        #expect(t1[.incomeTotal, .budgeted] == yuan("189,767,551"))
        #expect(t1[.expenditureTotal, .budgeted] == yuan("189,767,551"))
        #expect(t1[RowKey.appropriationIncome.child("一般公共预算"), .budgeted] == yuan("189,767,551"))
        // 2. 政府性基金 is printed with a blank cell: the row, no value.
        #expect(t1.row(RowKey.appropriationIncome.child("政府性基金预算")) != nil)
        #expect(t1[RowKey.appropriationIncome.child("政府性基金预算"), .budgeted] == nil)
        for (code, printed) in [("201", "3,296,600"), ("204", "2,878,025"), ("205", "250,000"), ("206", "100,000"),
                                ("207", "200,000"), ("208", "16,091,895"), ("210", "3,216,973"), ("212", "154,369,326"),
                                ("221", "9,364,732")] {
            #expect(t1[.code(code), .budgeted] == yuan(printed), "表1 \(code)")
        }
        let t2 = try #require(d.table(.income))
        #expect(t2[.grandTotal, .grandTotal] == yuan("189,767,551"))
        #expect(t2[.code("201"), .grandTotal] == yuan("3,296,600"))
        #expect(t2[.code("2010507"), .appropriationSubtotal] == yuan("438,300"))
        #expect(t2[.code("2210399"), .grandTotal] == yuan("2,177,200"))
        let t3 = try #require(d.table(.expenditure))
        #expect(t3[.grandTotal, .basic] == yuan("101,341,746"))
        #expect(t3[.grandTotal, .project] == yuan("88,425,805"))
        #expect(t3[.code("22103"), .basic] == .zero)
        let t6 = try #require(d.table(.basicByEconomicClass))
        #expect(t6[.grandTotal, .total] == yuan("101,341,746"))
        #expect(t6[.grandTotal, .personnel] == yuan("90,514,044"))
        #expect(t6[.grandTotal, .publicUse] == yuan("10,827,702"))
        #expect(t6[.code("30107"), .personnel] == yuan("11,610,630"))
        #expect(t6[.code("30229"), .publicUse] == yuan("738,720"))
        let t10 = try #require(d.table(.threePublicCosts))
        #expect(t10[.total, .total] == Amount("37.91"))
        #expect(t10[.vehiclePurchase, .total] == Amount("15"))
        #expect(t10[.vehicleOperation, .total] == Amount("21.56"))
        #expect(t10[.operatingCost, .total] == Amount("464.64"))
    }

    @Test func commerceCommission2025() throws {
        let d = try ShanghaiPDFs.read("commerce").disclosure
        #expect(d.department == "上海市普陀区商务委员会" && d.year == 2025)
        let t1 = try #require(d.table(.overall))
        #expect(t1[.incomeTotal, .budgeted] == yuan("371,514,655.00"))
        #expect(t1[.expenditureTotal, .basicPersonnel] == yuan("18,120,593.00"))
        #expect(t1[.expenditureTotal, .basicPublicUse] == yuan("1,710,062.00"))
        #expect(t1[.expenditureTotal, .project] == yuan("351,684,000.00"))
        let t2 = try #require(d.table(.income))
        for (code, printed) in [("201", "21,601,733.00"), ("206", "17,200,000.00"), ("208", "3,808,085.00"), ("210", "881,803.00"),
                                ("215", "293,810,000.00"), ("216", "31,364,000.00"), ("221", "2,849,034.00")] {
            #expect(t2[.code(code), .grandTotal] == yuan(printed), "表2 \(code)")
            #expect(t2[.code(code), .appropriationSubtotal] == yuan(printed), "表2 \(code)")
        }
        #expect(t2[.grandTotal, .grandTotal] == yuan("371,514,655.00"))
        let t3 = try #require(d.table(.expenditure))
        #expect(t3[.code("201"), .basic] == yuan("12,291,733.00") && t3[.code("201"), .project] == yuan("9,310,000.00"))
        // 206 prints no 基本支出: an empty cell stays empty.
        #expect(t3[.code("206"), .basic] == nil && t3[.code("206"), .project] == yuan("17,200,000.00"))
        #expect(t3[.grandTotal, .basic] == yuan("19,830,655.00"))
        let t6 = try #require(d.table(.basicByEconomicClass))
        #expect(t6[.grandTotal, .total] == yuan("19,830,655.00"))
        #expect(t6[.code("302"), .publicUse] == yuan("1,632,062.00") && t6[.code("302"), .personnel] == nil)
        #expect(t6[.code("310"), .total] == yuan("78,000.00"))
        // Every 项 of table 2, and every 款 of table 6, as printed.
        for (code, printed) in [("2011301", "9,389,913.00"), ("2011302", "4,545,000.00"), ("2011350", "2,901,820.00"),
                                ("2011399", "4,765,000.00"), ("2060503", "17,200,000.00"), ("2080501", "1,661,216.00"),
                                ("2080502", "17,280.00"), ("2080505", "1,410,886.00"), ("2080599", "13,260.00"),
                                ("2101101", "631,941.00"), ("2101102", "249,862.00"), ("2150899", "293,810,000.00"),
                                ("2169999", "31,364,000.00"), ("2210201", "1,361,034.00"), ("2210203", "1,488,000.00")] {
            #expect(t2[.code(code), .grandTotal] == yuan(printed) && t2[.code(code), .appropriationSubtotal] == yuan(printed),
                    "表2 \(code)")
        }
        for (code, printed) in [("30101", "1,952,616.00"), ("30102", "7,533,376.00"), ("30107", "1,852,114.00"),
                                ("30108", "1,410,886.00"), ("30109", "705,443.00"), ("30110", "881,803.00"),
                                ("30112", "36,918.00"), ("30113", "1,361,034.00"), ("30199", "936,867.00")] {
            #expect(t6[.code(code), .total] == yuan(printed) && t6[.code(code), .personnel] == yuan(printed), "表6 \(code)")
        }
        for (code, printed) in [("30201", "273,900.00"), ("30202", "5,000.00"), ("30204", "1,500.00"), ("30207", "15,000.00"),
                                ("30213", "10,000.00"), ("30216", "5,000.00"), ("30217", "10,000.00"), ("30226", "25,000.00"),
                                ("30227", "180,000.00"), ("30228", "194,962.00"), ("30229", "423,360.00"),
                                ("30239", "284,480.00"), ("30299", "123,860.00"), ("31002", "78,000.00")] {
            #expect(t6[.code(code), .total] == yuan(printed) && t6[.code(code), .publicUse] == yuan(printed)
                    && t6[.code(code), .personnel] == nil, "表6 \(code)")
        }
        #expect(t6[.code("30301"), .personnel] == yuan("251,936.00") && t6[.code("30302"), .personnel] == yuan("1,197,600.00"))
    }

    @Test func governmentOffice2025() throws {
        let d = try ShanghaiPDFs.read("government-office").disclosure
        #expect(d.department == "上海市普陀区人民政府办公室" && d.year == 2025)
        let t1 = try #require(d.table(.overall))
        #expect(t1[.incomeTotal, .budgeted] == yuan("91,016,775.35"))
        #expect(t1[.expenditureTotal, .basicPersonnel] == yuan("22,473,997.81"))
        #expect(t1[.expenditureTotal, .basicPublicUse] == yuan("2,132,777.54"))
        #expect(t1[.expenditureTotal, .project] == yuan("66,410,000.00"))
        let t2 = try #require(d.table(.income))
        #expect(t2[.code("201"), .grandTotal] == yuan("82,096,797.42"))
        #expect(t2[.code("208"), .grandTotal] == yuan("4,213,779.28"))
        #expect(t2[.code("221"), .grandTotal] == yuan("3,609,125.22"))
        #expect(t2[.grandTotal, .grandTotal] == yuan("91,016,775.35"))
        // A name wrapped inside its cell on the printed page.
        #expect(t2.row(.code("2010399"))?.name == "其他政府办公厅（室）及相关机构事务支出")
        let t5 = try #require(d.table(.generalPublic))
        #expect(t5[.code("201"), .basic] == yuan("15,686,797.42") && t5[.code("201"), .project] == yuan("66,410,000.00"))
        #expect(t5[.code("210"), .total] == yuan("1,097,073.43"))
        #expect(t5[.grandTotal, .basic] == yuan("24,606,775.35"))
        let t4 = try #require(d.table(.fiscalAppropriation))
        for (code, printed) in [("201", "82,096,797.42"), ("208", "4,213,779.28"), ("210", "1,097,073.43"), ("221", "3,609,125.22")] {
            #expect(t4[.code(code), .total] == yuan(printed) && t4[.code(code), .generalPublic] == yuan(printed), "表4 \(code)")
            #expect(t5[.code(code), .total] == yuan(printed), "表5 \(code)")
        }
        #expect(t4[.expenditureTotal, .generalPublic] == yuan("91,016,775.35"))
        let t6 = try #require(d.table(.basicByEconomicClass))
        #expect(t6[.grandTotal, .total] == yuan("24,606,775.35"))
        #expect(t6[.grandTotal, .personnel] == yuan("22,473,997.81") && t6[.grandTotal, .publicUse] == yuan("2,132,777.54"))
        #expect(t6[.code("302"), .publicUse] == yuan("1,932,777.54") && t6[.code("303"), .personnel] == yuan("1,303,660.00"))
        for (code, printed) in [("2010301", "12,029,501.84"), ("2010302", "46,140,000.00"), ("2010350", "3,807,295.58"),
                                ("2010399", "20,120,000.00"), ("2080501", "1,554,220.00"), ("2080505", "1,763,159.52"),
                                ("2080506", "881,579.76"), ("2080599", "14,820.00"), ("2101101", "782,855.28"),
                                ("2101102", "314,218.15"), ("2210201", "1,741,445.22"), ("2210203", "1,867,680.00")] {
            #expect(t2[.code(code), .grandTotal] == yuan(printed) && t2[.code(code), .appropriationSubtotal] == yuan(printed),
                    "表2 \(code)")
        }
        for (code, printed) in [("30101", "2,540,192.00"), ("30102", "9,572,367.00"), ("30107", "2,335,998.00"),
                                ("30108", "1,763,159.52"), ("30109", "881,579.76"), ("30110", "1,097,073.43"),
                                ("30112", "45,013.88"), ("30113", "1,741,445.22"), ("30199", "1,193,509.00"),
                                ("30201", "259,400.00"), ("30202", "20,000.00"), ("30207", "30,000.00"), ("30211", "50,000.00"),
                                ("30217", "185,000.00"), ("30228", "248,117.54"), ("30299", "204,820.00"),
                                ("30301", "114,940.00"), ("30302", "1,188,720.00"), ("31002", "200,000.00")] {
            #expect(t6[.code(code), .total] == yuan(printed), "表6 \(code)")
        }
        #expect(t6[.code("301"), .personnel] == yuan("21,170,337.81"))
        #expect(t6[.code("310"), .publicUse] == yuan("200,000.00"))
    }
}

/// The text a user gets from `pdftotext -layout` of the same PDFs reads to the same tables.
@Suite(.shanghaiPDFs) struct ShanghaiLayoutTextTests {
    @Test(arguments: ["justice", "commerce", "government-office", "wanli"])
    func theLayoutTextReadsToThePDFsCells(name: String) throws {
        let pdf = try ShanghaiPDFs.read(name).disclosure
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: ShanghaiPDFs.directory.path)
            .first { $0.contains(name) && $0.hasSuffix(".pdf") })
        let pdftotext = try #require(ExternalProgram.find("pdftotext"))
        let bytes = Array(try ExternalProgram.run(pdftotext, ["-layout", ShanghaiPDFs.directory.appendingPathComponent(file).path, "-"]).output)
        let text = try DisclosureReader.read(try DisclosureReader.source(bytes: bytes))
        #expect(text.template == "shanghai" && text.department == pdf.department && text.year == pdf.year)
        #expect(text.tables.map(\.kind) == pdf.tables.map(\.kind))
        var cells = 0
        for (a, b) in zip(pdf.tables, text.tables) {
            #expect(a.columns == b.columns && a.printedUnit == b.printedUnit, "表\(a.kind.rawValue)")
            #expect(a.rows.map(\.key) == b.rows.map(\.key), "表\(a.kind.rawValue)")
            for (r, s) in zip(a.rows, b.rows) {
                #expect(r.cells.map { $0?.value } == s.cells.map { $0?.value }, "表\(a.kind.rawValue) \(r.key)")
                cells += r.cells.compactMap { $0 }.count
            }
        }
        #expect(cells > 100)
        // Without a PDF there are no boxes, but every cell keeps its line.
        #expect(text.table(.income)?.rows.first?.cells.first??.source?.line != nil)
    }
}

/// Geometry problems, each on a small page written for the test.
@Suite struct GeometryFragmentTests {
    static let template = Templates.named("shanghai")!

    /// A page of words: each entry is (text, x, y); words are 12 pt high, 6 pt a character.
    static func page(_ words: [(String, Double, Double)]) -> [[(text: String, box: Box)]] {
        PDFSource.lines(of: words.map { w in
            (w.0, Box(xMin: w.1, yMin: w.2, xMax: w.1 + Double(w.0.count) * 6, yMax: w.2 + 12))
        })
    }

    static func read(_ pages: [[(String, Double, Double)]]) throws -> Disclosure {
        let source = SourceDocument(pdfPages: pages.map { (SourceDocument.Page(width: 842, height: 595), page($0)) })
        return try TemplateDocumentReader.read(source, template: template)
    }

    static let header: [(String, Double, Double)] = [
        ("编制单位：示例单位", 50, 40), ("单位：元", 700, 40),
        ("项目", 250, 60), ("收入预算", 550, 60),
        // 事业单位经营收入 is printed on two lines in its cell.
        ("功能分类科目编码", 80, 75), ("事业单位", 640, 75),
        ("功能分类科目名称", 200, 85), ("合计", 420, 85), ("财政拨款收入", 480, 85), ("事业收入", 570, 85), ("其他收入", 720, 85),
        ("类", 80, 95), ("款", 110, 95), ("项", 140, 95), ("经营收入", 640, 95),
    ]

    static func titles(_ first: [(String, Double, Double)]) -> [[(String, Double, Double)]] {
        [[("2025年单位收入预算总表", 300, 20)] + first,
         [("2025年单位支出预算总表", 300, 20), ("编制单位：示例单位", 50, 40), ("单位：元", 700, 40)],
         [("2025年单位一般公共预算支出功能分类预算表", 300, 20), ("编制单位：示例单位", 50, 40), ("单位：元", 700, 40)]]
    }

    @Test func aHeaderOverThreeLinesMapsEveryColumn() throws {
        let d = try Self.read(Self.titles(Self.header + [
            ("210", 80, 110), ("医疗卫生", 200, 110), ("1,200.00", 420, 110), ("1,000.00", 480, 110),
            ("200.00", 570, 110), ("0.00", 650, 110), ("0.00", 725, 110),
        ]))
        let t2 = try #require(d.table(.income))
        #expect(t2.columns == [.grandTotal, .appropriationSubtotal, .operatingRevenue, .businessRevenue, .otherRevenue])
        #expect(t2[.code("210"), .grandTotal] == Amount("0.12"))
        #expect(t2[.code("210"), .operatingRevenue] == Amount("0.02"))
        #expect(t2[.code("210"), .businessRevenue] == .zero)
        #expect(t2.row(.code("210"))?.cells[1]?.source?.box?.xMin == 480)
    }

    @Test func anEmptyCellStaysEmpty() throws {
        let d = try Self.read(Self.titles(Self.header + [
            ("210", 80, 110), ("医疗卫生", 200, 110), ("1,200.00", 420, 110), ("1,200.00", 480, 110),
        ]))
        let t2 = try #require(d.table(.income))
        #expect(t2[.code("210"), .appropriationSubtotal] == Amount("0.12"))
        #expect(t2[.code("210"), .operatingRevenue] == nil && t2[.code("210"), .otherRevenue] == nil)
    }

    @Test func aTableSplitOverTwoPagesKeepsItsColumnsWhereTheHeaderMoves() throws {
        var pages = Self.titles(Self.header + [
            ("210", 80, 110), ("医疗卫生", 200, 110), ("1,200.00", 420, 110), ("1,200.00", 480, 110),
        ])
        // The second page repeats the header 30 pt further right, then a row and the total.
        let shifted = Self.header.dropFirst(2).map { ($0.0, $0.1 + 30, $0.2) }
        pages.insert(shifted + [
            ("221", 80, 110), ("住房保障", 200, 110), ("300.00", 450, 110), ("300.00", 510, 110), ("0.00", 600, 110),
            ("合计", 200, 130), ("1,500.00", 450, 130), ("1,500.00", 510, 130),
        ], at: 1)
        let d = try Self.read(pages)
        let t2 = try #require(d.table(.income))
        #expect(t2.rows.map(\.key) == [.code("210"), .code("221"), .grandTotal])
        #expect(t2[.code("221"), .appropriationSubtotal] == Amount("0.03"))
        #expect(t2[.code("221"), .operatingRevenue] == .zero)
        #expect(t2[.grandTotal, .grandTotal] == Amount("0.15"))
        #expect(t2.row(.code("221"))?.source?.page == 2)
    }

    @Test func aNameWrappedInItsCellIsJoined() throws {
        let d = try Self.read(Self.titles(Self.header + [
            ("208", 80, 110), ("05", 110, 110), ("05", 140, 110), ("机关事业单位基本养老保险", 200, 110),
            ("1,200.00", 420, 110), ("1,200.00", 480, 110),
            ("缴费支出", 200, 124),
        ]))
        #expect(d.table(.income)?.row(.code("2080505"))?.name == "机关事业单位基本养老保险缴费支出")
    }

    @Test func anEmptyTableWithAndWithoutItsNote() throws {
        let fund: [(String, Double, Double)] = [
            ("2025年单位政府性基金预算支出功能分类预算表", 300, 20), ("编制单位：示例单位", 50, 40), ("单位：元", 700, 40),
            ("合计", 420, 85), ("基本支出", 500, 85), ("项目支出", 600, 85), ("合计", 200, 200),
            ("注:示例单位今年没有这一类拨款，此为空表。", 50, 220),
        ]
        let capital: [(String, Double, Double)] = [
            ("2025年单位国有资本经营预算支出功能分类预算表", 300, 20), ("编制单位：示例单位", 50, 40), ("单位：元", 700, 40),
            ("合计", 420, 85), ("基本支出", 500, 85), ("项目支出", 600, 85), ("合计", 200, 200),
        ]
        let d = try Self.read(Self.titles(Self.header) + [fund, capital])
        #expect(d.status(of: .governmentFund) == .publishedEmpty)
        #expect(d.table(.governmentFund)?.emptyStatement?.value.hasSuffix("为空表。") == true)
        #expect(d.status(of: .stateCapital) == .publishedEmpty)
        #expect(d.table(.stateCapital)?.emptyStatement == nil)
    }

    @Test func theUnitChangesFromTableToTable() throws {
        let threePublic: [(String, Double, Double)] = [
            ("2025年单位“三公”经费和机关运行经费预算表", 300, 20), ("编制单位：示例单位", 50, 40), ("单位:万元", 700, 40),
            ("“三公”经费预算数", 200, 60), ("机关运行经费预算", 650, 70),
            ("公务用车购置及运行费", 350, 80), ("数", 690, 84),
            ("合计", 60, 95), ("因公出国(境)费", 130, 95), ("公务接待费", 240, 95),
            ("小计", 340, 105), ("购置费", 420, 105), ("运行费", 500, 105),
            ("37.91", 60, 140), ("0", 160, 140), ("1.35", 250, 140), ("36.56", 340, 140), ("15", 425, 140),
            ("21.56", 500, 140), ("464.64", 680, 140),
        ]
        let d = try Self.read(Self.titles(Self.header + [
            ("210", 80, 110), ("医疗卫生", 200, 110), ("1,200.00", 420, 110), ("1,200.00", 480, 110),
        ]) + [threePublic])
        #expect(d.table(.income)?.printedUnit == .yuan && d.table(.income)?[.code("210"), .grandTotal] == Amount("0.12"))
        let t10 = try #require(d.table(.threePublicCosts))
        #expect(t10.printedUnit == .wan)
        #expect(t10[.total, .total] == Amount("37.91") && t10[.vehiclePurchase, .total] == Amount("15"))
        #expect(t10[.operatingCost, .total] == Amount("464.64"))
    }

    @Test func moreValuesThanHeadersAreRecordedNotDropped() throws {
        let threePublic: [(String, Double, Double)] = [
            ("2025年单位“三公”经费和机关运行经费预算表", 300, 20), ("编制单位：示例单位", 50, 40), ("单位:万元", 700, 40),
            ("合计", 60, 95), ("因公出国(境)费", 130, 95), ("公务接待费", 240, 95),
            ("小计", 340, 105), ("购置费", 420, 105), ("运行费", 500, 105), ("机关运行经费预算数", 650, 95),
            ("1", 60, 140), ("2", 130, 140), ("3", 200, 140), ("4", 250, 140), ("5", 340, 140), ("6", 425, 140),
            ("7", 500, 140), ("8", 600, 140), ("9", 680, 140),
        ]
        let d = try Self.read(Self.titles(Self.header + [
            ("210", 80, 110), ("医疗卫生", 200, 110), ("1,200.00", 420, 110), ("1,200.00", 480, 110),
        ]) + [threePublic])
        #expect(d.table(.threePublicCosts)?.isEmpty == true)
        #expect(d.ambiguities.contains { $0.table == 10 && $0.message.contains("9 printed values for 7 headers") })
    }

    @Test func pagesWithoutTextAreNamed() {
        let xhtml = Array("<doc><page width=\"842\" height=\"595\"></page><page width=\"842\" height=\"595\"></page></doc>".utf8)
        #expect(throws: ReadError.noText(pages: [1, 2])) { try PDFSource.document(fromBBoxLayout: xhtml) }
        #expect(ReadError.noText(pages: [1, 2, 3, 5]).description.contains("pages 1–3, 5"))
    }
}

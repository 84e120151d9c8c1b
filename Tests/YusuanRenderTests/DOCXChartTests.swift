import Foundation
import Testing
import YusuanModel
@testable import YusuanRender

/// The charts of the explanation in DOCX: each an EMF picture after its section,
/// with its number above and its source below, drawn by LibreOffice as it is by
/// the browser.
@Suite struct DOCXChartTests {
    /// The records of an EMF: type and body.
    static func records(_ emf: Data) throws -> [(type: UInt32, body: Data)] {
        let bytes = [UInt8](emf)
        func u32(_ i: Int) -> UInt32 { UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24 }
        var records: [(UInt32, Data)] = []
        var offset = 0
        while offset + 8 <= bytes.count {
            let type = u32(offset), size = Int(u32(offset + 4))
            try #require(size >= 8 && size % 4 == 0 && offset + size <= bytes.count, "record \(type) at \(offset): size \(size)")
            records.append((type, Data(bytes[offset + 8..<offset + size])))
            offset += size
        }
        #expect(offset == bytes.count, "the records fill the file")
        return records
    }

    /// The text of each EMR_EXTTEXTOUTW record.
    static func texts(_ records: [(type: UInt32, body: Data)]) -> [String] {
        records.filter { $0.type == 84 }.map { record in
            let b = [UInt8](record.body)
            func u32(_ i: Int) -> Int { Int(b[i]) | Int(b[i + 1]) << 8 | Int(b[i + 2]) << 16 | Int(b[i + 3]) << 24 }
            // Offsets in the record count its 8-byte type and size, which `body` leaves out.
            let count = u32(36), start = u32(40) - 8
            let units = (0..<count).map { UInt16(b[start + 2 * $0]) | UInt16(b[start + 2 * $0 + 1]) << 8 }
            return String(decoding: units, as: UTF16.self)
        }
    }

    @Test func eachChartIsAnEMFPictureAfterItsSection() throws {
        let d = try DOCXRenderTests.example()
        let charts = Charts.charts(d)
        #expect(charts.count == 3)
        let parts = try unzip(try DOCXRenderer(numbersContents: false).render(d))
        let document = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        let relationships = String(decoding: try #require(parts["word/_rels/document.xml.rels"]), as: UTF8.self)
        #expect(String(decoding: try #require(parts["[Content_Types].xml"]), as: UTF8.self).contains(#"Extension="emf" ContentType="image/x-emf""#))
        for chart in charts {
            let emf = try #require(parts["word/media/chart\(chart.number).emf"])
            let records = try Self.records(emf)
            // The header: EMR_HEADER with " EMF", the file's size and its record count; EMR_EOF last.
            let header = [UInt8](try #require(records.first).body)
            #expect(records.first?.type == 1 && records.last?.type == 14)
            #expect(Array(header[32..<36]) == [0x20, 0x45, 0x4D, 0x46])
            let le = { (i: Int) in Int(header[i]) | Int(header[i + 1]) << 8 | Int(header[i + 2]) << 16 | Int(header[i + 3]) << 24 }
            #expect(le(40) == emf.count && le(44) == records.count)
            // Every bar and its amount: one rectangle a drawn bar, after the legend's swatches.
            let drawing = ChartDrawing(chart)
            #expect(records.filter { $0.type == 43 }.count == drawing.bars.filter { $0.length > 0 }.count + chart.series.count)
            let texts = Self.texts(records)
            for bar in chart.bars {
                #expect(texts.contains(bar.label))
                for value in bar.values { #expect(texts.contains(value?.published ?? "—")) }
            }
            #expect(texts.contains("单位：\(d.unit)") && chart.series.allSatisfy(texts.contains))

            // In the document: caption, picture and source, after the section's heading and before the next.
            #expect(relationships.contains(#"Id="rIdChart\#(chart.number)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart\#(chart.number).emf""#))
            let picture = try #require(document.range(of: #"<a:blip r:embed="rIdChart\#(chart.number)"/>"#))
            let caption = try #require(document.range(of: "<w:pStyle w:val=\"ChartCaption\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(chart.caption)</w:t>"))
            let source = try #require(document.range(of: "<w:pStyle w:val=\"ChartSource\"/></w:pPr><w:r><w:t xml:space=\"preserve\">\(chart.source)</w:t>"))
            #expect(caption.upperBound < picture.lowerBound && picture.upperBound < source.lowerBound)
            let index = try #require(d.sections.firstIndex { $0.number == chart.section })
            let heading = try #require(document.range(of: "\(d.sections[index].number)、\(d.sections[index].title)</w:t>"))
            #expect(heading.upperBound < caption.lowerBound)
            if index + 1 < d.sections.count {
                let next = try #require(document.range(of: "\(d.sections[index + 1].number)、\(d.sections[index + 1].title)</w:t>"))
                #expect(source.upperBound < next.lowerBound)
            }
        }
    }

    @Test(.enabled(if: Tool.path("soffice") != nil, "soffice is absent: apt-get install libreoffice-writer"),
          .enabled(if: Tool.path("pdftotext") != nil, "pdftotext is absent: apt-get install poppler-utils"))
    func libreOfficeDrawsTheCharts() throws {
        let soffice = try #require(Tool.path("soffice"))
        let d = try DOCXRenderTests.example()
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let docx = directory.appendingPathComponent("example.docx")
        try DOCXRenderer().render(d).write(to: docx)
        let (status, _) = try Tool.run(soffice, [
            "-env:UserInstallation=\(directory.appendingPathComponent("profile").absoluteString)", "--headless",
            "--convert-to", "pdf", "--outdir", directory.path, docx.path,
        ])
        #expect(status == 0)
        let pdf = try Data(contentsOf: directory.appendingPathComponent("example.pdf"))
        let text = try Tool.run(try #require(Tool.path("pdftotext")), [directory.appendingPathComponent("example.pdf").path, "-"]).output
        let squeezed = text.filter { !$0.isWhitespace }
        // The text inside the pictures is drawn: last year's amounts are printed nowhere else.
        let charts = Charts.charts(d)
        #expect(charts.contains { $0.series == ["上年", "本年"] })
        for chart in charts {
            #expect(squeezed.contains(chart.caption.filter { !$0.isWhitespace }))
            for value in chart.bars.compactMap({ $0.values.count == 2 ? $0.values[0] : nil }) {
                #expect(squeezed.contains(value.published), "\(chart.caption): \(value.published)")
            }
        }
        try keep(pdf, as: "example-docx")
    }
}

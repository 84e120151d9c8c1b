import Foundation
import Testing
import YusuanModel
import YusuanRead
@testable import YusuanRender

/// Every seed printed to PDF by Yusuan reads back, from the page geometry, to the
/// same tidy cells: a round trip through boxes, headers and wrapped names.
@Suite struct PDFRoundTripTests {
    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"),
          .enabled(if: Chromium.executable() != nil, "chromium is absent: apt-get install chromium fonts-noto-cjk"),
          .enabled(if: PDFSource.isAvailable, "pdftotext is absent: apt-get install poppler-utils"),
          arguments: RenderSeeds.prefixes)
    func aSeedPrintedToPDFReadsBackCellForCell(seed: String) throws {
        let original = try RenderSeeds.read(seed)
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("\(seed).pdf")
        try PDFRenderer().render(original).write(to: file)
        let source = try PDFSource.load(contentsOf: file.path)
        let back = try DisclosureReader.read(source)
        #expect(back.template == nil, "the contract's own template")
        let expected = Cells.records(original), read = Cells.records(back)
        func compare(_ expected: [Cells.Record], _ read: [Cells.Record]) {
            #expect(read.count == expected.count)
            for (a, b) in zip(expected, read) where a != b {
                Issue.record("\(seed): expected \(a), read \(b)")
                break
            }
        }
        // Table 7 included: its long project names wrap onto two lines beside their
        // amounts, and its narrow empty columns stack their headers over several lines.
        compare(expected, read)
        // Read from the boxes, each cell knows its page and box.
        let cell = try #require(back.table(.generalPublic)?.rows.first { $0.role == .total }?.cells.first ?? nil)
        #expect(cell.source?.page != nil && cell.source?.box != nil)
        // So does every value the text reader takes from the PDF's lines.
        let line = try #require(back.sections.first?.lines.first?.source)
        #expect(line.page != nil && line.box != nil)
        #expect(back.sections.count == original.sections.count)
        #expect(back.ambiguities.isEmpty, "\(seed): \(back.ambiguities.map(\.message))")
    }
}

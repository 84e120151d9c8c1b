import Foundation
import YusuanAudit
import YusuanModel
import YusuanRender

/// The pictures of the HTML report: for each finding of a PDF that is somewhere on
/// a page, a band of that page around it (`pdftoppm`), with its box.
enum AuditCrops {
    /// Finding index → picture. Where a picture cannot be made (pdftoppm missing or
    /// failing) there are none, and one line on standard error says why.
    /// `pdf` is the file's path, `name` how it is shown.
    static func crops(for report: AuditReport, source: SourceDocument, pdf: String, name: String) -> [Int: ReportHTML.Crop] {
        var crops: [Int: ReportHTML.Crop] = [:]
        for (index, finding) in report.findings.enumerated() {
            guard let place = FindingPlaces.place(of: finding, in: source) else { continue }
            do {
                let band = try PageCrop.band(of: pdf, page: place.page, size: source.pages[place.page - 1], around: place.box)
                crops[index] = ReportHTML.Crop(png: band.png, width: band.width, height: band.height, box: band.box,
                                               page: place.page)
            } catch {
                Output.warn("\(name): \(Message.withoutPictures("\(error)").text)")
                return [:]
            }
        }
        return crops
    }
}

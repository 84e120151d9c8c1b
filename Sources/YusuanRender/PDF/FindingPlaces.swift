import YusuanAudit
import YusuanModel

/// Where on a PDF's pages a finding is: its own box, or else the box of the whole
/// line it cites (`source.line(n)?.box`). Nil for findings that are nowhere on a
/// page (a missing table), for a page the document does not have, and for text
/// sources.
public enum FindingPlaces {
    public static func place(of finding: Finding, in source: SourceDocument) -> (page: Int, box: Box)? {
        guard source.origin == .pdf else { return nil }
        let place: (page: Int, box: Box)
        if let page = finding.page, let box = finding.box {
            place = (page, box)
        } else if let number = finding.line, let line = source.line(number), let page = line.page ?? finding.page,
                  let box = line.box {
            place = (page, box)
        } else {
            return nil
        }
        return source.pages.indices.contains(place.page - 1) ? place : nil
    }
}

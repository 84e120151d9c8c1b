/// The page's style sheet: A4 pages with room for the page number, landscape
/// pages for the wide tables, table rules as in the printed tables.
enum HTMLStyle {
    static let css = """
        @page { size: A4; margin: 16mm 14mm 16mm 14mm; }
        @page wide { size: A4 landscape; margin: 12mm 10mm 12mm 10mm; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body {
          font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", serif;
          font-size: 11pt; line-height: 1.6; color: #000; margin: 0;
        }
        h1, h2, h3, h4, .table-number, th {
          font-family: "Noto Sans CJK SC", "Source Han Sans SC", "SimHei", "Heiti SC", sans-serif;
        }
        h1, h2, h3, h4, .table-number { break-after: avoid; break-inside: avoid; }
        .page { break-before: page; }
        .page:first-child { break-before: auto; }
        .wide { page: wide; }
        .cover { text-align: center; padding-top: 60mm; }
        .cover p { text-indent: 0; text-align: center; }
        .cover .department { font-size: 20pt; margin: 0 0 12mm; }
        .cover .title { font-size: 28pt; letter-spacing: 0.1em; margin: 0 0 90mm; }
        .cover .date { font-size: 16pt; }
        nav.contents h2 { text-align: center; font-size: 16pt; margin: 0 0 8mm; }
        nav.contents p.entry { display: flex; text-indent: 0; margin: 0 0 2.5mm; }
        nav.contents p.level2 { padding-left: 2em; }
        nav.contents .leader { flex: 1; border-bottom: 1pt dotted #000; margin: 0 0.4em 0.45em; }
        nav.contents .number { white-space: nowrap; }
        h2.part { text-align: center; font-size: 16pt; margin: 0 0 8mm; }
        h2 { font-size: 15pt; } h3 { font-size: 13pt; } h4 { font-size: 11.5pt; }
        p { text-indent: 2em; margin: 0 0 0.4em; text-align: justify; }
        .table-number { text-indent: 0; font-size: 10pt; margin: 0; }
        .table-title { text-align: center; font-size: 15pt; margin: 0.2em 0 0.4em; }
        h4.table-title { font-size: 11.5pt; text-align: left; }
        h4.sub { font-size: 11pt; text-indent: 2em; margin: 0.4em 0 0.3em; }
        .meta { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 2pt; }
        table.budget { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 9pt; line-height: 1.3; margin-bottom: 4mm; }
        .wide table.budget { font-size: 8pt; }
        table.budget th, table.budget td { border: 0.6pt solid #000; padding: 2pt 3pt; vertical-align: middle; }
        table.budget th { font-weight: bold; text-align: center; background: #f2f2f2; }
        table.budget th.nowrap { white-space: nowrap; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; }
        td.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.code { text-align: center; white-space: nowrap; }
        tr.total td, tr.group td, td.bold { font-weight: bold; }
        tr.empty td { text-align: center; padding: 6mm 3pt; }
        p.note { font-size: 9.5pt; }
        p.signature { text-align: right; text-indent: 0; margin-top: 12mm; }
        figure.chart { margin: 4mm 0 5mm; break-inside: avoid; }
        figure.chart figcaption { font-family: "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; font-weight: bold; text-align: center; margin: 0 0 2mm; }
        figure.chart svg { display: block; width: 150mm; height: auto; margin: 0 auto; font-family: "Noto Sans CJK SC", sans-serif; }
        figure.chart p.source { font-size: 9pt; text-indent: 0; text-align: center; margin: 1mm 0 0; }
        @media screen {
          body { background: #e8e8e8; }
          .page { background: #fff; max-width: 182mm; margin: 8mm auto; padding: 14mm; box-shadow: 0 1px 4px rgba(0,0,0,.25); }
          .page.wide { max-width: 277mm; }
        }
        """
}

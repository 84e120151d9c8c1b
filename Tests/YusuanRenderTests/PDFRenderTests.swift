import Foundation
import Testing
import YusuanModel
@testable import YusuanRender
import ZIPFoundation

/// Counts the pixels of a PNG (8-bit grey or RGB, as pdftoppm writes) that are not white.
enum PNGPixels {
    static func nonWhite(_ png: Data) throws -> (nonWhite: Int, total: Int) {
        let bytes = [UInt8](png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        var offset = 8
        var width = 0, height = 0, channels = 0
        var idat = Data()
        func be32(_ i: Int) -> Int { Int(bytes[i]) << 24 | Int(bytes[i + 1]) << 16 | Int(bytes[i + 2]) << 8 | Int(bytes[i + 3]) }
        while offset + 8 <= bytes.count {
            let length = be32(offset)
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let data = offset + 8
            if type == "IHDR" {
                width = be32(data); height = be32(data + 4)
                #expect(bytes[data + 8] == 8, "8 bits a sample")
                channels = [0: 1, 2: 3, 4: 2, 6: 4][Int(bytes[data + 9])] ?? 0
            } else if type == "IDAT" {
                idat.append(contentsOf: bytes[data..<data + length])
            }
            offset = data + length + 4
        }
        // zlib: two header bytes, raw deflate, four bytes of checksum.
        let deflated = idat.subdata(in: 2..<idat.count - 4)
        var raw = Data()
        _ = try Data.decompress(size: Int64(deflated.count), bufferSize: 1 << 16, skipCRC32: true,
                                provider: { position, size in
                                    let start = min(Int(position), deflated.count)
                                    return deflated.subdata(in: start..<min(start + size, deflated.count))
                                },
                                consumer: { raw.append($0) })
        let pixels = [UInt8](raw)
        let stride = width * channels
        #expect(pixels.count == height * (stride + 1))
        var previous = [UInt8](repeating: 0, count: stride)
        var count = 0
        for y in 0..<height {
            let filter = pixels[y * (stride + 1)]
            var line = Array(pixels[y * (stride + 1) + 1..<(y + 1) * (stride + 1)])
            for i in 0..<stride {
                let a = i >= channels ? Int(line[i - channels]) : 0
                let b = Int(previous[i])
                let c = i >= channels ? Int(previous[i - channels]) : 0
                let predictor: Int
                switch filter {
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: predictor = 0
                }
                line[i] = UInt8((Int(line[i]) + predictor) & 0xFF)
            }
            for x in 0..<width where line[x * channels..<x * channels + min(channels, 3)].contains(where: { $0 < 200 }) {
                count += 1
            }
            previous = line
        }
        return (count, width * height)
    }
}

@Suite struct PDFRenderTests {
    @Test func aMissingChromiumIsAClearError() {
        #expect(Chromium.missing.message.contains("apt-get install chromium fonts-noto-cjk"))
    }

    @Test(.enabled(if: RenderSeeds.available, "../shared/seeds is absent"),
          .enabled(if: Chromium.executable() != nil, "chromium is absent: apt-get install chromium fonts-noto-cjk"),
          .enabled(if: Tool.path("pdftoppm") != nil, "pdftoppm is absent: apt-get install poppler-utils"))
    func pageOneOfThePDFHasContent() throws {
        let d = try RenderSeeds.read("000")
        let pdf = try PDFRenderer().render(d)
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let directory = try Tool.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("budget.pdf")
        try pdf.write(to: file)
        let (status, _) = try Tool.run(try #require(Tool.path("pdftoppm")), [
            "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", file.path, directory.appendingPathComponent("page1").path,
        ])
        #expect(status == 0)
        let png = try #require(FileManager.default.contents(atPath: directory.appendingPathComponent("page1.png").path))
        let (dark, total) = try PNGPixels.nonWhite(png)
        // A blank page has none; the cover's two lines of large text give a few thousand at 50 dpi.
        #expect(total > 100_000)
        #expect(dark > 500, "page 1 has \(dark) non-white pixels of \(total)")
        // The first page of a standard table (a landscape page for table 2) is there too.
        if let pdfinfo = Tool.path("pdfinfo") {
            let info = try Tool.run(pdfinfo, ["-f", "1", "-l", "40", file.path]).output
            #expect(info.contains("841.92 x 594.96"), "a landscape page for the wide tables")
        }
        // Every page carries its number, alone on the last line of its text.
        if let pdftotext = Tool.path("pdftotext"), Tool.path("qpdf") != nil {
            let pages = try PDFTools.pages(of: file.path).count
            #expect(pages > 10)
            for n in 1...pages {
                let text = try Tool.run(pdftotext, ["-f", "\(n)", "-l", "\(n)", file.path, "-"]).output
                let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0 != "\u{0C}" }
                #expect(lines.contains("\(n)"), "page \(n) has its number")
            }
            // A table cell prints with thousands separators.
            #expect(try Tool.run(pdftotext, [file.path, "-"]).output.contains("1,297.28"))
        }
    }
}

import Foundation

/// 增强型图元文件 — a chart drawing as an Enhanced Metafile (EMF, [MS-EMF]), the
/// vector picture Word, WPS and LibreOffice all draw: bars as rectangles, text as
/// text in the reader's own fonts, so the DOCX carries the same chart as the PDF
/// without a raster or a network.
///
/// Logical units are tenths of a point (a reference device of 720 dots an inch),
/// in the default mapping, so one record each: the header, three objects (the two
/// greys' brushes and the black pen) and a font, then a rectangle, a line or a
/// text for each shape of the drawing, and the end.
enum EMF {
    /// Logical units a point.
    static let scale = 10.0

    static func data(_ drawing: ChartDrawing) -> Data {
        var records: [Data] = []
        func record(_ type: UInt32, _ body: Data) {
            var r = Data()
            r.append(le: type)
            r.append(le: UInt32(8 + body.count))
            r.append(body)
            records.append(r)
        }
        func units(_ x: Double) -> Int32 { Int32((x * scale).rounded()) }
        func colour(_ rgb: String) -> UInt32 {
            let value = UInt32(rgb, radix: 16) ?? 0
            // COLORREF is 0x00BBGGRR.
            return (value >> 16 & 0xFF) | (value & 0xFF00) | (value & 0xFF) << 16
        }

        // Objects: 1 light brush, 2 dark brush, 3 black pen, 4 the font.
        for (handle, fill) in [(UInt32(1), ChartDrawing.Fill.light), (2, .dark)] {
            record(39, Data(le: handle) + Data(le: UInt32(0)) + Data(le: colour(fill.rgb)) + Data(le: UInt32(0)))
        }
        record(38, Data(le: UInt32(3)) + Data(le: UInt32(0)) + Data(le: Int32(6)) + Data(le: Int32(0)) + Data(le: UInt32(0)))
        record(37, Data(le: UInt32(3)))
        record(18, Data(le: UInt32(1)))  // SETBKMODE: transparent
        var font = Data(le: UInt32(4))
        font.append(le: -units(ChartDrawing.textSize))  // height: the em, not the cell
        font.append(Data(count: 12))                     // width, escapement, orientation
        font.append(le: Int32(400))                      // weight: normal
        font.append(contentsOf: [0, 0, 0, 134, 0, 0, 0, 0])  // GB2312 character set
        let face = Array("SimSun".utf16)
        for i in 0..<32 { font.append(le: i < face.count ? face[i] : UInt16(0)) }
        record(82, font)
        record(37, Data(le: UInt32(4)))

        for shape in drawing.shapes {
            switch shape {
            case .rect(let x, let y, let width, let height, let fill):
                record(37, Data(le: UInt32(fill == .light ? 1 : 2)))
                record(43, rect(units(x), units(y), units(x + width), units(y + height)))
            case .line(let x1, let y1, let x2, let y2):
                record(27, Data(le: units(x1)) + Data(le: units(y1)))
                record(54, Data(le: units(x2)) + Data(le: units(y2)))
            case .text(let x, let y, let text, let size, let anchor):
                // SETTEXTALIGN: the reference point on the baseline, at the text's start or end.
                record(22, Data(le: UInt32(anchor == .end ? 24 | 2 : 24)))
                record(84, textOut(text, x: units(x), y: units(y), em: size * scale))
            }
        }
        record(14, Data(le: UInt32(0)) + Data(le: UInt32(16)) + Data(le: UInt32(20)))

        let width = units(drawing.width), height = units(drawing.height)
        let size = 108 + records.reduce(0) { $0 + $1.count }
        var header = Data()
        header.append(le: UInt32(1))
        header.append(le: UInt32(108))
        header.append(rect(0, 0, width - 1, height - 1))                          // bounds, in dots
        // Frame, in hundredths of a millimetre: a point is 2540 / 72 of them.
        header.append(rect(0, 0, Int32(Double(width) * 2540 / 720), Int32(Double(height) * 2540 / 720)))
        header.append(le: UInt32(0x464D_4520))                                    // " EMF"
        header.append(le: UInt32(0x0001_0000))
        header.append(le: UInt32(size))
        header.append(le: UInt32(records.count + 1))
        header.append(le: UInt16(5))                                              // handles: four objects + 1
        header.append(le: UInt16(0))
        header.append(Data(count: 12))                                           // no description, no palette
        header.append(le: Int32(7200)); header.append(le: Int32(7200))          // reference device, in dots
        header.append(le: Int32(254)); header.append(le: Int32(254))            // … in millimetres: 720 dpi
        header.append(Data(count: 12))                                           // no pixel format, no OpenGL
        header.append(le: Int32(254_000)); header.append(le: Int32(254_000))    // … in micrometres
        return records.reduce(header, +)
    }

    private static func rect(_ left: Int32, _ top: Int32, _ right: Int32, _ bottom: Int32) -> Data {
        Data(le: left) + Data(le: top) + Data(le: right) + Data(le: bottom)
    }

    /// EMR_EXTTEXTOUTW: the text as UTF-16 with each character's advance (a Chinese
    /// character an em, others half of one).
    private static func textOut(_ text: String, x: Int32, y: Int32, em: Double) -> Data {
        let characters = Array(text.utf16)
        let advances = text.utf16.map { UInt32(($0 >= 0x2E80 ? em : em * 0.5).rounded()) }
        let width = Int32(advances.reduce(0, +))
        let stringOffset = 76
        let padded = (characters.count * 2 + 3) / 4 * 4
        var body = Data()
        body.append(rect(x - width, y - Int32(em), x + width, y + Int32(em / 2)))  // bounds (a hint)
        body.append(le: UInt32(1))                                                 // GM_COMPATIBLE
        body.append(le: Float32(0)); body.append(le: Float32(0))
        body.append(le: x); body.append(le: y)
        body.append(le: UInt32(characters.count))
        body.append(le: UInt32(stringOffset))
        body.append(le: UInt32(0))                                                 // no clipping, no opaquing
        body.append(rect(0, 0, -1, -1))
        body.append(le: UInt32(stringOffset + padded))
        for c in characters { body.append(le: c) }
        body.append(Data(count: padded - characters.count * 2))
        for a in advances { body.append(le: a) }
        return body
    }
}

extension Data {
    init<T: FixedWidthInteger>(le value: T) {
        self.init()
        append(le: value)
    }

    init(le value: Float32) {
        self.init()
        append(le: value)
    }

    mutating func append<T: FixedWidthInteger>(le value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    mutating func append(le value: Float32) { append(le: value.bitPattern) }
}

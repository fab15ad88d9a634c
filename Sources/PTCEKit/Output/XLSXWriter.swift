import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// One sheet of a workbook to write: rows of cells, the first row a header (frozen, with an autofilter) when
/// `header` is set, column widths in characters, and drop-down lists.
package struct SheetData: Sendable {
    package enum Cell: Sendable, Equatable {
        case text(String)
        /// A number with its display format; not finite is written as an empty cell (a spreadsheet shows no NaN).
        case number(Double, NumberStyle)
        case empty
    }

    package enum NumberStyle: Int, Sendable {
        /// Whole numbers: `0`.
        case integer = 2
        /// Measures: four decimals shown, the full value kept.
        case decimal = 3
        /// Shares: `0.0 %`.
        case percent = 4

        /// The `s` attribute of a cell in this style.
        var styleID: String {
            switch self {
            case .integer: "2"
            case .decimal: "3"
            case .percent: "4"
            }
        }
    }

    package var name: String
    package var rows: [[Cell]]
    package var header = true
    package var widths: [Double] = []
    /// `(range, list)`: cells of `range` (`C2:C1000`) offer the values of `list` (`Listes!$A$2:$A$40`).
    package var lists: [(range: String, list: String)] = []
    /// `(range, min, max)`: cells of `range` take a whole number from `min` to `max` (a message says so otherwise).
    package var wholeNumbers: [(range: String, min: Int, max: Int, message: String)] = []
    /// Rows kept in view when scrolling (default: the header row, if any).
    package var frozenRows: Int?
    /// Columns kept in view when scrolling right.
    package var frozenColumns = 0
    /// Rows written in bold on a shaded background besides the header (0-based): titles of a form's sections.
    package var boldRows: Set<Int> = []
    /// Rows written in bold without wrapping (0-based): a title running over the empty cells to its right.
    package var titleRows: Set<Int> = []
    /// Row heights in points (0-based rows): spreadsheet programs do not grow a row for wrapped text on opening.
    package var rowHeights: [Int: Double] = [:]
    /// A protected sheet: every cell locked except the `editable` areas (0-based rows and columns, written even when
    /// empty). Without a password: protection keeps a respondent from changing a form by mistake, not by intent.
    package var protected = false
    /// A row (0-based) printed again at the top of every page, for sheets whose header is not the first row.
    package var printTitleRow: Int?
    package var editable: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []

    package init(name: String, rows: [[Cell]], header: Bool = true, widths: [Double] = []) {
        self.name = name
        self.rows = rows
        self.header = header
        self.widths = widths
    }
}

/// Writes `.xlsx` workbooks (Office Open XML, ECMA-376 part 1) that Excel and LibreOffice open: texts in the shared
/// strings table (each distinct text once: an actor's name is on every row of its ties), numbers stored as numbers
/// with a display format, bold header rows frozen with an autofilter, column widths, and
/// data-validation lists. The small parts are built with FoundationXML, the sheets streamed to temporary files through
/// libxml2's writer (`XMLStream`, which escapes), and everything zipped by ZIPFoundation with a fixed date, so the same
/// sheets give the same bytes.
package enum XLSXWriter {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    package static func write(_ sheets: [SheetData]) throws -> Data {
        var parts: [(String, Data)] = []
        parts.append(("[Content_Types].xml", contentTypes(count: sheets.count)))
        parts.append(("_rels/.rels", XMLOutput.data(relations([("rId1", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument", "xl/workbook.xml")]), pretty: false)))
        parts.append(("xl/workbook.xml", workbook(sheets)))
        parts.append(("xl/_rels/workbook.xml.rels", XMLOutput.data(relations(
            sheets.indices.map { ("rId\($0 + 1)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet", "worksheets/sheet\($0 + 1).xml") }
            + [("rId\(sheets.count + 1)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
               ("rId\(sheets.count + 2)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings", "sharedStrings.xml")]),
            pretty: false)))
        parts.append(("xl/styles.xml", styles()))
        // The sheets go to temporary files as they are written (a sheet of every tie of a national network is
        // hundreds of megabytes of XML: never held in memory), at once on the machine's cores, then are zipped from
        // those files by chunks.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-xlsx-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sheetFiles = sheets.indices.map { folder.appendingPathComponent("sheet\($0 + 1).xml") }
        let strings = SharedStrings(sheets)
        let stringsFile = folder.appendingPathComponent("sharedStrings.xml")
        let jobs: [() throws -> Void] = sheets.indices.map { index in { try worksheet(sheets[index], texts: strings.cells[index], to: sheetFiles[index]) } }
            + [{ try strings.write(to: stringsFile) }]
        for result in concurrently(jobs) { try result.get() }
        let archive = try Archive(data: Data(), accessMode: .create)
        // The date of every entry is fixed (zip stores local date and time fields: the same in every time zone).
        let date = Calendar.current.date(from: DateComponents(year: 2000, month: 1, day: 1)) ?? Date(timeIntervalSince1970: 946_684_800)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        for (path, file) in [("xl/sharedStrings.xml", stringsFile)] + sheetFiles.enumerated().map({ ("xl/worksheets/sheet\($0 + 1).xml", $1) }) {
            let handle = try FileHandle(forReadingFrom: file)
            defer { try? handle.close() }
            let size = try handle.seekToEnd()
            try handle.seek(toOffset: 0)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(size),
                                 modificationDate: date, compressionMethod: .deflate) { position, chunk in
                try handle.seek(toOffset: UInt64(position))
                return try handle.read(upToCount: chunk) ?? Data()
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private static func contentTypes(count: Int) -> Data {
        let root = XMLOutput.element("Types", [("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types")])
        root.addChild(XMLOutput.element("Default", [("Extension", "rels"), ("ContentType", "application/vnd.openxmlformats-package.relationships+xml")]))
        root.addChild(XMLOutput.element("Default", [("Extension", "xml"), ("ContentType", "application/xml")]))
        root.addChild(XMLOutput.element("Override", [("PartName", "/xl/workbook.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")]))
        root.addChild(XMLOutput.element("Override", [("PartName", "/xl/styles.xml"), ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml")]))
        root.addChild(XMLOutput.element("Override", [("PartName", "/xl/sharedStrings.xml"),
                                                     ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")]))
        for index in 0..<count {
            root.addChild(XMLOutput.element("Override", [("PartName", "/xl/worksheets/sheet\(index + 1).xml"),
                                                         ("ContentType", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")]))
        }
        return XMLOutput.data(root, pretty: false)
    }

    private static func relations(_ items: [(String, String, String)]) -> XMLElement {
        let root = XMLOutput.element("Relationships", [("xmlns", "http://schemas.openxmlformats.org/package/2006/relationships")])
        for (id, type, target) in items { root.addChild(XMLOutput.element("Relationship", [("Id", id), ("Type", type), ("Target", target)])) }
        return root
    }

    private static func workbook(_ sheets: [SheetData]) -> Data {
        let root = XMLOutput.element("workbook", [("xmlns", main), ("xmlns:r", relationships)])
        let list = XMLOutput.element("sheets")
        for (index, sheet) in sheets.enumerated() {
            list.addChild(XMLOutput.element("sheet", [("name", sheetName(sheet.name)), ("sheetId", "\(index + 1)"), ("r:id", "rId\(index + 1)")]))
        }
        root.addChild(list)
        // Autofilters need their defined name for Excel to keep them.
        let names = XMLOutput.element("definedNames")
        for (index, sheet) in sheets.enumerated() where sheet.header && sheet.rows.count > 1 {
            let reference = "'\(sheetName(sheet.name).replacingOccurrences(of: "'", with: "''"))'!$A$1:$\(SourceLocation.columnLetters(columnCount(sheet)))$\(sheet.rows.count)"
            names.addChild(XMLOutput.element("definedName", [("name", "_xlnm._FilterDatabase"), ("localSheetId", "\(index)"), ("hidden", "1")], text: reference))
            // The header row is printed again at the top of every page.
            names.addChild(XMLOutput.element("definedName", [("name", "_xlnm.Print_Titles"), ("localSheetId", "\(index)")],
                                             text: "'\(sheetName(sheet.name).replacingOccurrences(of: "'", with: "''"))'!$1:$1"))
        }
        for (index, sheet) in sheets.enumerated() where !(sheet.header && sheet.rows.count > 1) {
            guard let row = sheet.printTitleRow else { continue }
            names.addChild(XMLOutput.element("definedName", [("name", "_xlnm.Print_Titles"), ("localSheetId", "\(index)")],
                                             text: "'\(sheetName(sheet.name).replacingOccurrences(of: "'", with: "''"))'!$\(row + 1):$\(row + 1)"))
        }
        if names.childCount > 0 { root.addChild(names) }
        return XMLOutput.data(root, pretty: false)
    }

    /// Sheet names: at most 31 characters, none of `[]:*?/\`.
    static func sheetName(_ name: String) -> String {
        String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }.prefix(31))
    }

    private static func columnCount(_ sheet: SheetData) -> Int { sheet.rows.reduce(1) { max($0, $1.count) } }

    private static func isEditable(_ sheet: SheetData, row: Int, column: Int) -> Bool {
        sheet.editable.contains { $0.rows.contains(row) && $0.columns.contains(column) }
    }

    private static func styles() -> Data {
        let root = XMLOutput.element("styleSheet", [("xmlns", main)])
        let formats = XMLOutput.element("numFmts", [("count", "2")])
        formats.addChild(XMLOutput.element("numFmt", [("numFmtId", "164"), ("formatCode", "0.0000")]))
        formats.addChild(XMLOutput.element("numFmt", [("numFmtId", "165"), ("formatCode", "0.0%")]))
        root.addChild(formats)
        let fonts = XMLOutput.element("fonts", [("count", "2")])
        for bold in [false, true] {
            let font = XMLOutput.element("font")
            if bold { font.addChild(XMLOutput.element("b")) }
            font.addChild(XMLOutput.element("sz", [("val", "11")]))
            font.addChild(XMLOutput.element("name", [("val", "Calibri")]))
            fonts.addChild(font)
        }
        root.addChild(fonts)
        let fills = XMLOutput.element("fills", [("count", "4")])
        for pattern in ["none", "gray125"] {
            let fill = XMLOutput.element("fill")
            fill.addChild(XMLOutput.element("patternFill", [("patternType", pattern)]))
            fills.addChild(fill)
        }
        let header = XMLOutput.element("fill")
        let pattern = XMLOutput.element("patternFill", [("patternType", "solid")])
        pattern.addChild(XMLOutput.element("fgColor", [("rgb", "FFDDE6F0")]))
        header.addChild(pattern)
        fills.addChild(header)
        // Cells to fill in: pale yellow, thin grey borders, as the fields of a form.
        let field = XMLOutput.element("fill")
        let fieldPattern = XMLOutput.element("patternFill", [("patternType", "solid")])
        fieldPattern.addChild(XMLOutput.element("fgColor", [("rgb", "FFFFF8DC")]))
        field.addChild(fieldPattern)
        fills.addChild(field)
        root.addChild(fills)
        let borders = XMLOutput.element("borders", [("count", "2")])
        borders.addChild(XMLOutput.element("border"))
        let thin = XMLOutput.element("border")
        for side in ["left", "right", "top", "bottom"] {
            let edge = XMLOutput.element(side, [("style", "thin")])
            edge.addChild(XMLOutput.element("color", [("rgb", "FFBFBFBF")]))
            thin.addChild(edge)
        }
        borders.addChild(thin)
        root.addChild(borders)
        let styleFormats = XMLOutput.element("cellStyleXfs", [("count", "1")])
        styleFormats.addChild(XMLOutput.element("xf", [("numFmtId", "0"), ("fontId", "0"), ("fillId", "0"), ("borderId", "0")]))
        root.addChild(styleFormats)
        // 0 plain, 1 header (bold, shaded, wrapped), 2 integer, 3 decimal, 4 percent, 5 wrapped text; unlocked (cells a
        // protected sheet lets people fill): 6 plain, 7 integer; 8 title (bold, not wrapped).
        let cells = XMLOutput.element("cellXfs", [("count", "9")])
        let specs: [(format: String, font: String, fill: String, wrap: Bool, unlocked: Bool)] = [
            ("0", "0", "0", false, false), ("0", "1", "2", true, false), ("1", "0", "0", false, false), ("164", "0", "0", false, false),
            ("165", "0", "0", false, false), ("0", "0", "0", true, false), ("0", "0", "0", true, true), ("1", "0", "0", false, true),
            ("0", "1", "0", false, false),
        ]
        for spec in specs {
            var attributes = [("numFmtId", spec.format), ("fontId", spec.font), ("fillId", spec.unlocked ? "3" : spec.fill),
                              ("borderId", spec.unlocked ? "1" : "0"), ("xfId", "0")]
            if spec.format != "0" { attributes.append(("applyNumberFormat", "1")) }
            if spec.font != "0" { attributes.append(("applyFont", "1")) }
            if spec.fill != "0" || spec.unlocked { attributes.append(("applyFill", "1")) }
            if spec.unlocked { attributes.append(("applyBorder", "1")) }
            let xf = XMLOutput.element("xf", attributes)
            if spec.wrap {
                xf.addAttribute(XMLNode.attribute(withName: "applyAlignment", stringValue: "1") as! XMLNode)
                xf.addChild(XMLOutput.element("alignment", [("wrapText", "1"), ("vertical", "top")]))
            }
            if spec.unlocked {
                xf.addAttribute(XMLNode.attribute(withName: "applyProtection", stringValue: "1") as! XMLNode)
                xf.addChild(XMLOutput.element("protection", [("locked", "0")]))
            }
            cells.addChild(xf)
        }
        root.addChild(cells)
        let named = XMLOutput.element("cellStyles", [("count", "1")])
        named.addChild(XMLOutput.element("cellStyle", [("name", "Normal"), ("xfId", "0"), ("builtinId", "0")]))
        root.addChild(named)
        return XMLOutput.data(root, pretty: false)
    }

    /// `texts`: the shared-string index of each text cell of the sheet, in the order they are written.
    private static func worksheet(_ sheet: SheetData, texts: [Int32], to file: URL) throws {
        // Streamed to a file: a sheet of every actor or every tie is the largest part of a workbook (see `XMLStream`).
        let xml = try XMLStream(file: file)
        xml.start("worksheet", [("xmlns", main), ("xmlns:r", relationships)])
        // Printed on landscape pages, as wide as the page (as many pages down as needed).
        xml.start("sheetPr")
        xml.element("pageSetUpPr", [("fitToPage", "1")])
        xml.end()
        if let views = views(sheet) { xml.subtree(views) }
        if !sheet.widths.isEmpty {
            xml.start("cols")
            for (index, width) in sheet.widths.enumerated() {
                xml.element("col", [("min", "\(index + 1)"), ("max", "\(index + 1)"), ("width", String(format: "%.1f", width)), ("customWidth", "1")])
            }
            xml.end()
        }
        xml.start("sheetData")
        let lastEditableRow = sheet.editable.map(\.rows.upperBound).max() ?? -1
        let lastEditableColumn = sheet.editable.map(\.columns.upperBound).max() ?? -1
        let letters = (0..<max(columnCount(sheet), lastEditableColumn + 1)).map { SourceLocation.columnLetters($0 + 1) }
        var nextText = 0
        for rowIndex in 0..<max(sheet.rows.count, lastEditableRow + 1) {
            let row = rowIndex < sheet.rows.count ? sheet.rows[rowIndex] : []
            let rowNumber = String(rowIndex + 1)
            var rowAttributes = [("r", rowNumber)]
            if let height = sheet.rowHeights[rowIndex] { rowAttributes += [("ht", String(format: "%.1f", height)), ("customHeight", "1")] }
            xml.start("row", rowAttributes)
            for columnIndex in 0..<max(row.count, lastEditableColumn + 1) {
                let cell = columnIndex < row.count ? row[columnIndex] : .empty
                let reference = letters[columnIndex] + rowNumber
                let isHeader = (sheet.header && rowIndex == 0) || sheet.boldRows.contains(rowIndex)
                let unlocked = sheet.protected && isEditable(sheet, row: rowIndex, column: columnIndex)
                // Attributes one by one: a sheet has about a million cells, and an array of pairs per cell was most
                // of the time of writing it.
                switch cell {
                case .empty:
                    if unlocked { xml.start("c"); xml.attribute("r", reference); xml.attribute("s", "6"); xml.end() }
                case .text(let text):
                    let style = sheet.titleRows.contains(rowIndex) ? "8" : isHeader ? "1" : unlocked ? "6" : (text.utf8.count > 60 && text.count > 60 ? "5" : "0")
                    xml.start("c")
                    xml.attribute("r", reference)
                    xml.attribute("t", "s")
                    // Style 0 is every cell's default: not written (a sixth of the bytes of a text cell).
                    if style != "0" { xml.attribute("s", style) }
                    xml.start("v")
                    xml.text(String(texts[nextText]))
                    xml.end()
                    xml.end()
                    nextText += 1
                case .number(let value, let style):
                    guard value.isFinite else {
                        if unlocked { xml.start("c"); xml.attribute("r", reference); xml.attribute("s", "6"); xml.end() }
                        continue
                    }
                    xml.start("c")
                    xml.attribute("r", reference)
                    xml.attribute("s", unlocked ? "7" : style.styleID)
                    xml.start("v")
                    xml.text(number(value))
                    xml.end()
                    xml.end()
                }
            }
            xml.end()
        }
        xml.end()
        if sheet.protected {
            // Sorting and filtering stay allowed; formats, rows and columns do not change.
            xml.element("sheetProtection", [("sheet", "1"), ("objects", "1"), ("scenarios", "1"), ("sort", "0"), ("autoFilter", "0")])
        }
        if sheet.header && sheet.rows.count > 1 {
            xml.element("autoFilter", [("ref", "A1:\(SourceLocation.columnLetters(columnCount(sheet)))\(sheet.rows.count)")])
        }
        if let validations = validations(sheet) { xml.subtree(validations) }
        xml.element("pageMargins", [("left", "0.5"), ("right", "0.5"), ("top", "0.6"), ("bottom", "0.6"), ("header", "0.3"), ("footer", "0.3")])
        xml.element("pageSetup", [("paperSize", "9"), ("orientation", "landscape"), ("fitToWidth", "1"), ("fitToHeight", "0")])
        xml.end()
        try xml.close()
    }

    /// The shared strings table (`xl/sharedStrings.xml`): every distinct text of the workbook once, numbered in the
    /// order of first appearance (sheet by sheet, row by row), so the same sheets give the same table.
    private struct SharedStrings {
        /// The distinct texts, as written (forbidden characters replaced).
        var texts: [String] = []
        /// For each sheet, the index of each of its text cells in writing order.
        var cells: [[Int32]] = []
        /// How many text cells in all (the `count` attribute).
        var total = 0

        /// A text compared byte for byte: two spellings of « Café » (composed, decomposed) stay as typed, where
        /// `String`'s equality would merge them.
        private struct Bytes: Hashable {
            let text: String
            static func == (a: Bytes, b: Bytes) -> Bool { a.text.utf8.elementsEqual(b.text.utf8) }
            func hash(into hasher: inout Hasher) {
                var text = text
                text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            }
        }

        init(_ sheets: [SheetData]) {
            var index: [Bytes: Int32] = [:]
            for sheet in sheets {
                var sheetCells: [Int32] = []
                for row in sheet.rows {
                    for case .text(let raw) in row {
                        let text = OutputText.clean(raw)
                        if let known = index[Bytes(text: text)] {
                            sheetCells.append(known)
                        } else {
                            let new = Int32(texts.count)
                            index[Bytes(text: text)] = new
                            texts.append(text)
                            sheetCells.append(new)
                        }
                    }
                }
                total += sheetCells.count
                cells.append(sheetCells)
            }
        }

        func write(to file: URL) throws {
            let xml = try XMLStream(file: file)
            xml.start("sst", [("xmlns", main), ("count", String(total)), ("uniqueCount", String(texts.count))])
            for text in texts {
                xml.start("si")
                xml.start("t")
                // Spaces at either end, tabs and line breaks are kept only when the element says so.
                if needsPreserve(text) { xml.attribute("xml:space", "preserve") }
                xml.text(text)
                xml.end()
                xml.end()
            }
            xml.end()
            try xml.close()
        }

        private func needsPreserve(_ text: String) -> Bool {
            guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
            if first.properties.isWhitespace || last.properties.isWhitespace { return true }
            var previousSpace = false
            for byte in text.utf8 {
                if byte == 0x09 || byte == 0x0A || byte == 0x0D || (byte == 0x20 && previousSpace) { return true }
                previousSpace = byte == 0x20
            }
            return false
        }
    }

    /// The frozen rows and columns, nil when none.
    private static func views(_ sheet: SheetData) -> XMLElement? {
        let frozen = sheet.frozenRows ?? (sheet.header && sheet.rows.count > 1 ? 1 : 0)
        if frozen > 0 || sheet.frozenColumns > 0 {
            let views = XMLOutput.element("sheetViews")
            let view = XMLOutput.element("sheetView", [("workbookViewId", "0")])
            var pane: [(String, String)] = []
            if sheet.frozenColumns > 0 { pane.append(("xSplit", "\(sheet.frozenColumns)")) }
            if frozen > 0 { pane.append(("ySplit", "\(frozen)")) }
            let active = sheet.frozenColumns > 0 ? (frozen > 0 ? "bottomRight" : "topRight") : "bottomLeft"
            pane += [("topLeftCell", "\(SourceLocation.columnLetters(sheet.frozenColumns + 1))\(frozen + 1)"), ("activePane", active), ("state", "frozen")]
            view.addChild(XMLOutput.element("pane", pane))
            views.addChild(view)
            return views
        }
        return nil
    }

    /// The drop-down lists and number checks, nil when none.
    private static func validations(_ sheet: SheetData) -> XMLElement? {
        guard !sheet.lists.isEmpty || !sheet.wholeNumbers.isEmpty else { return nil }
        let validations = XMLOutput.element("dataValidations", [("count", "\(sheet.lists.count + sheet.wholeNumbers.count)")])
        for (range, list) in sheet.lists {
            let validation = XMLOutput.element("dataValidation", [("type", "list"), ("allowBlank", "1"), ("showErrorMessage", "0"), ("sqref", range)])
            validation.addChild(XMLOutput.element("formula1", text: list))
            validations.addChild(validation)
        }
        for (range, minimum, maximum, message) in sheet.wholeNumbers {
            let validation = XMLOutput.element("dataValidation", [("type", "whole"), ("operator", "between"), ("allowBlank", "1"),
                                                                  ("showErrorMessage", "1"), ("error", message), ("sqref", range)])
            validation.addChild(XMLOutput.element("formula1", text: "\(minimum)"))
            validation.addChild(XMLOutput.element("formula2", text: "\(maximum)"))
            validations.addChild(validation)
        }
        return validations
    }

    /// The shortest text that reads back as the same double ("0.25", "3", "1e-05").
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

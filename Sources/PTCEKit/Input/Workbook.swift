import Foundation

/// A spreadsheet workbook read as sheets of cells: `.xlsx` (Office Open XML, ECMA-376 part 1, §18) and `.ods`
/// (OpenDocument 1.2, part 1, §9). The zip is read by `ZipArchive` (zlib, bounded) and each XML part is parsed by `SafeXML`
/// (no DTD, so no entity trick); only what a table of data needs is read: cell text, numbers as written, booleans,
/// dates (serial numbers in the 1900 or 1904 system, date cells of ODS), the cached value of formulas, merged cells,
/// hidden sheets.
///
/// Limits, so that a workbook cannot exhaust memory: each XML part at most `maximumPartBytes` once uncompressed (the
/// size the zip declares and the bytes actually inflated are both checked), all parts together at most
/// `maximumTotalBytes`, a compression ratio above `maximumRatio` refused as a zip bomb, at most `maximumCells` cells
/// with content and rows numbered up to `maximumRows`.
struct Workbook {
    struct Sheet {
        var name: String
        var hidden: Bool
        /// Rows with content, in order: the row number and its cells (column number, text) in column order.
        var rows: [(number: Int, cells: [(column: Int, text: String)])] = []
        /// Merged areas with more than one row, as "A5:A9" (their first cell's value was copied into each cell).
        var mergedDown: [String] = []
    }

    var sheets: [Sheet] = []

    static let maximumPartBytes = 64 << 20
    static let maximumTotalBytes = 256 << 20
    static let maximumRatio = 1_000
    static let maximumCells = 2_000_000
    static let maximumRows = 1_048_576
    static let maximumColumns = 16_384

    /// Reads the workbook at `path`; `display` names it in messages.
    static func read(path: String, display: String) throws(InputError) -> Workbook {
        let data: Data
        do { data = try InputFile.read(path) } catch { throw error }
        func failure(_ code: String, _ fr: String, _ en: String, hintFr: String, hintEn: String) -> InputError {
            InputError(Diagnostic(.error, SourceLocation(file: display, line: 1, column: 1), code: code,
                                  Localized(fr: fr, en: en), hint: Localized(fr: hintFr, en: hintEn)))
        }
        guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw failure("not-a-workbook", "ce fichier n'est pas un classeur .xlsx ou .ods (ce n'est pas une archive zip)",
                          "this file is not an .xlsx or .ods workbook (it is not a zip archive)",
                          hintFr: "ouvrez-le dans votre tableur et enregistrez-le au format Excel (.xlsx) ou OpenDocument (.ods)",
                          hintEn: "open it in your spreadsheet program and save it as Excel (.xlsx) or OpenDocument (.ods)")
        }
        let archive: ZipArchive
        do { archive = try ZipArchive(data) } catch {
            throw failure("damaged-workbook", "classeur endommagé : l'archive zip est incomplète ou illisible",
                          "damaged workbook: the zip archive is incomplete or unreadable",
                          hintFr: "le fichier a peut-être été tronqué (copie ou téléchargement interrompu) : enregistrez-le de nouveau depuis le tableur",
                          hintEn: "the file may have been cut short (interrupted copy or download): save it again from the spreadsheet program")
        }
        var parts = PartReader(archive: archive, display: display)
        if archive["xl/workbook.xml"] != nil { return try readXLSX(&parts, display: display) }
        if archive["content.xml"] != nil { return try readODS(&parts, display: display) }
        throw failure("not-a-workbook", "archive zip sans classeur : ni xl/workbook.xml (Excel) ni content.xml (OpenDocument)",
                      "zip archive without a workbook: neither xl/workbook.xml (Excel) nor content.xml (OpenDocument)",
                      hintFr: "enregistrez le classeur au format Excel (.xlsx) ou OpenDocument (.ods)",
                      hintEn: "save the workbook as Excel (.xlsx) or OpenDocument (.ods)")
    }

    // MARK: - Parts of the zip, with the limits

    struct PartReader {
        let archive: ZipArchive
        let display: String
        var total = 0

        /// The bytes of one part, nil when the archive has no such part.
        mutating func data(_ path: String) throws(InputError) -> Data? {
            guard let entry = archive[path] else { return nil }
            let declared = entry.uncompressedSize, compressed = max(entry.compressedSize, 1)
            if declared > Workbook.maximumPartBytes || total + declared > Workbook.maximumTotalBytes
                || (declared > 1 << 20 && declared / compressed > Workbook.maximumRatio) {
                throw bomb(path, declared)
            }
            let result: Data
            do {
                result = try archive.extract(entry, limit: min(Workbook.maximumPartBytes, Workbook.maximumTotalBytes - total))
            } catch .tooLarge(let inflated) {
                throw bomb(path, inflated)
            } catch {
                throw InputError(Diagnostic(.error, SourceLocation(file: display, line: 1, column: 1), code: "damaged-workbook",
                    Localized(fr: "classeur endommagé : la partie \(path) est illisible", en: "damaged workbook: part \(path) cannot be read"),
                    hint: Localized(fr: "enregistrez de nouveau le classeur depuis le tableur", en: "save the workbook again from the spreadsheet program")))
            }
            total += result.count
            return result
        }

        private func bomb(_ path: String, _ size: Int) -> InputError {
            InputError(Diagnostic(.error, SourceLocation(file: display, line: 1, column: 1), code: "workbook-too-large",
                Localized(fr: "classeur refusé : la partie \(path) fait \(size / (1 << 20)) Mio décompressée (limite \(Workbook.maximumPartBytes >> 20) Mio par partie, taux de compression au plus \(Workbook.maximumRatio))",
                          en: "workbook refused: part \(path) is \(size / (1 << 20)) MiB uncompressed (limit \(Workbook.maximumPartBytes >> 20) MiB per part, compression ratio at most \(Workbook.maximumRatio))"),
                hint: Localized(fr: "un réseau tient dans quelques Mio : ce fichier est anormal (« bombe zip ») ou contient autre chose qu'un tableau",
                                en: "a network fits in a few MiB: this file is abnormal (a \"zip bomb\") or holds more than tables")))
        }

        /// Parses one XML part with `handler`; its problems name the part.
        mutating func parse(_ path: String, _ handler: SafeXML.Handler, required: Bool = true) throws(InputError) {
            guard let data = try data(path) else {
                guard required else { return }
                throw InputError(Diagnostic(.error, SourceLocation(file: display, line: 1, column: 1), code: "damaged-workbook",
                    Localized(fr: "classeur endommagé : la partie \(path) manque", en: "damaged workbook: part \(path) is missing"),
                    hint: Localized(fr: "enregistrez de nouveau le classeur depuis le tableur", en: "save the workbook again from the spreadsheet program")))
            }
            if let problem = SafeXML.parse(data: data, file: "\(display) (\(path))", handler: handler).first {
                throw InputError(problem)
            }
        }
    }

    /// The local name of an XML name (`table:table-cell` → `table-cell`, `x:c` → `c`).
    static func local(_ name: String) -> Substring {
        guard let colon = name.lastIndex(of: ":") else { return Substring(name) }
        return name[name.index(after: colon)...]
    }

    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        if let value = attributes[name] { return value }
        return attributes.first { local($0.key) == name }?.value
    }

    /// "C12" → (row 12, column 3).
    static func cellReference(_ text: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, sawDigit = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z" where !sawDigit: column = column * 26 + Int(scalar.value - 64)
            case "a"..."z" where !sawDigit: column = column * 26 + Int(scalar.value - 96)
            case "0"..."9": sawDigit = true; row = row * 10 + Int(scalar.value - 48)
            case "$": continue
            default: return nil
            }
            if column > maximumColumns || row > maximumRows { return nil }
        }
        return column > 0 && row > 0 ? (row, column) : nil
    }

    // MARK: - Cells of one sheet

    /// Collects cells with content; merged areas are filled at the end.
    struct SheetBuilder {
        var display: String
        var name: String
        var cells: [Int: [Int: String]] = [:]
        var count = 0
        var merges: [(row: Int, column: Int, rows: Int, columns: Int)] = []

        mutating func set(_ row: Int, _ column: Int, _ text: String) throws(InputError) {
            guard !text.isEmpty else { return }
            guard row <= Workbook.maximumRows, column <= Workbook.maximumColumns else { throw tooLarge() }
            count += 1
            if count > Workbook.maximumCells { throw tooLarge() }
            cells[row, default: [:]][column] = text
        }

        func tooLarge() -> InputError {
            InputError(Diagnostic(.error, SourceLocation(file: display, line: 1, column: 1, sheet: name), code: "workbook-too-large",
                Localized(fr: "feuille « \(name) » trop grande (plus de \(Workbook.maximumCells) cellules remplies, ou au-delà de la ligne \(Workbook.maximumRows) ou de la colonne XFD)",
                          en: "sheet '\(name)' is too large (more than \(Workbook.maximumCells) filled cells, or beyond row \(Workbook.maximumRows) or column XFD)"),
                hint: Localized(fr: "gardez dans le classeur les seuls tableaux du réseau", en: "keep only the network's tables in the workbook")))
        }

        mutating func sheet(hidden: Bool) -> Sheet {
            var sheet = Sheet(name: name, hidden: hidden)
            for merge in merges.sorted(by: { ($0.row, $0.column) < ($1.row, $1.column) }) {
                guard let value = cells[merge.row]?[merge.column], merge.rows * merge.columns <= 100_000 else { continue }
                for row in merge.row..<(merge.row + merge.rows) {
                    for column in merge.column..<(merge.column + merge.columns) where cells[row]?[column] == nil {
                        cells[row, default: [:]][column] = value
                    }
                }
                if merge.rows > 1 {
                    sheet.mergedDown.append("\(SourceLocation.columnLetters(merge.column))\(merge.row):"
                                            + "\(SourceLocation.columnLetters(merge.column + merge.columns - 1))\(merge.row + merge.rows - 1)")
                }
            }
            sheet.rows = cells.keys.sorted().map { row in (row, cells[row]!.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }) }
            return sheet
        }
    }

    /// Numbers as the spreadsheet shows them when they are whole (`3`, not `3.0`), otherwise as written in the file.
    static func number(_ text: String) -> String {
        guard let value = Double(text), value.isFinite, value == value.rounded(), abs(value) < 1e15 else { return text }
        return String(Int(value))
    }

    /// A date serial number as an ISO date (`2019-05-01`), or date and time when it has a fraction.
    static func date(serial text: String, system1904: Bool) -> String? {
        guard let serial = Double(text), serial.isFinite, serial >= 0, serial < 2_958_466 else { return nil }
        var days = serial.rounded(.down)
        // The 1900 system counts 29 February 1900, which did not exist (Lotus 1-2-3's bug, kept by Excel): serial 60.
        if !system1904 && days < 61 { days += 1 }
        let epoch = system1904 ? DateComponents(year: 1904, month: 1, day: 1) : DateComponents(year: 1899, month: 12, day: 31)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let start = calendar.date(from: epoch),
              let day = calendar.date(byAdding: .day, value: Int(days) - (system1904 ? 0 : 1), to: start) else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: day)
        let iso = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        let seconds = Int(((serial - serial.rounded(.down)) * 86_400).rounded())
        guard seconds > 0 && seconds < 86_400 else { return iso }
        return iso + String(format: " %02d:%02d", seconds / 3600, seconds / 60 % 60)
    }
}

// MARK: - Office Open XML (.xlsx)

extension Workbook {
    static func readXLSX(_ parts: inout PartReader, display: String) throws(InputError) -> Workbook {
        let book = XLSXWorkbookHandler()
        try parts.parse("xl/workbook.xml", book)
        let relations = XLSXRelationsHandler()
        try parts.parse("xl/_rels/workbook.xml.rels", relations, required: false)
        let strings = XLSXSharedStringsHandler()
        try parts.parse("xl/sharedStrings.xml", strings, required: false)
        let styles = XLSXStylesHandler()
        try parts.parse("xl/styles.xml", styles, required: false)
        var workbook = Workbook()
        for (index, sheet) in book.sheets.enumerated() {
            var target = relations.targets[sheet.relation] ?? "worksheets/sheet\(index + 1).xml"
            target = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
            let handler = XLSXSheetHandler(builder: SheetBuilder(display: display, name: sheet.name), strings: strings.strings,
                                           dateStyles: styles.dateStyles, system1904: book.system1904)
            try parts.parse(target, handler)
            if let error = handler.error { throw error }
            workbook.sheets.append(handler.builder.sheet(hidden: sheet.hidden))
        }
        return workbook
    }
}

/// `xl/workbook.xml`: the sheets in order, their relation ids and visibility; the date system.
private final class XLSXWorkbookHandler: SafeXML.Handler {
    var sheets: [(name: String, relation: String, hidden: Bool)] = []
    var system1904 = false

    func start(_ name: String, attributes: [String: String], at location: SourceLocation) {
        switch Workbook.local(name) {
        case "sheet":
            let state = Workbook.attribute(attributes, "state") ?? "visible"
            sheets.append((Workbook.attribute(attributes, "name") ?? "Feuille\(sheets.count + 1)",
                           Workbook.attribute(attributes, "id") ?? "", state != "visible"))
        case "workbookPr":
            let value = Workbook.attribute(attributes, "date1904") ?? "0"
            system1904 = value == "1" || value == "true"
        default: break
        }
    }
    func end(_ name: String, text: String, at location: SourceLocation) {}
}

/// `xl/_rels/workbook.xml.rels`: relation id → part.
private final class XLSXRelationsHandler: SafeXML.Handler {
    var targets: [String: String] = [:]
    func start(_ name: String, attributes: [String: String], at location: SourceLocation) {
        if Workbook.local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
    }
    func end(_ name: String, text: String, at location: SourceLocation) {}
}

/// `xl/sharedStrings.xml`: each `<si>`'s text, its runs joined, phonetic guides (`<rPh>`) left out.
private final class XLSXSharedStringsHandler: SafeXML.Handler {
    var strings: [String] = []
    private var current = "", inText = false, phonetic = 0

    func start(_ name: String, attributes: [String: String], at location: SourceLocation) {
        switch Workbook.local(name) {
        case "si": current = ""
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }
    func characters(_ text: String) { if inText { current += text } }
    func end(_ name: String, text: String, at location: SourceLocation) {
        switch Workbook.local(name) {
        case "si": strings.append(current)
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// `xl/styles.xml`: which cell formats (`cellXfs` index) show a date.
final class XLSXStylesHandler: SafeXML.Handler {
    private var customDate: Set<Int> = []
    private var formats: [Int] = []
    private var inCellFormats = false

    var dateStyles: Set<Int> {
        Set(formats.enumerated().compactMap { index, format in
            // Built-in date and time formats of ECMA-376 §18.8.30, and custom formats with day, month or year codes.
            ((14...22).contains(format) || (45...47).contains(format) || (27...36).contains(format) || (50...58).contains(format)
             || customDate.contains(format)) ? index : nil
        })
    }

    func start(_ name: String, attributes: [String: String], at location: SourceLocation) {
        switch Workbook.local(name) {
        case "numFmt":
            guard let id = Workbook.attribute(attributes, "numFmtId").flatMap(Int.init),
                  let code = Workbook.attribute(attributes, "formatCode") else { return }
            if Self.isDate(code) { customDate.insert(id) }
        case "cellXfs": inCellFormats = true
        case "xf" where inCellFormats: formats.append(Workbook.attribute(attributes, "numFmtId").flatMap(Int.init) ?? 0)
        default: break
        }
    }
    func end(_ name: String, text: String, at location: SourceLocation) {
        if Workbook.local(name) == "cellXfs" { inCellFormats = false }
    }

    /// A number format shows a date when it has d, m or y outside quotes and brackets (`[Red]`, `"text"`).
    static func isDate(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for character in code.lowercased() {
            if escaped { escaped = false; continue }
            switch character {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            default: if !quoted && !bracket && (character == "d" || character == "m" || character == "y") { return true }
            }
        }
        return false
    }
}

/// One worksheet: `<c r="C12" t="s" s="2"><v>…</v></c>`, inline strings, formulas' cached values, merged cells.
private final class XLSXSheetHandler: SafeXML.Handler {
    var builder: Workbook.SheetBuilder
    let strings: [String]
    let dateStyles: Set<Int>
    let system1904: Bool
    var error: InputError?

    private var row = 0, column = 0
    private var type = "n", style = 0
    private var value = "", inline = "", inValue = false, inInline = false, phonetic = 0

    init(builder: Workbook.SheetBuilder, strings: [String], dateStyles: Set<Int>, system1904: Bool) {
        self.builder = builder
        self.strings = strings
        self.dateStyles = dateStyles
        self.system1904 = system1904
    }

    func start(_ name: String, attributes: [String: String], at location: SourceLocation) {
        switch Workbook.local(name) {
        case "row":
            row = Workbook.attribute(attributes, "r").flatMap(Int.init) ?? row + 1
            column = 0
        case "c":
            if let reference = Workbook.attribute(attributes, "r").flatMap(Workbook.cellReference) {
                (row, column) = (reference.row, reference.column)
            } else {
                column += 1
            }
            type = Workbook.attribute(attributes, "t") ?? "n"
            style = Workbook.attribute(attributes, "s").flatMap(Int.init) ?? 0
            value = ""
            inline = ""
        case "v": inValue = true
        case "is": inInline = true
        case "rPh": phonetic += 1
        case "mergeCell":
            let ends = (Workbook.attribute(attributes, "ref") ?? "").split(separator: ":").compactMap { Workbook.cellReference(String($0)) }
            if ends.count == 2, ends[1].row >= ends[0].row, ends[1].column >= ends[0].column {
                builder.merges.append((ends[0].row, ends[0].column, ends[1].row - ends[0].row + 1, ends[1].column - ends[0].column + 1))
            }
        default: break
        }
    }

    func characters(_ text: String) {
        if inValue { value += text } else if inInline && phonetic == 0 { inline += text }
    }

    func end(_ name: String, text: String, at location: SourceLocation) {
        switch Workbook.local(name) {
        case "v": inValue = false
        case "is": inInline = false
        case "rPh": phonetic -= 1
        case "c":
            let text: String
            switch type {
            case "s": text = Int(value.trimmingCharacters(in: .whitespaces)).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil } ?? ""
            case "inlineStr": text = inline
            case "str", "e": text = value
            case "b": text = value == "1" ? "true" : "false"
            case "d": text = String(value.prefix(10))
            default:
                text = dateStyles.contains(style) ? (Workbook.date(serial: value, system1904: system1904) ?? value) : Workbook.number(value)
            }
            guard error == nil else { return }
            do { try builder.set(row, column, text) } catch { self.error = error }
        default: break
        }
    }
}

// MARK: - OpenDocument (.ods)

extension Workbook {
    static func readODS(_ parts: inout PartReader, display: String) throws(InputError) -> Workbook {
        let handler = ODSContentHandler(display: display)
        try parts.parse("content.xml", handler)
        if let error = handler.error { throw error }
        return Workbook(sheets: handler.sheets)
    }
}

/// `content.xml`: `table:table` → `table:table-row` (repeated) → `table:table-cell` (repeated, spanned), with the
/// value in `office:value` / `office:date-value` / `office:boolean-value`, or the text of its `text:p` paragraphs.
private final class ODSContentHandler: SafeXML.Handler {
    let display: String
    var sheets: [Workbook.Sheet] = []
    var error: InputError?

    private var hiddenStyles: Set<String> = []
    private var styleName: String?
    private var builder: Workbook.SheetBuilder?
    private var hidden = false
    private var row = 0, column = 0, rowRepeat = 1
    private var cell: (repeat: Int, spanRows: Int, spanColumns: Int, value: String?)?
    private var text = "", paragraphs = 0, inParagraph = 0, inAnnotation = 0

    init(display: String) { self.display = display }

    func start(_ name: String, attributes: [String: String], at location: SourceLocation) {
        guard error == nil else { return }
        switch Workbook.local(name) {
        case "style": styleName = Workbook.attribute(attributes, "name")
        case "table-properties":
            if Workbook.attribute(attributes, "display") == "false", let styleName { hiddenStyles.insert(styleName) }
        case "table":
            let sheetName = Workbook.attribute(attributes, "name") ?? "Feuille\(sheets.count + 1)"
            builder = Workbook.SheetBuilder(display: display, name: sheetName)
            hidden = Workbook.attribute(attributes, "style-name").map(hiddenStyles.contains) ?? false
            row = 0
        case "table-row":
            row += 1
            column = 0
            rowRepeat = max(1, Workbook.attribute(attributes, "number-rows-repeated").flatMap(Int.init) ?? 1)
        case "table-cell", "covered-table-cell":
            column += 1
            let repeated = max(1, Workbook.attribute(attributes, "number-columns-repeated").flatMap(Int.init) ?? 1)
            let spanRows = max(1, Workbook.attribute(attributes, "number-rows-spanned").flatMap(Int.init) ?? 1)
            let spanColumns = max(1, Workbook.attribute(attributes, "number-columns-spanned").flatMap(Int.init) ?? 1)
            var value: String?
            switch Workbook.attribute(attributes, "value-type") {
            case "float", "percentage", "currency": value = Workbook.attribute(attributes, "value").map(Workbook.number)
            case "date": value = Workbook.attribute(attributes, "date-value").map { $0.count > 10 && $0.hasSuffix("T00:00:00") ? String($0.prefix(10)) : $0 }
            case "boolean": value = Workbook.attribute(attributes, "boolean-value")
            default: value = nil
            }
            cell = (repeated, spanRows, spanColumns, value)
            text = ""
            paragraphs = 0
        case "annotation": inAnnotation += 1
        case "p" where cell != nil && inAnnotation == 0:
            if paragraphs > 0 { text += "\n" }
            paragraphs += 1
            inParagraph += 1
        case "s" where inParagraph > 0 && inAnnotation == 0:
            text += String(repeating: " ", count: max(1, min(1000, Workbook.attribute(attributes, "c").flatMap(Int.init) ?? 1)))
        case "tab" where inParagraph > 0 && inAnnotation == 0: text += "\t"
        case "line-break" where inParagraph > 0 && inAnnotation == 0: text += "\n"
        default: break
        }
    }

    func characters(_ string: String) {
        if inParagraph > 0 && inAnnotation == 0 { text += string }
    }

    func end(_ name: String, text _: String, at location: SourceLocation) {
        guard error == nil else { return }
        switch Workbook.local(name) {
        case "annotation": inAnnotation -= 1
        case "p" where inParagraph > 0: inParagraph -= 1
        case "table-cell", "covered-table-cell":
            guard let current = cell else { return }
            let content = current.value ?? text
            if !content.isEmpty {
                // A filled cell repeated over many columns or rows is written once per copy, within the limits.
                for copy in 0..<min(current.repeat, Workbook.maximumColumns) {
                    for line in 0..<min(rowRepeat, Workbook.maximumRows) {
                        do { try builder?.set(row + line, column + copy, content) } catch { self.error = error; return }
                    }
                }
                if current.spanRows > 1 || current.spanColumns > 1 {
                    builder?.merges.append((row, column, current.spanRows, current.spanColumns))
                }
            }
            column += current.repeat - 1
            cell = nil
        case "table-row":
            row += rowRepeat - 1
        case "table":
            if var finished = builder { sheets.append(finished.sheet(hidden: hidden)) }
            builder = nil
        default: break
        }
    }
}

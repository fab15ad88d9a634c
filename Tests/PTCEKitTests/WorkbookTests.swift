import Foundation
import Testing
@testable import PTCEKit

/// The pieces of the workbook reader that a spreadsheet program's files exercise only by chance.
struct WorkbookTests {
    @Test(arguments: [
        // Excel's 1900 system counts a 29 February 1900 that did not exist (serial 60).
        ("1", false, "1900-01-01"), ("59", false, "1900-02-28"), ("61", false, "1900-03-01"),
        ("43586", false, "2019-05-01"), ("44926", false, "2022-12-31"), ("43586.5", false, "2019-05-01 12:00"),
        // The 1904 system (old Mac workbooks): the same day is 1,462 less.
        ("0", true, "1904-01-01"), ("42124", true, "2019-05-01"),
    ])
    func dateSerials(_ serial: String, _ system1904: Bool, _ expected: String) {
        #expect(Workbook.date(serial: serial, system1904: system1904) == expected)
    }

    @Test func notDates() {
        #expect(Workbook.date(serial: "-1", system1904: false) == nil)
        #expect(Workbook.date(serial: "x", system1904: false) == nil)
        #expect(Workbook.date(serial: "1e300", system1904: false) == nil)
    }

    @Test func columnsAndCells() {
        #expect([1, 26, 27, 52, 53, 702, 703, 16384].map(SourceLocation.columnLetters) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"])
        #expect(Workbook.cellReference("C12")! == (12, 3))
        #expect(Workbook.cellReference("$AA$3")! == (3, 27))
        #expect(Workbook.cellReference("XFE1") == nil && Workbook.cellReference("A0") == nil && Workbook.cellReference("12") == nil)
        #expect(SourceLocation(file: "r.xlsx", line: 12, column: 3, sheet: "Liens").description == "r.xlsx[Liens]!C12")
    }

    @Test func numberFormatsThatShowDates() {
        for code in ["dd/mm/yyyy", "d mmm yy", "[$-40C]dddd d mmmm yyyy", "yyyy-mm-dd hh:mm"] { #expect(XLSXStylesHandler.isDate(code), "\(code)") }
        for code in ["0.00", "#,##0 €", "[Red]0", "\"day\" 0", "0%", "@"] { #expect(!XLSXStylesHandler.isDate(code), "\(code)") }
    }

    @Test func wholeNumbersAsShown() {
        #expect(Workbook.number("2017") == "2017" && Workbook.number("3.0") == "3" && Workbook.number("0.25") == "0.25")
        #expect(Workbook.number("1E+20") == "1E+20")
    }
}

/// Issue 13: one rule for dates everywhere — a tie "until 31/12/2022" or "until 2022" is active during 2022.
struct UntilRuleTests {
    @Test func theUntilYearIsIncluded() {
        for until in [PartialDate(year: 2022), PartialDate(year: 2022, month: 12, day: 31), PartialDate(year: 2022, month: 1, day: 15)] {
            let tie = Partnership(source: "a", target: "b", type: "pooling", since: PartialDate(year: 2019), until: until)
            #expect(!tie.isActive(in: 2018) && tie.isActive(in: 2019) && tie.isActive(in: 2022) && !tie.isActive(in: 2023))
        }
        let network = Network(actors: [Actor(id: "a", name: "A", kind: "ai"), Actor(id: "b", name: "B", kind: "ai")],
                              ties: [Partnership(source: "a", target: "b", type: "pooling", since: PartialDate(year: 2019), until: PartialDate(year: 2022))])
        var options = GraphViewOptions()
        options.at = 2022
        let graph2022 = NetworkGraph(network, options: options)
        options.at = 2023
        let graph2023 = NetworkGraph(network, options: options)
        #expect(graph2022.graph.edgeCount == 1 && graph2023.graph.edgeCount == 0)
    }
}

/// The writer's shared strings table: each distinct text once, read back cell by cell as written.
struct SharedStringsTests {
    @Test func textsAreSharedAndReadBackUnchanged() throws {
        let texts = ["Nom", "  espaces devant", "espaces derrière  ", "deux  espaces", "ligne\nsuivante", "tab\tulation",
                     "Café", "Cafe\u{301}", "<b>&amp;</b>", "même", "même", "même", "contrôle\u{1}"]
        let rows: [[SheetData.Cell]] = texts.map { [.text($0), .number(1.5, .decimal)] } + [[.empty, .text("même")]]
        let data = try XLSXWriter.write([SheetData(name: "Feuille", rows: rows), SheetData(name: "Autre", rows: [[.text("même")]])])
        let archive = try ZipArchive(data)
        let table = String(decoding: try archive.extract(#require(archive["xl/sharedStrings.xml"]), limit: 1 << 24), as: UTF8.self)
        // 11 distinct texts (Café composed and decomposed stay two texts, as typed), 15 text cells in all.
        #expect(table.contains("count=\"15\" uniqueCount=\"11\""))
        #expect(table.components(separatedBy: "<si>").count - 1 == 11)
        let sheet = String(decoding: try archive.extract(#require(archive["xl/worksheets/sheet1.xml"]), limit: 1 << 24), as: UTF8.self)
        #expect(!sheet.contains("inlineStr") && sheet.contains("<c r=\"B14\" t=\"s\"><v>9</v></c>") && sheet.contains("<c r=\"A1\" t=\"s\" s=\"1\"><v>0</v></c>"))

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ptce-shared-\(UUID().uuidString).xlsx")
        try data.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let workbook = try Workbook.read(path: file.path, display: "t.xlsx")
        let read = workbook.sheets[0].rows.map { $0.cells.first { $0.column == 1 }?.text }
        #expect(Array(read.prefix(texts.count)) == texts.dropLast().map { Optional($0) } + ["contrôle\u{FFFD}"])
        // Byte for byte (String's == would take the two Cafés as equal).
        #expect(read[7]?.utf8.elementsEqual("Cafe\u{301}".utf8) == true && read[6]?.utf8.elementsEqual("Café".utf8) == true)
        #expect(workbook.sheets[0].rows.last?.cells.map(\.text) == ["même"] && workbook.sheets[1].rows[0].cells.map(\.text) == ["même"])
    }
}

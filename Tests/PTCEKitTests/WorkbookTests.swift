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

/// Where a value came from in an input file: 1-based line and column. The column counts characters, except for a
/// cell of a table — a CSV file or a sheet — where it is the cell's column, written as a spreadsheet letter:
/// `ties.csv:12:C`, `reseau.xlsx[Liens]!C12`.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file's path as given (as the user will look for it).
    public var file: String
    /// The line, 1-based (a sheet's row).
    public var line: Int
    /// The column, 1-based: a character position, or a table's column number when `cell` is set.
    public var column: Int
    /// The sheet of a workbook: the location is then a cell, written as people read spreadsheets,
    /// `reseau.xlsx[Liens]!C12` (line = row, column = column number).
    public var sheet: String?
    /// Set when `column` is a table's column (shown as a letter), not a character position.
    public var cell: Bool?

    /// A location in a text file, or with `sheet`, a workbook's cell.
    public init(file: String, line: Int, column: Int, sheet: String? = nil, cell: Bool? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.sheet = sheet
        self.cell = cell
    }

    /// `file:line:column`, `file:line:C` for a table's cell, `file[Sheet]!C12` in a workbook.
    public var description: String {
        guard let sheet else { return cell == true ? "\(file):\(line):\(Self.columnLetters(column))" : "\(file):\(line):\(column)" }
        return "\(file)[\(sheet)]!\(Self.columnLetters(column))\(line)"
    }

    /// The start of `line` in the same file (and sheet).
    public func atLineStart(_ line: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: 1, sheet: sheet, cell: cell) }

    /// A spreadsheet column's letters: 1 → A, 26 → Z, 27 → AA, 16384 → XFD.
    public static func columnLetters(_ column: Int) -> String {
        var number = max(column, 1), letters = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            number = (number - 1) / 26
        }
        return letters
    }
}

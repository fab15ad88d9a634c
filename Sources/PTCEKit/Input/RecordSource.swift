/// One record of an input file, whatever its format: a CSV row or a JSON object.
protocol RecordSource {
    /// The first line of the record.
    var line: Int { get }
    /// The trimmed text of a known column, nil when absent or blank.
    func value(_ column: String) -> CSVField?
    func location(_ column: String) -> SourceLocation
    var attributes: [Attribute] { get }
    /// Every text cell of the record with where it starts, for the checks that concern all cells alike.
    var cells: [(text: String, location: SourceLocation)] { get }
    /// The texts of `cells`, without their locations (made only when a check fails).
    var cellTexts: [String] { get }
    /// Whether every cell's text meets `condition` (without making an array of them when the record holds one).
    func allCells(_ condition: (String) -> Bool) -> Bool
}

extension RecordSource {
    var cellTexts: [String] { cells.map(\.text) }
    func allCells(_ condition: (String) -> Bool) -> Bool { cellTexts.allSatisfy(condition) }
}

extension Table.Row: RecordSource {}

import Foundation

/// A date known to the year, the month or the day, as spreadsheets give them
/// (`2015`, `2015-03`, `2015-03-12`, `12/03/2015`, `03/2015`).
///
/// Comparisons order by year, then month, then day, with a missing month or day sorting first.
public struct PartialDate: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    /// The year, four digits.
    public var year: Int
    /// The month, 1…12, when known.
    public var month: Int?
    /// The day of the month, when known (then the month is known too).
    public var day: Int?

    /// A date known to the year, the month or the day.
    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// ISO 8601 text at the precision the date has: `2015`, `2015-03` or `2015-03-12`.
    public var description: String {
        // Padded by hand: `String(format:)` was most of the time of writing the ties sheet of a workbook.
        func padded(_ value: Int, _ width: Int) -> String {
            guard value >= 0 else { return String(format: "%0\(width)d", value) }
            let digits = String(value)
            return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
        }
        var text = padded(year, 4)
        if let month { text += "-" + padded(month, 2) }
        if let day { text += "-" + padded(day, 2) }
        return text
    }

    /// Earlier, with a missing month or day before any given one.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// Decodes the ISO text of `description` (and the other forms `parse` reads).
    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard case .success(let date) = PartialDate.parse(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a date: \(text)"))
        }
        self = date
    }

    /// Encodes as the ISO text of `description`.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Why a text is not a date.
    public enum ParseFailure: Error, Equatable {
        /// Not one of the forms read.
        case malformed
        /// A form read, but no such day (the text says which part: a month 13, a 31 April…).
        case impossible(String)
    }

    /// Parses the forms listed in the type's summary; the year must have four digits.
    public static func parse(_ raw: String) -> Result<PartialDate, ParseFailure> {
        var text = raw.trimmingCharacters(in: .whitespaces)
        // A date with a time of day (a workbook's date-time cell, "2019-05-01 12:00" or "2019-05-01T12:00:00"): the day.
        if let cut = text.firstIndex(where: { $0 == " " || $0 == "T" }), text[text.index(after: cut)...].contains(":") {
            text = String(text[..<cut])
        }
        let iso = text.split(separator: "-", omittingEmptySubsequences: false)
        let french = text.split(separator: "/", omittingEmptySubsequences: false)
        var parts: [Substring]
        if iso.count > 1 {
            parts = iso
        } else if french.count > 1 {
            parts = french.reversed()
        } else {
            parts = [Substring(text)]
        }
        guard (1...3).contains(parts.count),
              parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0])
        else { return .failure(.malformed) }
        let month = parts.count > 1 ? Int(parts[1]) : nil
        let day = parts.count > 2 ? Int(parts[2]) : nil
        if let month, !(1...12).contains(month) {
            return .failure(.impossible("month \(month) does not exist"))
        }
        if let day, let month {
            let length = daysIn(month: month, year: year)
            if !(1...length).contains(day) {
                return .failure(.impossible("day \(day) does not exist in \(String(format: "%04d-%02d", year, month))"))
            }
        }
        return .success(PartialDate(year: year, month: month, day: day))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

import Foundation

/// The language of what animators read.
public enum Language: String, Sendable, CaseIterable, Codable {
    /// French, the default.
    case fr
    /// English (`--lang en`).
    case en
}

extension Language {
    /// A number for readers: fixed digits, a decimal comma in French; "–" when undefined (never "nan").
    public func decimal(_ value: Double?, digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        let text = String(format: "%.\(digits)f", value)
        return self == .fr ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// A share as a whole percentage: "42 %" in French, "42%" in English; "–" when undefined.
    public func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        return self == .fr ? String(format: "%.0f %%", value * 100) : String(format: "%.0f%%", value * 100)
    }
}

/// Levenshtein distance over Unicode scalars.
package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

extension String {
    /// The text right-aligned in `width` characters (unchanged when longer).
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}

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

    /// "1 acteur", "2 acteurs" (French: singular below 2; `plural` when it is not the word + s), "1 actor", "0 actors".
    public func count(_ n: Int, _ french: String, _ english: String, frenchPlural: String? = nil, englishPlural: String? = nil) -> String {
        switch self {
        case .fr: return "\(n) " + (n >= 2 ? frenchPlural ?? french + "s" : french)
        case .en: return "\(n) " + (n == 1 ? english : englishPlural ?? english + "s")
        }
    }

    /// "2026-11-24" → "24 novembre 2026" / "24 November 2026"; "1er" for the first of the month in French; the text
    /// unchanged when it is not a date.
    public func longDate(_ iso: String) -> String {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else { return iso }
        let months = self == .fr
            ? ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        return "\(parts[2] == 1 && self == .fr ? "1er" : String(parts[2])) \(months[parts[1] - 1]) \(parts[0])"
    }

    /// An amount in euros without decimals: "250 000 €" (narrow no-break spaces) / "€250,000".
    public func euros(_ value: Double) -> String {
        guard value.isFinite else { return "–" }
        var digits = String(format: "%.0f", abs(value))
        var groups: [String] = []
        while digits.count > 3 { groups.insert(String(digits.suffix(3)), at: 0); digits.removeLast(3) }
        groups.insert(digits, at: 0)
        let sign = value < 0 ? "−" : ""
        return self == .fr ? sign + groups.joined(separator: "\u{202F}") + "\u{202F}€" : sign + "€" + groups.joined(separator: ",")
    }
}

/// Sentences that read a statistical test: they say what the numbers allow, no more.
public enum Reading {
    /// The significance level of ptce's sentences: below it a gap is called significant.
    public static let level = 0.05

    /// The E-I index against its expected value under random labels, with its permutation p-value (two-sided).
    /// `unit` names the groups in the plural ("familles", "families"). Not significant → "on ne peut pas dire".
    /// `feminine`: the French noun is feminine ("familles tirées", "groupes tirés").
    public static func eiIndex(_ ei: Double, expected: Double, pValue: Double?, permutations: Int, unit: (fr: String, en: String),
                               feminine: Bool = false, language: Language) -> String {
        let fr = language == .fr
        let drawn = feminine ? "tirées" : "tirés"
        let numbers = fr ? "E-I \(language.decimal(ei, digits: 2)) ; \(language.decimal(expected, digits: 2)) si les \(unit.fr) étaient \(drawn) au hasard"
                         : "E-I \(language.decimal(ei, digits: 2)); \(language.decimal(expected, digits: 2)) were the \(unit.en) drawn at random"
        guard let p = pValue, permutations > 0 else {
            return fr ? "Sans test de permutation, on ne peut pas dire si l'écart entre liens internes et externes aux \(unit.fr) tient au hasard (\(numbers))."
                      : "Without a permutation test, one cannot say whether the balance of ties inside and across \(unit.en) is more than chance (\(numbers))."
        }
        let pText = "p = " + language.decimal(p, digits: 3)
        if p < level {
            if ei < expected {
                return fr ? "Les liens restent plus souvent à l'intérieur des \(unit.fr) que le hasard ne le voudrait (\(numbers) ; \(pText) : l'écart est significatif)."
                          : "Ties stay inside \(unit.en) more often than chance would have it (\(numbers); \(pText): the gap is significant)."
            }
            return fr ? "Les liens traversent les \(unit.fr) plus souvent que le hasard ne le voudrait (\(numbers) ; \(pText) : l'écart est significatif)."
                      : "Ties cross \(unit.en) more often than chance would have it (\(numbers); \(pText): the gap is significant)."
        }
        let share = language.percent(p)
        return fr ? "On ne peut pas dire que les liens restent entre acteurs des mêmes \(unit.fr) plus (ou moins) souvent que le hasard : un écart au moins aussi grand apparaît dans \(share) des tirages au hasard (\(numbers) ; \(pText), non significatif)."
                  : "One cannot say that ties stay within \(unit.en) more (or less) often than chance: a gap at least as large appears in \(share) of random draws (\(numbers); \(pText), not significant)."
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

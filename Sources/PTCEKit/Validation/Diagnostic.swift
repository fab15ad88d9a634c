/// A text in the two languages of ptce's users.
public struct Localized: Hashable, Sendable, Codable {
    /// The French text (the default language of reports and messages).
    public var fr: String
    /// The English text (`--lang en`).
    public var en: String

    /// A text in both languages.
    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    /// The text in `language`.
    public func text(_ language: Language) -> String { language == .fr ? fr : en }
}

/// One problem found in the input, with where it is and what to do about it.
///
/// Printed as `FILE:LINE:COLUMN: error|warning: message` followed by an indented `hint:` line, the shape compilers
/// use, so editors and CI logs link straight to the cell.
public struct Diagnostic: Hashable, Sendable, Codable {
    /// An error makes the input invalid (exit 65); a warning says what was done and lets the reading go on.
    public enum Severity: String, Sendable, Codable, Comparable {
        /// Something was read in the one plausible way, or left out, and the message says how.
        case warning
        /// The input cannot be used as it is.
        case error
        /// A warning is less than an error.
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// Error or warning.
    public var severity: Severity
    /// Where: a file's line and column, or a workbook's sheet and cell.
    public var location: SourceLocation
    /// Stable, language-independent identifier of the problem (`unknown-kind`, `duplicate-id`…).
    public var code: String
    /// What is wrong, for people.
    public var message: Localized
    /// What to do about it, when there is something to say.
    public var hint: Localized?

    /// A problem at `location`.
    public init(_ severity: Severity, _ location: SourceLocation, code: String, _ message: Localized, hint: Localized? = nil) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// `FILE:LINE:COLUMN: error: message`, then `  hint: …` on its own line when there is a hint.
    public func formatted(_ language: Language) -> String {
        let keyword = severity == .error ? (language == .fr ? "erreur" : "error") : (language == .fr ? "avertissement" : "warning")
        // Names and cells are quoted in messages: shown with their control characters made visible, so a cell cannot
        // send escape sequences to the terminal or forge another message line.
        var text = "\(OutputText.terminal(location.description)): \(keyword): \(OutputText.terminal(message.text(language)))"
        if let hint { text += "\n  \(language == .fr ? "conseil" : "hint"): \(OutputText.terminal(hint.text(language)))" }
        return text
    }
}

/// A problem that stops reading a file (empty, binary, unterminated quote, unreadable).
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The problem, located.
    public var diagnostic: Diagnostic

    /// The error of a located problem.
    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// An English-and-French-identical error, for failures whose text needs no translation (paths, tool errors).
    public init(location: SourceLocation, message: String, hint: String? = nil, code: String = "input") {
        self.diagnostic = Diagnostic(.error, location, code: code, Localized(fr: message, en: message),
                                     hint: hint.map { Localized(fr: $0, en: $0) })
    }

    /// The problem in English, as printed.
    public var description: String { diagnostic.formatted(.en) }
}

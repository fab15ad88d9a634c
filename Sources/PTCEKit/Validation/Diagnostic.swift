/// A text in the two languages of ptce's users.
public struct Localized: Hashable, Sendable, Codable {
    public var fr: String
    public var en: String

    public init(fr: String, en: String) {
        self.fr = fr
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .fr ? fr : en }
}

/// One problem found in the input, with where it is and what to do about it.
///
/// Printed as `FILE:LINE:COLUMN: error|warning: message` followed by an indented `hint:` line, the shape compilers
/// use, so editors and CI logs link straight to the cell.
public struct Diagnostic: Hashable, Sendable, Codable {
    public enum Severity: String, Sendable, Codable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// Stable, language-independent identifier of the problem (`unknown-kind`, `duplicate-id`…).
    public var code: String
    public var message: Localized
    public var hint: Localized?

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
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    /// An English-and-French-identical error, for failures whose text needs no translation (paths, tool errors).
    public init(location: SourceLocation, message: String, hint: String? = nil, code: String = "input") {
        self.diagnostic = Diagnostic(.error, location, code: code, Localized(fr: message, en: message),
                                     hint: hint.map { Localized(fr: $0, en: $0) })
    }

    public var description: String { diagnostic.formatted(.en) }
}

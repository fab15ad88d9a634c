import Foundation

/// The vocabulary of a PTCE network, shipped as data (`Resources/taxonomy.json`) and overridable by a user file:
/// actor kinds and their families, tie types, group kinds and membership roles, each with French and English labels.
///
/// Values in input files are matched against ids and aliases after `Taxonomy.normalize` (case, accents, punctuation
/// and spacing ignored), so `Association Intermédiaire`, `AI` and `ai` are the same kind.
public struct Taxonomy: Sendable, Codable {
    /// A family of actors (`iae`, `public_authority`, `enterprise`…): what diagrams colour and reports compare.
    public struct Family: Sendable, Codable, Hashable {
        /// The family's id.
        public var id: String
        /// Its French label.
        public var fr: String
        /// Its English label.
        public var en: String
        /// Whether the family belongs to the social and solidarity economy (used for passerelle ties).
        public var ess: Bool
    }

    /// One value of a vocabulary: a kind, a tie type, a group kind or a role.
    public struct Term: Sendable, Codable, Hashable {
        /// The id files and the model use.
        public var id: String
        /// The French label (also accepted in files).
        public var fr: String
        /// The English label (also accepted in files).
        public var en: String
        /// For kinds: the family id. Empty for other vocabularies.
        public var family: String?
        /// Other ways people write it (`AI`, `Association intermédiaire`…), compared after `normalize`.
        public var aliases: [String]?

        /// The label in `language`.
        public func label(_ language: Language) -> String { language == .fr ? fr : en }
    }

    /// Version of the file's shape.
    public var version: Int
    /// Families of actors.
    public var families: [Family]
    /// Kinds of actors, each in a family.
    public var kinds: [Term]
    /// Types of ties.
    public var tieTypes: [Term]
    /// Kinds of groups (`ges`, `ptce`, `network`…).
    public var groupKinds: [Term]
    /// Roles in a group (`lead`, `founder`, `member`…).
    public var roles: [Term]
    /// More ways people write the headers, by table (`actors`, `groups`, `memberships`, `ties`) and column name,
    /// added to ptce's own (`Columns`): "Depuis le", "Structure 1", "Nom de la structure"… A user taxonomy may add
    /// its own wordings; compared after `normalize`.
    public var columns: [String: [String: [String]]]?

    /// The taxonomy shipped with ptce.
    public static let standard: Taxonomy = {
        guard let url = Bundle.module.url(forResource: "taxonomy", withExtension: "json"),
              let data = try? Data(contentsOf: url),
              let taxonomy = try? JSONDecoder().decode(Taxonomy.self, from: data)
        else { fatalError("the bundled taxonomy.json is missing or malformed: the package is broken") }
        return taxonomy
    }()

    /// Reads a user taxonomy file of the same shape as the bundled one.
    public static func load(from url: URL) throws -> Taxonomy {
        let data: Data
        data = try InputFile.read(url.path)
        do {
            let taxonomy = try JSONDecoder().decode(Taxonomy.self, from: data)
            let familyIDs = Set(taxonomy.families.map(\.id))
            for kind in taxonomy.kinds where !familyIDs.contains(kind.family ?? "") {
                throw InputError(location: SourceLocation(file: url.path, line: 1, column: 1),
                                 message: "kind '\(kind.id)' names unknown family '\(kind.family ?? "")'",
                                 hint: "every kind needs a \"family\" listed under \"families\"")
            }
            return taxonomy
        } catch let error as InputError {
            throw error
        } catch {
            throw InputError(location: SourceLocation(file: url.path, line: 1, column: 1),
                             message: "the taxonomy file is not valid: \(error)",
                             hint: "start from Sources/PTCEKit/Resources/taxonomy.json and keep its shape")
        }
    }

    /// The family of a kind id (nil: unknown kind).
    public func family(of kind: String) -> Family? {
        guard let familyID = kinds.first(where: { $0.id == kind })?.family else { return nil }
        return families.first { $0.id == familyID }
    }

    /// A family's label in `language` (the id itself when unknown).
    public func familyLabel(_ id: String, _ language: Language) -> String {
        guard let family = families.first(where: { $0.id == id }) else { return id }
        return language == .fr ? family.fr : family.en
    }

    // Made once: building a CharacterSet on every call was a good part of the time of loading a small file. Folding
    // takes no locale: with one, Foundation builds a CFLocale on every call, and case and accent folding of French
    // text is the same without.
    private static let alphanumerics = CharacterSet.alphanumerics

    /// Scalars from U+0080 up to this limit are folded through `latinFolds`.
    static let latinLimit: UInt32 = 0x300

    /// For each scalar from U+0080 to U+02FF, what Foundation's case and accent folding makes of it alone: its
    /// scalars, each kept when alphanumeric and nil (a word break) otherwise.
    static let latinFolds: [[Unicode.Scalar?]] = (0x80..<latinLimit).map { value in
        let text = String(Character(Unicode.Scalar(value)!))
        return text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars.map {
            alphanumerics.contains($0) ? $0 : nil
        }
    }

    /// An ASCII byte as `normalize` keeps it: a letter in lower case or a digit; nil for anything else (a word break).
    @inline(__always) private static func asciiKey(_ byte: UInt8) -> UInt8? {
        let lower = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
        let kept = (lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")) || (lower >= UInt8(ascii: "0") && lower <= UInt8(ascii: "9"))
        return kept ? lower : nil
    }

    /// Canonical form used to compare vocabulary values: lower case, no accents, apostrophes and dashes as spaces.
    public static func normalize(_ text: String) -> String {
        // ASCII text (ids, codes, most headers): lower case, letters and digits kept, the rest as one space — what
        // folding and `alphanumerics` give for ASCII, without Foundation's folding (most of the time of loading a file).
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if let lower = asciiKey(byte) {
                    if pendingSpace && !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                    pendingSpace = false
                    bytes.append(lower)
                } else {
                    pendingSpace = true
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        // Latin text (French names: « Alès », « n°2 », « Œuvre »): each scalar folded through a table made once from
        // Foundation's folding of that scalar alone, which is what folding the whole text gives for scalars below the
        // combining marks (U+0300); texts with other scalars take Foundation's folding.
        if text.unicodeScalars.allSatisfy({ $0.value < latinLimit }) {
            var result = String.UnicodeScalarView()
            var pendingSpace = false
            func keep(_ scalar: Unicode.Scalar) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
            for scalar in text.unicodeScalars {
                if scalar.value < 0x80 {
                    if let lower = asciiKey(UInt8(scalar.value)) { keep(Unicode.Scalar(lower)) } else { pendingSpace = true }
                    continue
                }
                for piece in latinFolds[Int(scalar.value) - 0x80] {
                    if let piece { keep(piece) } else { pendingSpace = true }
                }
            }
            return String(result)
        }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var result = ""
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if alphanumerics.contains(scalar) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }
}

/// Matching of spreadsheet values against one vocabulary of the taxonomy.
package struct Vocabulary: Sendable {
    package let terms: [Taxonomy.Term]
    private let lookup: [String: String]

    /// The vocabulary of `terms`, built once per process for each list of terms (every load of a file uses the same
    /// few vocabularies; building one normalises every label and alias).
    package static func of(_ terms: [Taxonomy.Term]) -> Vocabulary {
        if let known = cache.withLock({ $0[terms] }) { return known }
        let vocabulary = Vocabulary(terms)
        cache.withLock { if $0.count < 64 { $0[terms] = vocabulary } }
        return vocabulary
    }
    private static let cache = Locked<[[Taxonomy.Term]: Vocabulary]>([:])

    package init(_ terms: [Taxonomy.Term]) {
        self.terms = terms
        var lookup: [String: String] = [:]
        for term in terms {
            // Labels also without their parenthesis: "Service de l'État" for "Service de l'État (DREETS, DDETS…)".
            let short = [term.fr, term.en].compactMap { label in label.range(of: " (").map { String(label[..<$0.lowerBound]) } }
            for name in [term.id, term.fr, term.en] + short + (term.aliases ?? []) {
                let key = Taxonomy.normalize(name)
                if lookup[key] == nil { lookup[key] = term.id }
            }
        }
        self.lookup = lookup
    }

    /// The term id a value stands for, or nil.
    package func resolve(_ value: String) -> String? {
        lookup[Taxonomy.normalize(value)]
    }

    /// The closest known id and its French label, for a hint on a typo (edit distance over names and aliases).
    package func nearest(to value: String) -> Taxonomy.Term? {
        let key = Taxonomy.normalize(value)
        let limit = max(2, key.count / 2)
        var best: (distance: Int, id: String)?
        // In name order, so that between two names at the same distance the hint is the same in every run. A name
        // whose length differs by more than the limit (or than the best so far) is farther: not measured (the
        // distance is at least the difference of lengths; unknown values of fuzzed files spent most time here).
        for (name, id) in lookup.sorted(by: { $0.key < $1.key }) {
            let gap = abs(name.count - key.count)
            guard gap <= limit, best.map({ gap < $0.distance }) ?? true else { continue }
            let distance = editDistance(key, name)
            if best == nil || distance < best!.distance { best = (distance, id) }
        }
        guard let best, best.distance <= limit else { return nil }
        return terms.first { $0.id == best.id }
    }

    /// The list of ids, for error hints.
    package var idList: String { terms.map(\.id).joined(separator: ", ") }

    /// The labels people read, in `language`, for hints: « Association », « Commune »…
    package func labelList(_ language: Language) -> String {
        terms.map { language == .fr ? "« \($0.fr) »" : "'\($0.en)'" }.joined(separator: ", ")
    }
}

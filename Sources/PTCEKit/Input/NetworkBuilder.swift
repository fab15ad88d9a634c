import Foundation

/// Options for reading a network.
public struct LoadOptions: Sendable {
    /// The vocabulary kinds, tie types, roles and headers are read against (`Taxonomy.standard`, or a user's file).
    public var taxonomy: Taxonomy
    /// Keep ties in memory. `ptce validate` turns this off so that a million-row ties file is checked in
    /// bounded memory (only an 8- to 24-byte key per tie is kept, to find duplicates).
    public var keepTies: Bool
    /// Dates after this one are reported as being in the future.
    public var today: PartialDate
    /// For edge lists: an optional nodes file adding isolated nodes.
    public var nodesPath: String?

    /// Reader of DOT files: Graphviz's parser lives in PTCERender, which PTCEKit must not import; the command line
    /// plugs it in.
    public var dotReader: (@Sendable (String, LoadOptions) -> LoadResult)?
    /// Files of other tools (GraphML, GEXF, GML, node-link, Pajek, UCINET, GDF, DOT): a kind or tie type outside the
    /// taxonomy is an error (`--strict`) instead of `unknown` / `unspecified` with the value kept.
    public var strictVocabulary = false

    /// The options of `ptce validate` and the other commands, without a DOT reader.
    public init(taxonomy: Taxonomy = .standard, keepTies: Bool = true, today: PartialDate = .today, nodesPath: String? = nil) {
        self.taxonomy = taxonomy
        self.keepTies = keepTies
        self.today = today
        self.nodesPath = nodesPath
    }
}

extension PartialDate {
    /// The current date, in the machine's calendar.
    public static var today: PartialDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return PartialDate(year: parts.year!, month: parts.month, day: parts.day)
    }
}

/// What reading a network gives: the model (possibly partial when there are errors) and every problem found.
public struct LoadResult: Sendable {
    /// What was read; partial when there are errors (a row with an error is left out).
    public var network: Network
    /// Every problem kept, errors and warnings, in the order found.
    public var diagnostics: [Diagnostic]
    /// Number of ties read (also when ties were not kept).
    public var tieCount: Int

    /// Problems found but not kept, beyond `NetworkBuilder.keptPerCode` of one kind (each kind ends with a
    /// diagnostic "… and N more of the same kind"), by severity.
    public var omittedErrors = 0
    /// Warnings found but not kept (see `omittedErrors`).
    public var omittedWarnings = 0

    /// A result of reading.
    public init(network: Network, diagnostics: [Diagnostic], tieCount: Int) {
        self.network = network
        self.diagnostics = diagnostics
        self.tieCount = tieCount
    }

    /// Every error found, kept or not.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error && $0.code != "more-of-the-same" }.count + omittedErrors }
    /// Every warning found, kept or not.
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning && $0.code != "more-of-the-same" }.count + omittedWarnings }
    /// Whether no error was found (warnings allowed).
    public var isValid: Bool { errorCount == 0 }
}

/// Builds a `Network` from records of any format, checking each value and every cross-reference.
///
/// Records arrive in file order: actors, then groups, then memberships, then ties, so that each reference can be
/// checked against what came before. `finish()` runs the checks that need everything (cycles, isolated actors).
final class NetworkBuilder {
    let options: LoadOptions
    private let kinds: Vocabulary
    private let tieTypes: Vocabulary
    private let groupKinds: Vocabulary
    private let roles: Vocabulary

    var network = Network()
    var diagnostics: [Diagnostic] = []
    private(set) var tieCount = 0

    /// Each actor's index by id, and where it was first defined (apart: the lookup of every tie's two ends then
    /// neither copies nor moves locations).
    private var actorIndex: [String: Int] = [:]
    private var actorLocations: [SourceLocation] = []
    private func actorLine(_ id: String) -> (index: Int, location: SourceLocation)? {
        actorIndex[id].map { ($0, actorLocations[$0]) }
    }
    private var groupLines: [String: (index: Int, location: SourceLocation)] = [:]
    /// Actors and groups by normalised name and by normalised id (`Taxonomy.normalize`), for rows that name them
    /// the way people write them ("Alès Services Emploi", "COORACE") instead of by id.
    private var actorsByName: [String: [String]] = [:]
    private var groupsByName: [String: [String]] = [:]
    /// Texts already reported as read by name (one warning per text).
    private var readByName: Set<String> = []
    /// A tie's identity for duplicates: the pair, type and direction, and its dates. The same partnership in two
    /// different periods (a GEXF edge with two spells, a convention renewed after a gap) is two ties; a tie without
    /// dates repeats any tie of its pair and type.
    private struct TieKey: Hashable {
        var pair: UInt64
        var dates: UInt64
    }
    private var tieKeys = Set<TieKey>()
    /// Pairs (with type and direction) seen, and those seen without dates.
    private var tiePairs = Set<UInt64>()
    private var undatedTiePairs = Set<UInt64>()
    private var actorHasTie: [Bool] = []
    private var actorHasMembership: [Bool] = []
    /// Actors already reported as written in two Unicode forms (`addNode`).
    private var reportedUnicodeForms: Set<Int> = []
    private var membershipLocations: [SourceLocation] = []
    private var membershipKeys = Set<String>()
    /// Spreadsheet columns repeat the same few values (types, years): their parse is cached by raw text.
    private var termCache: [String: String?] = [:]
    private var dateCache: [String: Result<PartialDate, PartialDate.ParseFailure>] = [:]
    /// Repeated texts (a reference on every row, a tie type) share one string instead of one copy per row.
    private var interned: [String: String] = [:]
    /// Set when actors.csv could not be read: references to actors are then not checked (every one would fail).
    var actorsUnreadable = false

    init(options: LoadOptions) {
        self.options = options
        kinds = Vocabulary.of(options.taxonomy.kinds)
        tieTypes = Vocabulary.of(options.taxonomy.tieTypes)
        groupKinds = Vocabulary.of(options.taxonomy.groupKinds)
        roles = Vocabulary.of(options.taxonomy.roles)
    }

    // MARK: - Reporting

    /// At most this many problems of one kind (code and severity) are kept; the others are counted. 12 MB of the same
    /// duplicate tie must not become 1.7 GB of messages.
    static let keptPerCode = 100
    private var kindCounts: [String: (severity: Diagnostic.Severity, count: Int, last: SourceLocation)] = [:]

    /// The texts are built only for the problems kept (50,000 isolated actors of a `*Vertices 50000` line would
    /// otherwise build 50,000 sentences to keep 100).
    private func report(_ severity: Diagnostic.Severity, _ location: SourceLocation, _ code: String, fr: () -> String, en: () -> String,
                        hintFr: () -> String?, hintEn: () -> String?) {
        let key = (severity == .error ? "e:" : "w:") + code
        let count = (kindCounts[key]?.count ?? 0) + 1
        if count <= Self.keptPerCode {
            kindCounts[key] = (severity, count, location)
            let hintEnglish = hintEn()
            diagnostics.append(Diagnostic(severity, location, code: code, Localized(fr: fr(), en: en()),
                                          hint: hintFr().map { Localized(fr: $0, en: hintEnglish ?? $0) }))
        } else {
            kindCounts[key]!.count = count
        }
    }

    private func error(_ location: SourceLocation, _ code: String, fr: @autoclosure () -> String, en: @autoclosure () -> String,
                       hintFr: @autoclosure () -> String? = nil, hintEn: @autoclosure () -> String? = nil) {
        report(.error, location, code, fr: fr, en: en, hintFr: hintFr, hintEn: hintEn)
    }

    private func warning(_ location: SourceLocation, _ code: String, fr: @autoclosure () -> String, en: @autoclosure () -> String,
                         hintFr: @autoclosure () -> String? = nil, hintEn: @autoclosure () -> String? = nil) {
        report(.warning, location, code, fr: fr, en: en, hintFr: hintFr, hintEn: hintEn)
    }

    // MARK: - Cells

    private func number(_ record: RecordSource, _ column: String, positive: Bool = false, nonNegative: Bool = false) -> Double? {
        guard let field = record.value(column) else { return nil }
        guard let value = Values.number(field.text) else {
            error(record.location(column), "not-a-number",
                  fr: "« \(field.text) » n'est pas un nombre (colonne \(column))",
                  en: "'\(field.text)' is not a number (column \(column))",
                  hintFr: "écrivez un nombre, avec une virgule ou un point décimal : 12,5", hintEn: "write a number, with a decimal comma or point: 12.5")
            return nil
        }
        if !value.isFinite {
            error(record.location(column), "not-finite",
                  fr: "« \(field.text) » n'est pas un nombre fini (colonne \(column))",
                  en: "'\(field.text)' is not a finite number (column \(column))",
                  hintFr: "écrivez un nombre ordinaire, par exemple 1 ou 2,5", hintEn: "write an ordinary number, for example 1 or 2.5")
            return nil
        }
        if positive && value <= 0 {
            error(record.location(column), "not-positive",
                  fr: "\(column) doit être strictement positif, pas \(field.text)",
                  en: "\(column) must be greater than 0, not \(field.text)",
                  hintFr: "un poids mesure l'intensité du lien : 1 par défaut, plus grand pour un lien plus fort ; supprimez la ligne s'il n'y a pas de lien",
                  hintEn: "a weight is the intensity of the tie: 1 by default, larger for a stronger tie; delete the row if there is no tie")
            return nil
        }
        if nonNegative && value < 0 {
            error(record.location(column), "negative", fr: "\(column) ne peut pas être négatif : \(field.text)",
                  en: "\(column) cannot be negative: \(field.text)")
            return nil
        }
        return value
    }

    private func year(_ record: RecordSource, _ column: String) -> Int? {
        guard let field = record.value(column) else { return nil }
        guard case .success(let date) = PartialDate.parse(field.text) else {
            error(record.location(column), "not-a-year", fr: "« \(field.text) » n'est pas une année", en: "'\(field.text)' is not a year",
                  hintFr: "écrivez l'année sur quatre chiffres : 1987", hintEn: "write the year with four digits: 1987")
            return nil
        }
        if date.year > options.today.year {
            warning(record.location(column), "future-date", fr: "l'année \(date.year) est dans le futur", en: "year \(date.year) is in the future")
        }
        return date.year
    }

    private func date(_ record: RecordSource, _ column: String) -> PartialDate? {
        guard let field = record.value(column) else { return nil }
        let parsed: Result<PartialDate, PartialDate.ParseFailure>
        if let cached = dateCache[field.text] { parsed = cached } else {
            parsed = PartialDate.parse(field.text)
            if dateCache.count < 10_000 { dateCache[field.text] = parsed }
        }
        switch parsed {
        case .success(let date):
            if date > options.today {
                warning(record.location(column), "future-date", fr: "la date \(date) est dans le futur", en: "date \(date) is in the future",
                        hintFr: "vérifiez l'année", hintEn: "check the year")
            }
            return date
        case .failure(.impossible(let why)):
            error(record.location(column), "impossible-date", fr: "date impossible « \(field.text) »", en: "impossible date '\(field.text)': \(why)",
                  hintFr: "vérifiez le jour et le mois", hintEn: "check the day and the month")
        case .failure(.malformed):
            error(record.location(column), "malformed-date", fr: "« \(field.text) » n'est pas une date", en: "'\(field.text)' is not a date",
                  hintFr: "écrivez 2015, 2015-03, 2015-03-12 ou 12/03/2015", hintEn: "write 2015, 2015-03, 2015-03-12 or 12/03/2015")
        }
        return nil
    }

    private func dates(_ record: RecordSource) -> (PartialDate?, PartialDate?) {
        let since = date(record, "since"), until = date(record, "until")
        if let since, let until, until < since {
            error(record.location("until"), "until-before-since",
                  fr: "la fin (\(until)) précède le début (\(since))", en: "until (\(until)) is before since (\(since))",
                  hintFr: "échangez les deux dates ou corrigez l'une d'elles", hintEn: "swap the two dates or correct one of them")
        }
        return (since, until)
    }

    private func term(_ record: RecordSource, _ column: String, _ vocabulary: Vocabulary, what: (fr: String, en: String), default fallback: String?) -> String? {
        guard let field = record.value(column) else {
            if fallback == nil {
                error(record.location(column), "missing-\(column)", fr: "\(what.fr) manquant", en: "missing \(what.en)",
                      hintFr: "valeurs possibles : \(vocabulary.labelList(.fr))", hintEn: "possible values: \(vocabulary.labelList(.en))")
            }
            return fallback
        }
        let cacheKey = column + "\u{1F}" + field.text
        let resolved: String?
        if let cached = termCache[cacheKey] { resolved = cached } else {
            resolved = vocabulary.resolve(field.text)
            if termCache.count < 10_000 { termCache[cacheKey] = resolved }
        }
        if let id = resolved { return id }
        let near = vocabulary.nearest(to: field.text)
        error(record.location(column), "unknown-\(column)",
              fr: "\(what.fr) inconnu « \(field.text) »", en: "unknown \(what.en) '\(field.text)'",
              hintFr: near.map { "vouliez-vous dire « \($0.fr) » (code \($0.id)) ?" } ?? "valeurs possibles : \(vocabulary.labelList(.fr))",
              hintEn: near.map { "did you mean '\($0.en)' (code \($0.id))?" } ?? "possible values: \(vocabulary.labelList(.en))")
        return nil
    }

    private func requiredText(_ record: RecordSource, _ column: String) -> String? {
        if let field = record.value(column) { return field.text }
        error(record.location(column), "empty-\(column)", fr: "la colonne \(column) est vide", en: "column \(column) is empty",
              hintFr: "chaque ligne a besoin d'un \(column)", hintEn: "every row needs a \(column)")
        return nil
    }

    private func checkDepartment(_ record: RecordSource) -> String? {
        guard let field = record.value("department") else { return nil }
        var code = field.text.uppercased()
        if code.count == 1, code.first!.isNumber { code = "0" + code }
        if !Values.isDepartmentCode(code) {
            warning(record.location("department"), "unknown-department",
                    fr: "« \(field.text) » n'est pas un code de département", en: "'\(field.text)' is not a département code",
                    hintFr: "écrivez le code : 09, 2A, 75, 974", hintEn: "write the code: 09, 2A, 75, 974")
            return field.text
        }
        return code
    }

    // MARK: - Records

    /// The longest cell accepted: a name, a note or a reference of more than 10,000 characters is a pasting accident,
    /// and no diagram, terminal or spreadsheet shows it.
    static let maximumCellLength = 10_000

    /// Every cell: no control character (other than tab and line breaks), no Unicode noncharacter, no cell beyond
    /// `maximumCellLength`. What validates must render: cairo stops drawing a PDF at a noncharacter, and XML
    /// (GraphML, GEXF, SVG) cannot hold control characters.
    private func checkCells(_ record: RecordSource) {
        // Printable ASCII (with tab and line ends) and short: nothing to check, and no location to make.
        func plain(_ text: String) -> Bool {
            text.utf8.count <= Self.maximumCellLength && text.utf8.allSatisfy { ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        }
        guard !record.allCells(plain) else { return }
        let texts = record.cellTexts
        // A cell with accents or other non-ASCII text breaks no rule by itself: locations are made only for a cell that
        // does (a name of 10,001 characters, a control character).
        let faulty = texts.indices.filter { index in
            let text = texts[index]
            return !plain(text) && ((text.utf8.count > Self.maximumCellLength && text.count > Self.maximumCellLength)
                                    || text.unicodeScalars.contains(where: OutputText.isForbidden))
        }
        guard !faulty.isEmpty else { return }
        let cells = record.cells
        for (text, location) in faulty.map({ cells[$0] }) {
            if text.utf8.count > Self.maximumCellLength, text.count > Self.maximumCellLength {
                error(location, "cell-too-long",
                      fr: "cellule de \(text.count) caractères (limite \(Self.maximumCellLength))",
                      en: "cell of \(text.count) characters (limit \(Self.maximumCellLength))",
                      hintFr: "un texte aussi long vient souvent d'un copier-coller accidentel : raccourcissez-le",
                      hintEn: "such a long text often comes from an accidental paste: shorten it")
            }
            guard let position = text.unicodeScalars.firstIndex(where: OutputText.isForbidden) else { continue }
            let scalar = text.unicodeScalars[position]
            let code = "U+" + String(format: "%04X", scalar.value)
            let rank = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: position) + 1
            error(location, "invisible-character",
                  fr: "caractère invisible ou interdit \(code) dans la cellule (\(rank)\(rank == 1 ? "er" : "e") caractère)",
                  en: "invisible or forbidden character \(code) in the cell (character \(rank))",
                  hintFr: "retapez la cellule à la main (ce caractère vient souvent d'un copier-coller) : il casserait les diagrammes et les exports",
                  hintEn: "type the cell again by hand (this character often comes from a paste): it would break diagrams and exports")
        }
    }

    func addActor(_ record: RecordSource) {
        checkCells(record)
        guard let id = requiredText(record, "id") else { return }
        if let previous = actorLine(id) ?? groupLines[id] {
            error(record.location("id"), "duplicate-id", fr: "identifiant « \(id) » déjà utilisé", en: "duplicate id '\(id)'",
                  hintFr: "déjà défini en \(previous.location) ; chaque acteur a un identifiant unique",
                  hintEn: "first defined at \(previous.location); every actor needs its own id")
            return
        }
        let name = requiredText(record, "name") ?? id
        let kind = term(record, "kind", kinds, what: ("type d'acteur", "kind"), default: nil) ?? "unknown"
        var actor = Actor(id: id, name: name, kind: kind)
        actor.department = checkDepartment(record)
        actor.commune = record.value("commune")?.text
        actor.region = record.value("region")?.text
        actor.latitude = number(record, "latitude")
        actor.longitude = number(record, "longitude")
        if let latitude = actor.latitude, !(-90...90).contains(latitude) {
            error(record.location("latitude"), "bad-latitude", fr: "latitude hors de [-90, 90] : \(latitude)", en: "latitude outside [-90, 90]: \(latitude)")
        }
        if let longitude = actor.longitude, !(-180...180).contains(longitude) {
            error(record.location("longitude"), "bad-longitude", fr: "longitude hors de [-180, 180] : \(longitude)", en: "longitude outside [-180, 180]: \(longitude)")
        }
        actor.creationYear = year(record, "creation_year")
        actor.fte = number(record, "fte", nonNegative: true)
        actor.revenue = number(record, "revenue", nonNegative: true)
        actor.certifications = record.value("certifications").map { Values.list($0.text) } ?? []
        actor.website = record.value("website")?.text
        actor.reference = record.value("reference").map { intern($0.text) }
        actor.notes = record.value("notes")?.text
        actor.attributes = record.attributes.sorted { $0.name < $1.name }
        actorIndex[id] = network.actors.count
        actorLocations.append(record.location("id").atLineStart(record.line))
        for key in Set([Taxonomy.normalize(name), Taxonomy.normalize(id)]) where !key.isEmpty { actorsByName[key, default: []].append(id) }
        network.actors.append(actor)
        actorHasTie.append(false)
        actorHasMembership.append(false)
    }

    func addGroup(_ record: RecordSource) {
        checkCells(record)
        guard let id = requiredText(record, "id") else { return }
        if let previous = groupLines[id] ?? actorLine(id) {
            error(record.location("id"), "duplicate-id", fr: "identifiant « \(id) » déjà utilisé", en: "duplicate id '\(id)'",
                  hintFr: "déjà défini en \(previous.location) ; acteurs et groupes partagent les mêmes identifiants",
                  hintEn: "first defined at \(previous.location); actors and groups share one set of ids")
            return
        }
        let name = requiredText(record, "name") ?? id
        let kind = term(record, "kind", groupKinds, what: ("type de groupe", "group kind"), default: nil) ?? "other"
        var group = Group(id: id, name: name, kind: kind)
        group.department = checkDepartment(record)
        group.commune = record.value("commune")?.text
        group.region = record.value("region")?.text
        group.creationYear = year(record, "creation_year")
        group.reference = record.value("reference")?.text
        group.notes = record.value("notes")?.text
        group.attributes = record.attributes.sorted { $0.name < $1.name }
        groupLines[id] = (network.groups.count, record.location("id").atLineStart(record.line))
        for key in Set([Taxonomy.normalize(name), Taxonomy.normalize(id)]) where !key.isEmpty { groupsByName[key, default: []].append(id) }
        network.groups.append(group)
    }

    func addMembership(_ record: RecordSource) {
        checkCells(record)
        guard var groupID = requiredText(record, "group"), var memberID = requiredText(record, "member") else { return }
        reportedAmbiguous = false
        if groupLines[groupID] == nil, actorIndex[groupID] == nil, let named = byName(groupID, record, "group", groups: true) { groupID = named }
        if actorIndex[memberID] == nil, groupLines[memberID] == nil, !actorsUnreadable {
            if let named = byName(memberID, record, "member", groups: false) {
                memberID = named
            } else if !reportedAmbiguous, let named = byName(memberID, record, "member", groups: true) {
                memberID = named
            }
        }
        if reportedAmbiguous { return }
        var valid = true
        if groupLines[groupID] == nil {
            valid = false
            if actorIndex[groupID] != nil {
                error(record.location("group"), "not-a-group", fr: "« \(groupID) » est un acteur, pas un groupe", en: "'\(groupID)' is an actor, not a group",
                      hintFr: "la colonne group nomme un GES, un PTCE ou un réseau de groups.csv ; inversez peut-être group et member",
                      hintEn: "the group column names a GES, PTCE or network of groups.csv; perhaps group and member are swapped")
            } else {
                error(record.location("group"), "unknown-group", fr: "groupe inconnu « \(groupID) »", en: "unknown group '\(groupID)'",
                      hintFr: nearestID(groupID, in: groupLines.keys).map { "vouliez-vous dire « \($0) » ? sinon ajoutez-le à groups.csv" } ?? "ajoutez-le à groups.csv",
                      hintEn: nearestID(groupID, in: groupLines.keys).map { "did you mean '\($0)'? otherwise add it to groups.csv" } ?? "add it to groups.csv")
            }
        }
        if actorIndex[memberID] == nil && groupLines[memberID] == nil && !actorsUnreadable {
            valid = false
            let near = nearestID(memberID, in: Array(actorIndex.keys) + Array(groupLines.keys))
            error(record.location("member"), "unknown-member", fr: "membre inconnu « \(memberID) »", en: "unknown member '\(memberID)'",
                  hintFr: near.map { "vouliez-vous dire « \($0) » ? sinon ajoutez-le à actors.csv ou groups.csv" } ?? "ajoutez-le à actors.csv ou groups.csv",
                  hintEn: near.map { "did you mean '\($0)'? otherwise add it to actors.csv or groups.csv" } ?? "add it to actors.csv or groups.csv")
        }
        let role = term(record, "role", roles, what: ("rôle", "role"), default: "member")
        let (since, until) = dates(record)
        guard valid, let role else { return }
        let key = groupID + "\u{1F}" + memberID + "\u{1F}" + role
        if !membershipKeys.insert(key).inserted {
            warning(record.location("group"), "duplicate-membership",
                    fr: "« \(memberID) » est déjà membre de « \(groupID) » avec ce rôle", en: "'\(memberID)' is already a member of '\(groupID)' with this role")
        }
        if let actor = actorIndex[memberID] { actorHasMembership[actor] = true }
        network.memberships.append(Membership(group: groupID, member: memberID, role: role, since: since, until: until,
                                              reference: record.value("reference").map { intern($0.text) }, notes: record.value("notes")?.text))
        membershipLocations.append(record.location("group").atLineStart(record.line))
    }

    func addTie(_ record: RecordSource) {
        checkCells(record)
        tieCount += 1
        guard let sourceID = requiredText(record, "source"), let targetID = requiredText(record, "target") else { return }
        let source = endpoint(sourceID, record, "source")
        let target = endpoint(targetID, record, "target")
        let type = record.value("type") == nil ? "" : term(record, "type", tieTypes, what: ("type de lien", "tie type"), default: "")
        let weight = record.value("weight") == nil ? 1 : number(record, "weight", positive: true)
        var directed = false
        if let field = record.value("directed") {
            if let value = Values.bool(field.text) { directed = value } else {
                error(record.location("directed"), "not-a-boolean", fr: "« \(field.text) » n'est ni oui ni non", en: "'\(field.text)' is neither yes nor no",
                      hintFr: "écrivez oui ou non (ou laissez vide : non orienté)", hintEn: "write yes or no (or leave empty: undirected)")
            }
        }
        let (since, until) = dates(record)
        if let source { actorHasTie[source] = true }
        if let target { actorHasTie[target] = true }
        guard let source, let target, let type, let weight else { return }
        if source == target {
            warning(record.location("source"), "self-tie", fr: "lien de « \(sourceID) » vers lui-même", en: "tie from '\(sourceID)' to itself",
                    hintFr: "un lien relie deux acteurs différents ; supprimez la ligne ou corrigez un identifiant",
                    hintEn: "a tie links two different actors; delete the row or correct an id")
        }
        let (low, high) = directed || source < target ? (source, target) : (target, source)
        let typeIndex = UInt64(options.taxonomy.tieTypes.firstIndex { $0.id == type }.map { $0 + 1 } ?? 0)
        func packed(_ date: PartialDate?) -> UInt64 {
            guard let date else { return 0 }
            return UInt64(truncatingIfNeeded: date.year & 0x3FFFF) << 10 | UInt64((date.month ?? 0) & 0xF) << 5 | UInt64((date.day ?? 0) & 0x1F) | 1 << 28
        }
        let key = TieKey(pair: UInt64(low) << 36 | UInt64(high) << 8 | typeIndex | (directed ? 1 << 63 : 0), dates: packed(since) << 32 | packed(until))
        let repeated = key.dates == 0 ? tiePairs.contains(key.pair) : (undatedTiePairs.contains(key.pair) || tieKeys.contains(key))
        tiePairs.insert(key.pair)
        if key.dates == 0 { undatedTiePairs.insert(key.pair) } else { tieKeys.insert(key) }
        if repeated {
            warning(record.location("source"), "duplicate-tie",
                    fr: "lien « \(sourceID) » – « \(targetID) »\(type.isEmpty ? "" : " (\(type))") déjà présent",
                    en: "duplicate tie '\(sourceID)' – '\(targetID)'\(type.isEmpty ? "" : " (\(type))")",
                    hintFr: "pour un lien plus fort, augmentez son poids plutôt que de le répéter",
                    hintEn: "for a stronger tie, raise its weight rather than repeating it")
        }
        if options.keepTies {
            network.ties.append(Partnership(source: network.actors[source].id, target: network.actors[target].id, type: intern(type),
                                            weight: weight, directed: directed,
                                            since: since, until: until, reference: record.value("reference").map { intern($0.text) },
                                            notes: record.value("notes")?.text, attributes: record.attributes.sorted { $0.name < $1.name }))
        }
    }

    private func intern(_ text: String) -> String {
        if let existing = interned[text] { return existing }
        if interned.count < 100_000 { interned[text] = text }
        return text
    }

    /// The id a cell stands for when it is not an id: the one actor (or group) whose name, or whose id ignoring case
    /// and accents, it is — with a warning saying so; several candidates are an error listing them. Nil when no name
    /// matches (or on the error).
    private func byName(_ text: String, _ record: RecordSource, _ column: String, groups: Bool) -> String? {
        let candidates = (groups ? groupsByName : actorsByName)[Taxonomy.normalize(text)] ?? []
        let unique = Array(Set(candidates)).sorted()
        if unique.count == 1 {
            let id = unique[0]
            if readByName.insert(text).inserted {
                let name = groups ? network.groups[groupLines[id]!.index].name : network.actors[actorIndex[id]!].name
                warning(record.location(column), "read-by-name",
                        fr: "« \(text) » n'est pas un identifiant : lu comme \(groups ? "le groupe" : "l'acteur") « \(name) » (id \(id))",
                        en: "'\(text)' is not an id: read as the \(groups ? "group" : "actor") '\(name)' (id \(id))")
            }
            return id
        }
        if unique.count > 1 {
            let list = unique.prefix(8).map { id in
                let name = groups ? network.groups[groupLines[id]!.index].name : network.actors[actorIndex[id]!].name
                return "\(id) (\(name))"
            }.joined(separator: ", ")
            error(record.location(column), "ambiguous-name",
                  fr: "« \(text) » : plusieurs \(groups ? "groupes" : "acteurs") portent ce nom : \(list)",
                  en: "'\(text)': several \(groups ? "groups" : "actors") have this name: \(list)",
                  hintFr: "écrivez l'identifiant de celui que vous voulez dire", hintEn: "write the id of the one you mean")
            reportedAmbiguous = true
        }
        return nil
    }
    private var reportedAmbiguous = false

    /// A near miss among ids and names, shown with both: « Alès Services Emploi » (id ales-services).
    private func nearest(_ text: String, groups: Bool) -> (fr: String, en: String)? {
        let names = groups ? network.groups.map { ($0.id, $0.name) } : network.actors.map { ($0.id, $0.name) }
        let lookup = Dictionary(names.flatMap { [($0.0, $0.0), ($0.1, $0.0)] }, uniquingKeysWith: { first, _ in first })
        guard let near = nearestID(text, in: lookup.keys), let id = lookup[near] else { return nil }
        let name = groups ? network.groups[groupLines[id]!.index].name : network.actors[actorIndex[id]!].name
        return ("« \(name) » (id \(id))", "'\(name)' (id \(id))")
    }

    private func endpoint(_ id: String, _ record: RecordSource, _ column: String) -> Int? {
        if let actor = actorIndex[id] { return actor }
        if actorsUnreadable { return nil }
        reportedAmbiguous = false
        if let named = byName(id, record, column, groups: false) { return actorIndex[named]! }
        if reportedAmbiguous { return nil }
        if groupLines[id] != nil {
            error(record.location(column), "tie-to-group", fr: "« \(id) » est un groupe : un lien relie deux acteurs", en: "'\(id)' is a group: a tie links two actors",
                  hintFr: "nommez l'une de ses structures, ou décrivez l'appartenance dans memberships.csv",
                  hintEn: "name one of its structures, or record belonging in memberships.csv")
        } else {
            let near = nearest(id, groups: false)
            error(record.location(column), "unknown-actor", fr: "acteur inconnu « \(id) »", en: "unknown actor '\(id)'",
                  hintFr: near.map { "vouliez-vous dire \($0.fr) ? sinon ajoutez-le aux acteurs" } ?? "ajoutez-le aux acteurs (actors.csv ou feuille Acteurs)",
                  hintEn: near.map { "did you mean \($0.en)? otherwise add it to the actors" } ?? "add it to the actors (actors.csv or the Actors sheet)")
        }
        return nil
    }

    private func nearestID<S: Sequence>(_ id: String, in ids: S) -> String? where S.Element == String {
        var best: (Int, String)?
        let limit = max(2, id.count / 3)
        for candidate in ids where abs(candidate.count - id.count) <= limit {
            let distance = editDistance(id.lowercased(), candidate.lowercased())
            if distance <= limit, best == nil || distance < best!.0 || (distance == best!.0 && candidate < best!.1) { best = (distance, candidate) }
        }
        return best?.1
    }

    /// A row of the `--nodes` file of an edge list: checked like a row of actors.csv (id required and unique,
    /// a kind when given must be known, cells without forbidden characters); name and kind are optional.
    func addNodeRecord(_ record: RecordSource) {
        checkCells(record)
        guard let id = requiredText(record, "id") else { return }
        if let previous = actorLine(id) {
            error(record.location("id"), "duplicate-id", fr: "identifiant « \(id) » déjà utilisé", en: "duplicate id '\(id)'",
                  hintFr: "déjà défini en \(previous.location) ; chaque sommet a un identifiant unique",
                  hintEn: "first defined at \(previous.location); every node needs its own id")
            return
        }
        let kind = term(record, "kind", kinds, what: ("type d'acteur", "kind"), default: "unknown")
        _ = addNode(id: id, name: record.value("name")?.text, kind: kind, location: record.location("id"))
    }

    /// An actor given by an edge list or a nodes file: the id is the name, the kind unknown.
    ///
    /// Ids are compared as text, not as bytes: "Café" typed on a Mac (é as e + accent, NFD) and on Windows (é as one
    /// character, NFC) is one actor — Swift compares strings by canonical equivalence — with a warning the first time,
    /// since the two files did not write it alike. (Cells are read without their surrounding spaces, see `Table`.)
    func addNode(id: String, name: String?, kind: String?, location: @autoclosure () -> SourceLocation) -> Int {
        if let existing = actorIndex[id] {
            let first = network.actors[existing].id
            if !first.utf8.elementsEqual(id.utf8), reportedUnicodeForms.insert(existing).inserted {
                warning(location(), "unicode-forms",
                        fr: "« \(id) » est écrit ici avec d'autres caractères Unicode qu'en \(actorLocations[existing]) (accents composés ou décomposés) : lu comme le même acteur",
                        en: "'\(id)' is written here with other Unicode characters than at \(actorLocations[existing]) (composed or decomposed accents): read as the same actor",
                        hintFr: "rien à faire si c'est bien le même ; sinon, donnez-lui un autre identifiant",
                        hintEn: "nothing to do if it is the same; otherwise give it another id")
            }
            return existing
        }
        actorIndex[id] = network.actors.count
        actorLocations.append(location())
        network.actors.append(Actor(id: id, name: name ?? id, kind: kind ?? "unknown"))
        actorHasTie.append(false)
        actorHasMembership.append(false)
        return network.actors.count - 1
    }

    func addEdge(_ record: RecordSource) {
        checkCells(record)
        tieCount += 1
        guard let sourceID = requiredText(record, "source"), let targetID = requiredText(record, "target") else { return }
        let weight = record.value("weight") == nil ? 1 : number(record, "weight", positive: true)
        guard let weight else { return }
        let source = addNode(id: sourceID, name: nil, kind: nil, location: record.location("source"))
        let target = addNode(id: targetID, name: nil, kind: nil, location: record.location("target"))
        if source == target {
            warning(record.location("source"), "self-tie", fr: "lien de « \(sourceID) » vers lui-même", en: "tie from '\(sourceID)' to itself")
        }
        actorHasTie[source] = true
        actorHasTie[target] = true
        // Other columns (Gephi's edge table: Type, Id, Label, timeset…): `Type` Directed / Undirected / Mutual is the
        // direction, a `type` of the taxonomy the tie's type, Gephi's edge number `Id` bookkeeping; the rest is kept.
        var directed = false, type = ""
        var attributes: [Attribute] = []
        for attribute in record.attributes where !attribute.value.isEmpty {
            switch (Taxonomy.normalize(attribute.name), attribute.value.lowercased()) {
            case ("type", "directed"), ("directed", "true"), ("directed", "oui"), ("directed", "yes"): directed = true
            case ("type", "undirected"), ("type", "mutual"), ("directed", _): continue
            case ("type", _) where tieTypes.resolve(attribute.value) != nil: type = tieTypes.resolve(attribute.value)!
            case ("id", _): continue
            default: attributes.append(attribute)
            }
        }
        if options.keepTies {
            network.ties.append(Partnership(source: sourceID, target: targetID, type: type, weight: weight, directed: directed,
                                            attributes: attributes.sorted { $0.name < $1.name }))
        }
    }

    // MARK: - Whole-network checks

    func finish(checkIsolated: Bool = true) {
        checkMembershipCycles()
        checkGES()
        if checkIsolated && !actorsUnreadable {
            for (index, actor) in network.actors.enumerated() where !actorHasTie[index] && !actorHasMembership[index] {
                warning(actorLocations[index], "isolated-actor",
                        fr: "« \(actor.name) » n'a aucun lien ni aucune appartenance : il sera isolé",
                        en: "'\(actor.name)' has no tie and no membership: it will be isolated",
                        hintFr: "ajoutez ses partenariats dans ties.csv ou ses groupes dans memberships.csv",
                        hintEn: "add its partnerships to ties.csv or its groups to memberships.csv")
            }
        }
    }

    /// Group-in-group memberships must not loop (a GES in a PTCE in the same GES). Depth-first search with an
    /// explicit stack: 20,000 nested groups must not overflow the thread's stack.
    private func checkMembershipCycles() {
        var children: [String: [(member: String, index: Int)]] = [:]
        for (index, membership) in network.memberships.enumerated() where groupLines[membership.member] != nil {
            children[membership.group, default: []].append((membership.member, index))
        }
        var state: [String: Int] = [:]  // 1 = on the current path, 2 = done
        var path: [String] = []
        var pathPosition: [String: Int] = [:]
        var reported = Set<String>()
        // Each frame: a group on the path and the next of its children to look at.
        var stack: [(group: String, next: Int)] = []
        func enter(_ group: String) {
            state[group] = 1
            pathPosition[group] = path.count
            path.append(group)
            stack.append((group, 0))
        }
        for root in network.groups where state[root.id] == nil {
            enter(root.id)
            while let top = stack.last {
                let list = children[top.group] ?? []
                guard top.next < list.count else {
                    stack.removeLast()
                    path.removeLast()
                    pathPosition[top.group] = nil
                    state[top.group] = 2
                    continue
                }
                stack[stack.count - 1].next += 1
                let (member, index) = list[top.next]
                if state[member] == 1 {
                    let cycle = path[pathPosition[member]!...] + [member]
                    let key = Set(cycle).sorted().joined(separator: ",")
                    if reported.insert(key).inserted {
                        let text = cycle.joined(separator: " → ")
                        error(membershipLocations[index], "membership-cycle",
                              fr: "appartenance circulaire : \(text)", en: "membership cycle: \(text)",
                              hintFr: "un groupe ne peut pas être membre de lui-même, même indirectement ; supprimez l'une de ces lignes",
                              hintEn: "a group cannot belong to itself, even indirectly; delete one of these rows")
                    }
                } else if state[member] == nil {
                    enter(member)
                }
            }
        }
    }

    private func checkGES() {
        var counts: [String: Int] = [:]
        for membership in network.memberships { counts[membership.group, default: 0] += 1 }
        for group in network.groups where group.isGES && counts[group.id] == 1 {
            warning(groupLines[group.id]!.location, "ges-single-component",
                    fr: "le GES « \(group.name) » n'a qu'une seule composante", en: "GES '\(group.name)' has a single component",
                    hintFr: "un GES regroupe plusieurs structures : ajoutez les autres dans memberships.csv",
                    hintEn: "a GES groups several structures: add the others to memberships.csv")
        }
    }

    func result() -> LoadResult {
        var all = diagnostics
        var omittedErrors = 0, omittedWarnings = 0
        for (key, kind) in kindCounts.sorted(by: { $0.key < $1.key }) where kind.count > Self.keptPerCode {
            let more = kind.count - Self.keptPerCode
            if kind.severity == .error { omittedErrors += more } else { omittedWarnings += more }
            let code = String(key.dropFirst(2))
            let french = more.formatted(.number.locale(Locale(identifier: "fr_FR")))
            all.append(Diagnostic(kind.severity, kind.last, code: "more-of-the-same",
                Localized(fr: "… et \(french) \(more >= 2 ? "autres" : "autre") du même genre (\(code)) après celui-ci", en: "… and \(more.formatted(.number.locale(Locale(identifier: "en_US")))) more of the same kind (\(code)) after this one"),
                hint: Localized(fr: "corrigez la cause commune, puis relancez la validation", en: "fix the common cause, then validate again")))
        }
        let sorted = all.enumerated().sorted { a, b in
            let (x, y) = (a.element.location, b.element.location)
            return (x.file, x.sheet ?? "", x.line, x.column, a.offset) < (y.file, y.sheet ?? "", y.line, y.column, b.offset)
        }.map(\.element)
        var result = LoadResult(network: network, diagnostics: sorted, tieCount: tieCount)
        result.omittedErrors = omittedErrors
        result.omittedWarnings = omittedWarnings
        return result
    }
}

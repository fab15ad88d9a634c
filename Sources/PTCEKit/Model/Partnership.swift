/// A cooperation tie between two actors: a convention, a joint project, a financing, a passerelle…
///
/// Ties are undirected unless `directed` is set (then `source` gives to / acts on `target`).
/// The tie is active in year Y when `since.year ≤ Y ≤ until.year` (a missing bound is open): a tie "until 31/12/2022"
/// or "until 2022" is active during 2022 — the one rule of `--at`, `evolution`, `diff` and the report.
public struct Partnership: Hashable, Sendable, Codable {
    /// One actor's id (the giver when `directed`).
    public var source: String
    /// The other actor's id (the receiver when `directed`).
    public var target: String
    /// A tie-type id of the taxonomy (`agreement`, `joint_project`, `financing`…).
    public var type: String
    /// Intensity, > 0, default 1.
    public var weight: Double
    /// Whether the tie has a direction (a financing, a service given); most ties do not.
    public var directed: Bool
    /// When the tie began (nil: not known).
    public var since: PartialDate?
    /// When it ended (nil: still on, or not known).
    public var until: PartialDate?
    /// Where the fact comes from (document, page).
    public var reference: String?
    /// Free notes (not analysed).
    public var notes: String?
    /// Extra columns, by header, in file order.
    public var attributes: [Attribute]

    /// A tie; undirected, of weight 1 and without dates unless said.
    public init(
        source: String, target: String, type: String, weight: Double = 1, directed: Bool = false,
        since: PartialDate? = nil, until: PartialDate? = nil, reference: String? = nil, notes: String? = nil,
        attributes: [Attribute] = []
    ) {
        self.source = source
        self.target = target
        self.type = type
        self.weight = weight
        self.directed = directed
        self.since = since
        self.until = until
        self.reference = reference
        self.notes = notes
        self.attributes = attributes
    }

    /// Whether the tie exists in `year`: `since.year ≤ year ≤ until.year`, missing bounds open.
    public func isActive(in year: Int) -> Bool {
        if let since, since.year > year { return false }
        if let until, until.year < year { return false }
        return true
    }
}

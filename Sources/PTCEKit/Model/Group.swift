/// A formal grouping: a GES, a PTCE, a network or federation, a regional delegation, or another group.
public struct Group: Hashable, Sendable, Codable {
    /// Unique among actors and groups of the network.
    public var id: String
    /// The name people read.
    public var name: String
    /// A group-kind id of the taxonomy: `ges`, `ptce`, `network`, `regional_delegation`, `other`.
    public var kind: String
    /// Département code of its seat.
    public var department: String?
    /// The commune of its seat.
    public var commune: String?
    /// The region of its seat.
    public var region: String?
    /// Year the group was created.
    public var creationYear: Int?
    /// Where the facts come from (document, page).
    public var reference: String?
    /// Free notes (not analysed).
    public var notes: String?
    /// Extra columns, by header, in file order.
    public var attributes: [Attribute]

    /// A group; every field but `id`, `name` and `kind` optional.
    public init(
        id: String, name: String, kind: String, department: String? = nil, commune: String? = nil,
        region: String? = nil, creationYear: Int? = nil, reference: String? = nil, notes: String? = nil,
        attributes: [Attribute] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.department = department
        self.commune = commune
        self.region = region
        self.creationYear = creationYear
        self.reference = reference
        self.notes = notes
        self.attributes = attributes
    }

    /// Whether it is a GES (groupe économique solidaire).
    public var isGES: Bool { kind == "ges" }
    /// Whether it is a PTCE.
    public var isPTCE: Bool { kind == "ptce" }
}

/// Belonging of an actor, or of another group, to a group (a GES can belong to a PTCE).
public struct Membership: Hashable, Sendable, Codable {
    /// The group's id.
    public var group: String
    /// An actor id or a group id.
    public var member: String
    /// A role id of the taxonomy: `component`, `founder`, `lead`, `member`, `partner`.
    public var role: String
    /// When the membership began (nil: not known).
    public var since: PartialDate?
    /// When it ended (nil: still on, or not known); active in year Y when since ≤ Y ≤ until.
    public var until: PartialDate?
    /// Where the fact comes from (document, page).
    public var reference: String?
    /// Free notes (not analysed).
    public var notes: String?

    /// A membership; role `member` unless said.
    public init(
        group: String, member: String, role: String = "member", since: PartialDate? = nil,
        until: PartialDate? = nil, reference: String? = nil, notes: String? = nil
    ) {
        self.group = group
        self.member = member
        self.role = role
        self.since = since
        self.until = until
        self.reference = reference
        self.notes = notes
    }
}

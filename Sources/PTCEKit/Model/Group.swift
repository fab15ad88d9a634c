/// A formal grouping: a GES, a PTCE, a network or federation, a regional delegation, or another group.
public struct Group: Hashable, Sendable, Codable {
    public var id: String
    public var name: String
    /// A group-kind id of the taxonomy: `ges`, `ptce`, `network`, `regional_delegation`, `other`.
    public var kind: String
    public var department: String?
    public var commune: String?
    public var region: String?
    public var creationYear: Int?
    public var reference: String?
    public var notes: String?
    public var attributes: [Attribute]

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

    public var isGES: Bool { kind == "ges" }
    public var isPTCE: Bool { kind == "ptce" }
}

/// Belonging of an actor, or of another group, to a group (a GES can belong to a PTCE).
public struct Membership: Hashable, Sendable, Codable {
    public var group: String
    /// An actor id or a group id.
    public var member: String
    /// A role id of the taxonomy: `component`, `founder`, `lead`, `member`, `partner`.
    public var role: String
    public var since: PartialDate?
    public var until: PartialDate?
    public var reference: String?
    public var notes: String?

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

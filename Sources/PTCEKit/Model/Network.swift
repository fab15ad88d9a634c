/// A PTCE network: actors, formal groups, memberships and partnerships, as read from a network folder,
/// a network JSON file or an edge list.
public struct Network: Hashable, Sendable, Codable {
    public var title: String?
    /// Free text on where the data comes from; shown in reports and diagrams.
    public var source: String?
    /// True for generated data (`ptce generate`); never presented as real.
    public var synthetic: Bool
    public var actors: [Actor]
    public var groups: [Group]
    public var memberships: [Membership]
    public var ties: [Partnership]

    public init(
        title: String? = nil, source: String? = nil, synthetic: Bool = false, actors: [Actor] = [],
        groups: [Group] = [], memberships: [Membership] = [], ties: [Partnership] = []
    ) {
        self.title = title
        self.source = source
        self.synthetic = synthetic
        self.actors = actors
        self.groups = groups
        self.memberships = memberships
        self.ties = ties
    }

    /// Index of each actor id in `actors`.
    public func actorIndex() -> [String: Int] {
        Dictionary(actors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

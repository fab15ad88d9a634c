/// A PTCE network: actors, formal groups, memberships and partnerships, as read from a network folder,
/// a network JSON file or an edge list.
public struct Network: Hashable, Sendable, Codable {
    /// The network's title (diagrams, reports); nil: the file's name is used.
    public var title: String?
    /// Free text on where the data comes from; shown in reports and diagrams.
    public var source: String?
    /// True for generated data (`ptce generate`); never presented as real.
    public var synthetic: Bool
    /// The actors, in file order.
    public var actors: [Actor]
    /// The GES, PTCE and other groups, in file order.
    public var groups: [Group]
    /// Who belongs to which group.
    public var memberships: [Membership]
    /// The partnerships.
    public var ties: [Partnership]

    /// A network; empty unless said.
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

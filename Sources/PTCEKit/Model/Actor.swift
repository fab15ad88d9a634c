/// An organisation (or a citizens' group) of a PTCE network: an SIAE, a local authority, a business, a bank…
///
/// Only `id`, `name` and `kind` are required. Every column of `actors.csv` that ptce does not know is kept in
/// `attributes`, in file order, so that nothing an animator typed is lost.
public struct Actor: Hashable, Sendable, Codable {
    /// Unique among actors and groups of the network; what ties and memberships refer to.
    public var id: String
    /// The name people read (diagrams, reports).
    public var name: String
    /// A kind id of the taxonomy (`ai`, `aci`, `commune`, `bank`…).
    public var kind: String
    /// Département code (`09`, `2A`, `971`…).
    public var department: String?
    /// The commune (town) where the actor is based.
    public var commune: String?
    /// The region (its name as written, e.g. `Occitanie`).
    public var region: String?
    /// WGS 84 latitude, in degrees (with `longitude`: tie lengths, maps).
    public var latitude: Double?
    /// WGS 84 longitude, in degrees.
    public var longitude: Double?
    /// Year the organisation was created.
    public var creationYear: Int?
    /// Full-time equivalents (ETP).
    public var fte: Double?
    /// Annual revenue in euros (chiffre d'affaires).
    public var revenue: Double?
    /// Quality certifications, e.g. `CEDRE`, `CEDRE ISO 9001`.
    public var certifications: [String]
    /// The actor's web site.
    public var website: String?
    /// Where the facts come from (document, page).
    public var reference: String?
    /// Free notes (not analysed).
    public var notes: String?
    /// Extra columns, by header, in file order.
    public var attributes: [Attribute]

    /// An actor; every field but `id`, `name` and `kind` optional.
    public init(
        id: String, name: String, kind: String, department: String? = nil, commune: String? = nil,
        region: String? = nil, latitude: Double? = nil, longitude: Double? = nil, creationYear: Int? = nil,
        fte: Double? = nil, revenue: Double? = nil, certifications: [String] = [], website: String? = nil,
        reference: String? = nil, notes: String? = nil, attributes: [Attribute] = []
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.department = department
        self.commune = commune
        self.region = region
        self.latitude = latitude
        self.longitude = longitude
        self.creationYear = creationYear
        self.fte = fte
        self.revenue = revenue
        self.certifications = certifications
        self.website = website
        self.reference = reference
        self.notes = notes
        self.attributes = attributes
    }
}

/// A free column kept as text: `name` is the header as written in the file.
public struct Attribute: Hashable, Sendable, Codable {
    /// The header of the column, as written.
    public var name: String
    /// The cell, as text.
    public var value: String
    /// The type the value had in a typed file (GraphML, GEXF, node-link, GML, GDF): `long`, `double` or `boolean`;
    /// nil for text (and for every value of a CSV file or a workbook). Writers of typed formats give the value back
    /// with this type, so a networkx float is a float again after ptce.
    public var type: String?

    /// A free column's value.
    public init(name: String, value: String, type: String? = nil) {
        self.name = name
        self.value = value
        self.type = type
    }
}

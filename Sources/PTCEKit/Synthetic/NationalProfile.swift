import CoopGraph
import Foundation

/// A synthetic national network of PTCE and work-integration enterprises, calibrated on public figures.
///
/// **Synthetic data**: every actor, group and tie is generated; names say so, every row's `reference` says so,
/// and `Network.synthetic` is true. The figures it is calibrated on, with their sources, are listed in
/// `Datasets/README.md` (section *synthetic-national*) and in `calibration`; the other parameters are assumptions,
/// marked as such there.
///
/// Structure: COORACE-like members by kind (seed 002's 2017 split, scaled to seed 003's 543 members) placed in the
/// départements of the seeds' 14 regional delegations; about 60 of them in 25 GES (seed 002); about 160 PTCE of
/// about 8 members, 57% associations, 79% acting below the département (Labo de l'ESS survey, public-facts.md),
/// mixing ESS, local authorities, businesses, research, training and finance; ties dense inside GES, frequent
/// inside PTCE, mostly within a département, with preferential attachment for heavy-tailed degrees; dates from
/// 2012 to 2024 with growth. `scale` multiplies every count (scale 100 gives about a million ties).
///
/// The same scale and seed give the same network, byte for byte once written.
public struct NationalProfile: Sendable {
    /// Size multiplier: 1 is national size (about 3,000 actors), 10 and 100 for scaling tests.
    public var scale: Double
    /// Seed of the generator: the same scale and seed give the same network.
    public var seed: UInt64

    /// A profile at `scale` with `seed`.
    public init(scale: Double = 1, seed: UInt64 = 42) {
        self.scale = scale
        self.seed = seed
    }

    /// Calibration figures at scale 1 (before scaling), with their sources.
    public static let calibration: [(figure: String, value: String, source: String)] = [
        ("member enterprises", "543", "seed 003_cb0b41e407d3080f.txt: « 543 Entreprises adhérentes » (December 2024)"),
        ("members by kind (shares)", "AI 284, ACI 108, ETTI/ETT-ESS 50, Proxim'Services 20, EI 28, others 24 (of 514)", "seed 002_a9c025264d2d6237.txt (31 December 2017)"),
        ("GES", "25 GES grouping about 60 member enterprises", "seed 002: « Une soixantaine d'entreprises adhérentes regroupées au sein de 25 GES »"),
        ("PTCE", "160", "public-facts.md: about 160 PTCE in 2017; seed 003: 160 PTCE at the 2024 national meetings"),
        ("members per PTCE", "about 8 (187 members / 24 PTCE)", "public-facts.md: Labo de l'ESS 2017 survey"),
        ("share of associations among PTCE members", "57%", "public-facts.md: Labo de l'ESS 2017 survey"),
        ("PTCE acting below the département", "79%", "public-facts.md: Labo de l'ESS 2017 survey"),
        ("PTCE circles", "animation cell (lead), founding members, internal partners", "public-facts.md: Labo de l'ESS"),
        ("regions of members", "the 14 regional delegations of 2024", "seed 003 (délégations régionales)"),
        ("dates", "2012 to 2024", "seeds 000–003 cover 2012–2024"),
    ]

    private static let memberKinds: [(kind: String, count: Int)] = [
        ("ai", 284), ("aci", 108), ("etti", 34), ("ett_ess", 16), ("sap", 20), ("ei", 28), ("training", 8), ("association", 16),
    ]

    /// Regions of the 2024 regional delegations (seed 003), as INSEE regions.
    private static let delegationRegions: Set<String> = [
        "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Centre-Val de Loire", "Hauts-de-France",
        "Île-de-France", "Normandie", "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
        "Corse", "Guadeloupe", "Guyane", "La Réunion", "Mayotte",
    ]

    struct Region: Decodable {
        let name: String
        let departements: [String]
    }

    static func regions() -> [Region] {
        struct File: Decodable { let regions: [Region] }
        guard let url = Bundle.module.url(forResource: "departements", withExtension: "json"),
              let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data)
        else { fatalError("the bundled departements.json is missing: the package is broken") }
        return file.regions
    }

    /// The network, marked synthetic in its title, source and `synthetic` flag. O(size).
    public func generate() -> Network {
        var generator = _Generator(scale: scale, seed: seed)
        return generator.run()
    }
}

/// The generation itself: one random stream consumed in a fixed order (no dictionary iteration), so the output
/// depends only on scale and seed.
private struct _Generator {
    let scale: Double
    let seed: UInt64
    var random: SplitMix64
    var network = Network()
    let reference: String
    /// Actor indices by département code, and the département of each actor.
    var byDepartment: [String: [Int]] = [:]
    /// Actor indices by "département/kind".
    var byDepartmentAndKind: [String: [Int]] = [:]
    var isMember: [Bool] = []
    var departmentOf: [String] = []
    var regionOf: [String: String] = [:]
    var departmentsOfRegion: [String: [String]] = [:]
    var allDepartments: [String] = []
    var memberDepartments: [String] = []
    /// Preferential attachment: each actor appears once plus once per tie it has, per département.
    var attachment: [String: [Int32]] = [:]
    var pairs = Set<UInt64>()
    var counters: [String: Int] = [:]

    init(scale: Double, seed: UInt64) {
        self.scale = scale
        self.seed = seed
        random = SplitMix64(seed: seed)
        reference = "synthetic: ptce generate --profile national --scale \(Self.format(scale)) --seed \(seed)"
        for region in NationalProfile.regions() {
            departmentsOfRegion[region.name] = region.departements
            for code in region.departements {
                regionOf[code] = region.name
                allDepartments.append(code)
                if NationalProfile.delegationRegions_.contains(region.name) { memberDepartments.append(code) }
            }
        }
    }

    static func format(_ x: Double) -> String { x == x.rounded() ? String(Int(x)) : String(x) }

    func scaled(_ count: Int) -> Int { max(1, Int((Double(count) * scale).rounded())) }

    mutating func uniform() -> Double { Double(random.next() >> 11) * 0x1.0p-53 }
    mutating func below(_ n: Int) -> Int { Int(random.next() % UInt64(max(n, 1))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A year in 2012...2024 with growth: weight 1.15^(year − 2012).
    mutating func year(from first: Int = 2012) -> Int {
        let years = Array(first...2024)
        let weights = years.map { pow(1.15, Double($0 - 2012)) }
        var x = uniform() * weights.reduce(0, +)
        for (year, weight) in zip(years, weights) {
            x -= weight
            if x <= 0 { return year }
        }
        return 2024
    }

    mutating func addActor(kind: String, label: String, department: String, notes: String? = nil) -> Int {
        counters[kind, default: 0] += 1
        let number = counters[kind]!
        let index = network.actors.count
        let id = "\(kind.replacingOccurrences(of: "_", with: "-"))-\(String(format: "%06d", number))"
        network.actors.append(Actor(id: id, name: "\(label) n°\(number) (\(department))", kind: kind, department: department,
                                    region: regionOf[department], reference: reference, notes: notes))
        departmentOf.append(department)
        isMember.append(false)
        byDepartment[department, default: []].append(index)
        byDepartmentAndKind[department + "/" + kind, default: []].append(index)
        attachment[department, default: []].append(Int32(index))
        return index
    }

    mutating func addTie(_ u: Int, _ v: Int, type: String, weight: Double, since: Int) -> Bool {
        guard u != v else { return false }
        let key = UInt64(min(u, v)) << 32 | UInt64(max(u, v))
        guard pairs.insert(key).inserted else { return false }
        var until: PartialDate?
        if uniform() < 0.12 {
            let end = since + 1 + below(6)
            if end <= 2025 { until = PartialDate(year: end) }
        }
        network.ties.append(Partnership(source: network.actors[u].id, target: network.actors[v].id, type: type, weight: weight,
                                        since: PartialDate(year: since), until: until, reference: reference))
        // Preferential attachment: two more tickets per tie.
        attachment[departmentOf[u], default: []] += [Int32(u), Int32(u)]
        attachment[departmentOf[v], default: []] += [Int32(v), Int32(v)]
        return true
    }

    mutating func run() -> Network {
        network.title = "Réseau national synthétique (données générées, échelle \(Self.format(scale)), graine \(seed))"
        network.source = "DONNÉES SYNTHÉTIQUES produites par `\(reference.dropFirst("synthetic: ".count))`, calibrées sur les chiffres publics de COORACE (voir Datasets/README.md) ; aucun acteur, groupe ni lien n'est réel."
        network.synthetic = true
        // The steps draw from the one generator in this order: the same seed gives the same network.
        let national = addInstitutions()
        let members = addMembers(federation: national)
        let gesIndices = addGES(members: members)
        addPTCE(gesIndices: gesIndices)
        addLocalPartnerships()
        return network
    }

    /// The federation, and per region and département the institutions and local actors; returns the federation.
    private mutating func addInstitutions() -> Int {
        let national = addActor(kind: "network", label: "Fédération nationale (synthétique)", department: "75")
        for region in NationalProfile.regions() {
            let capital = region.departements[0]
            _ = addActor(kind: "region", label: "Conseil régional (synthétique)", department: capital)
            _ = addActor(kind: "state_service", label: "DREETS (synthétique)", department: capital)
            for _ in 0..<scaled(2) { _ = addActor(kind: "bank", label: "Banque (synthétique)", department: capital) }
            for _ in 0..<scaled(1) { _ = addActor(kind: "research", label: "Laboratoire (synthétique)", department: capital) }
        }
        for code in allDepartments {
            _ = addActor(kind: "departement", label: "Conseil départemental (synthétique)", department: code)
            _ = addActor(kind: "state_service", label: "DDETS (synthétique)", department: code)
            for _ in 0..<scaled(1) { _ = addActor(kind: "public_employment", label: "Agence France Travail (synthétique)", department: code) }
            for _ in 0..<scaled(1) { _ = addActor(kind: "public_employment", label: "Mission locale (synthétique)", department: code) }
            for _ in 0..<scaled(3) { _ = addActor(kind: "commune", label: "Commune (synthétique)", department: code) }
            for _ in 0..<scaled(2) { _ = addActor(kind: "epci", label: "Intercommunalité (synthétique)", department: code) }
            for _ in 0..<scaled(6) { _ = addActor(kind: "enterprise", label: "Entreprise (synthétique)", department: code) }
            for _ in 0..<scaled(2) { _ = addActor(kind: "training", label: "Organisme de formation (synthétique)", department: code) }
        }
        return national
    }

    /// Member enterprises (the 2017 split scaled to 543 members, largest remainders) and the federation's network.
    private mutating func addMembers(federation national: Int) -> [Int] {
        let total = NationalProfile.memberKinds_.reduce(0) { $0 + $1.count }
        let target = Double(scaled(543))
        var counts = NationalProfile.memberKinds_.map { Int(Double($0.count) * target / Double(total)) }
        var remainders = NationalProfile.memberKinds_.enumerated().map { ($0.offset, Double($0.element.count) * target / Double(total) - Double(counts[$0.offset])) }
        remainders.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for i in 0..<(Int(target) - counts.reduce(0, +)) { counts[remainders[i % remainders.count].0] += 1 }
        var members: [Int] = []
        let labels = ["ai": "Association intermédiaire", "aci": "Atelier et chantier d'insertion", "etti": "ETTI", "ett_ess": "ETT-ESS",
                      "sap": "Proxim'Services", "ei": "Entreprise d'insertion", "training": "Organisme de formation ESS", "association": "Association"]
        for (index, entry) in NationalProfile.memberKinds_.enumerated() {
            for _ in 0..<counts[index] {
                let member = addActor(kind: entry.kind, label: labels[entry.kind]! + " (synthétique)", department: pick(memberDepartments))
                members.append(member)
                isMember[member] = true
            }
        }
        let network_ = Group(id: "reseau-national", name: "Réseau national (synthétique)", kind: "network", reference: reference)
        network.groups.append(network_)
        network.memberships.append(Membership(group: network_.id, member: network.actors[national].id, role: "lead", reference: reference))
        for m in members { network.memberships.append(Membership(group: network_.id, member: network.actors[m].id, role: "member", reference: reference)) }
        return members
    }

    /// GES: 25 (scaled) grouping about 60 members: 10 of three components and 15 of two, per 25, tied together.
    private mutating func addGES(members: [Int]) -> [Int] {
        var inGES = Set<Int>()
        var gesIndices: [Int] = []
        var attempts = 0
        while gesIndices.count < scaled(25) && attempts < scaled(25) * 20 {
            attempts += 1
            let g = gesIndices.count
            let size = g % 5 < 2 ? 3 : 2
            let seedMember = pick(members)
            if inGES.contains(seedMember) { continue }
            let local = (byDepartment[departmentOf[seedMember]] ?? []).filter { isMember[$0] && !inGES.contains($0) && $0 != seedMember }
            let pool = local.count >= size - 1 ? local : (0..<8).map { _ in pick(members) }.filter { !inGES.contains($0) && $0 != seedMember }
            var components = [seedMember]
            var candidates = pool
            while components.count < size && !candidates.isEmpty {
                let next = candidates.remove(at: below(candidates.count))
                if !components.contains(next) { components.append(next) }
            }
            if components.count < 2 { continue }
            let created = year(from: 2012)
            let group = Group(id: String(format: "ges-%05d", g + 1), name: "GES n°\(g + 1) (synthétique)", kind: "ges",
                              department: departmentOf[seedMember], region: regionOf[departmentOf[seedMember]], creationYear: created, reference: reference)
            gesIndices.append(network.groups.count)
            network.groups.append(group)
            for c in components {
                inGES.insert(c)
                network.memberships.append(Membership(group: group.id, member: network.actors[c].id, role: "component", since: PartialDate(year: created), reference: reference))
            }
            for i in components.indices {
                for j in components.indices where j > i {
                    _ = addTie(components[i], components[j], type: uniform() < 0.5 ? "governance" : "pooling", weight: 3, since: created)
                }
            }
        }
        return gesIndices
    }

    /// Names of the actors created for a PTCE seat when the area has none of the kind (French, as every name).
    private static let seatLabels: [String: String] = [
        "commune": "Commune", "epci": "Intercommunalité", "enterprise": "Entreprise", "training": "Organisme de formation",
        "research": "Laboratoire", "bank": "Banque", "public_employment": "Agence France Travail",
    ]

    /// The note of an actor created to fill a PTCE seat (an assumption of the generator, listed in Datasets/README.md).
    static let seatNote = "Créé pour occuper un siège de PTCE (hypothèse du générateur)."

    /// PTCE: ~8 members, 57% associations, 79% local (one département), the others regional; ties among members.
    private mutating func addPTCE(gesIndices: [Int]) {
        let seatKinds: [(String, Double)] = [("association", 0.57), ("commune", 0.06), ("epci", 0.04), ("enterprise", 0.12),
                                             ("training", 0.04), ("research", 0.02), ("bank", 0.05), ("public_employment", 0.04),
                                             ("scic", 0.06)]
        for p in 0..<scaled(160) {
            let department = pick(allDepartments)
            let regional = uniform() >= 0.79
            let area = regional ? departmentsOfRegion[regionOf[department]!]! : [department]
            let created = year(from: 2012)
            let size = 4 + below(5) + below(5)  // 4…12, mean 8
            let group = Group(id: String(format: "ptce-%05d", p + 1), name: "PTCE n°\(p + 1) (synthétique)", kind: "ptce",
                              department: department, region: regionOf[department], creationYear: created, reference: reference,
                              notes: regional ? "échelle régionale" : "échelle infra-départementale")
            network.groups.append(group)
            var seats: [Int] = []
            while seats.count < size {
                var x = uniform(), kind = "association"
                for (k, share) in seatKinds { x -= share; if x <= 0 { kind = k; break } }
                let code = pick(area)
                var candidate: Int
                if kind == "association" {
                    // An association: a member SIAE of the area (AI and ACI are associations) or a new one.
                    let local = (byDepartmentAndKind[code + "/ai"] ?? []) + (byDepartmentAndKind[code + "/aci"] ?? [])
                    candidate = !local.isEmpty && uniform() < 0.4 ? pick(local) : addActor(kind: "association", label: "Association (synthétique)", department: code, notes: Self.seatNote)
                } else if kind == "scic" {
                    candidate = addActor(kind: "scic", label: "SCIC (synthétique)", department: code, notes: Self.seatNote)
                } else {
                    let local = byDepartmentAndKind[code + "/" + kind] ?? []
                    let pool = local.isEmpty ? area.flatMap { byDepartmentAndKind[$0 + "/" + kind] ?? [] } : local
                    candidate = pool.isEmpty ? addActor(kind: kind, label: Self.seatLabels[kind, default: "Structure"] + " (synthétique)", department: code,
                                                             notes: Self.seatNote) : pick(pool)
                }
                if !seats.contains(candidate) { seats.append(candidate) }
            }
            for (i, seat) in seats.enumerated() {
                let role = i == 0 ? "lead" : (i < 3 ? "founder" : (uniform() < 0.7 ? "member" : "partner"))
                let since = i < 3 ? created : min(2024, created + below(4))
                network.memberships.append(Membership(group: group.id, member: network.actors[seat].id, role: role, since: PartialDate(year: since), reference: reference))
            }
            // A GES of the département sometimes joins the PTCE as a member (a GES can belong to a PTCE).
            if let ges = gesIndices.first(where: { network.groups[$0].department == department }), uniform() < 0.3 {
                network.memberships.append(Membership(group: group.id, member: network.groups[ges].id, role: "member",
                                                      since: PartialDate(year: max(created, network.groups[ges].creationYear ?? created)), reference: reference))
            }
            let types = ["joint_project", "pooling", "agreement"]
            for i in seats.indices {
                for j in seats.indices where j > i && uniform() < 0.35 {
                    _ = addTie(seats[i], seats[j], type: pick(types), weight: Double(1 + below(3)), since: max(created, year(from: created)))
                }
            }
        }
    }

    /// Local partnerships of ESS actors (mostly in their département, preferential attachment for heavy tails), then
    /// of local institutions and businesses among themselves and with ESS actors nearby.
    private mutating func addLocalPartnerships() {
        let essKinds: Set<String> = ["ai", "aci", "etti", "ett_ess", "sap", "ei", "association", "scic"]
        let ess = network.actors.indices.filter { essKinds.contains(network.actors[$0].kind) }
        for a in ess {
            let isMember = network.actors[a].kind != "association" && network.actors[a].kind != "scic"
            // Pareto-distributed wish (tail exponent 1.6, mean about 8 for members): a few hubs, many small actors.
            let wanted = isMember ? min(150, Int(3 * pow(1 - uniform(), -1 / 1.6))) : 1 + below(4)
            var made = 0, attempts = 0
            while made < wanted && attempts < wanted * 4 {
                attempts += 1
                let x = uniform()
                let code = x < 0.8 ? departmentOf[a] : (x < 0.95 ? pick(departmentsOfRegion[regionOf[departmentOf[a]]!]!) : pick(allDepartments))
                guard let pool = attachment[code], !pool.isEmpty else { continue }
                let b = Int(pool[below(pool.count)])
                if addTie(a, b, type: tieType(to: network.actors[b].kind), weight: Double(1 + below(2) + (uniform() < 0.1 ? below(4) : 0)), since: year()) {
                    made += 1
                }
            }
        }
        // Local institutions and businesses also cooperate among themselves and with ESS actors nearby.
        let ties = network.actors.indices.filter { !essKinds.contains(network.actors[$0].kind) && network.actors[$0].kind != "network" }
        for a in ties {
            let wanted = 1 + below(2)
            var made = 0, attempts = 0
            while made < wanted && attempts < 8 {
                attempts += 1
                guard let pool = attachment[departmentOf[a]], pool.count > 1 else { break }
                let b = Int(pool[below(pool.count)])
                if addTie(a, b, type: tieType(to: network.actors[b].kind == network.actors[a].kind ? "other" : network.actors[b].kind),
                          weight: 1, since: year()) { made += 1 }
            }
        }
    }

    mutating func tieType(to kind: String) -> String {
        switch kind {
        case "enterprise": return uniform() < 0.7 ? "commercial" : "passerelle"
        case "commune", "epci", "departement", "region": return uniform() < 0.5 ? "agreement" : (uniform() < 0.5 ? "financing" : "commercial")
        case "public_employment", "state_service": return uniform() < 0.7 ? "passerelle" : "agreement"
        case "bank", "financer", "opco": return "financing"
        case "training", "research": return "training"
        case "network": return "support"
        default: return uniform() < 0.5 ? "pooling" : "joint_project"
        }
    }
}

extension NationalProfile {
    fileprivate static var memberKinds_: [(kind: String, count: Int)] { memberKinds }
    fileprivate static var delegationRegions_: Set<String> { delegationRegions }
}

import Foundation
import Testing
@testable import PTCEKit

/// The places of `--layout geo` (issue 15): commune, département, region, former regions, homonyms.
struct GazetteerTests {
    let places = Gazetteer.bundled

    func actor(commune: String? = nil, department: String? = nil, region: String? = nil,
               latitude: Double? = nil, longitude: Double? = nil) -> Actor {
        Actor(id: "a", name: "A", kind: "association", department: department, commune: commune, region: region,
              latitude: latitude, longitude: longitude)
    }

    @Test func namesAreFoldedAsPeopleWriteThem() {
        #expect(Gazetteer.fold("St-Girons") == "saint girons")
        #expect(Gazetteer.fold("SAINT GIRONS CEDEX 09200") == "saint girons")
        #expect(Gazetteer.fold("Aubigny-sur-Nère") == Gazetteer.fold("aubigny sur nere"))
        #expect(Gazetteer.fold("L’Isle-d’Abeau") == Gazetteer.fold("L'Isle-d'Abeau"))
    }

    @Test func aCommuneIsFoundInItsRegion() throws {
        // Saint-Girons (Ariège): GeoNames gives 42.9849 N, 1.1459 E.
        let placed = try #require(places.place(of: actor(commune: "St Girons", department: "09")))
        #expect(placed.basis == .commune)
        #expect(abs(placed.point.latitude - 42.9849) < 1e-4 && abs(placed.point.longitude - 1.1459) < 1e-4)
        #expect(placed.overseasRegion == nil)
    }

    @Test func coordinatesComeFirst() throws {
        let placed = try #require(places.place(of: actor(commune: "Toulouse", department: "31", latitude: 45.5, longitude: 3.25)))
        #expect(placed.basis == .coordinates && placed.point == GeoPoint(latitude: 45.5, longitude: 3.25))
    }

    @Test func aDepartmentAloneGoesToItsChefLieu() throws {
        let paris = try #require(places.place(of: actor(department: "75")))
        #expect(paris.basis == .department)
        #expect(abs(paris.point.latitude - 48.85) < 0.05 && abs(paris.point.longitude - 2.35) < 0.05)
        // "9" for Ariège, as a spreadsheet drops the leading zero: Foix.
        let foix = try #require(places.place(of: actor(department: "9")))
        #expect(abs(foix.point.latitude - 42.96) < 0.05)
        #expect(places.departmentCode("2a") == "2A")
        #expect(places.departmentCode("99") == nil)
    }

    @Test func aHomonymInTheRegionFallsBackToTheDepartmentAndSaysSo() throws {
        // Two places called Amilly in Centre-Val de Loire (Eure-et-Loir and Loiret).
        #expect(places.communes(named: "Amilly", region: "24").count == 2)
        let placed = try #require(places.place(of: actor(commune: "Amilly", department: "45")))
        #expect(placed.basis == .department)
        #expect(placed.ambiguousCommune == "Amilly")
        #expect(placed.point == places.point(ofDepartment: "45"))
    }

    @Test func regionsByTodaysOrFormerNames() throws {
        #expect(places.regionCode(named: "Occitanie") == "76")
        #expect(places.regionCode(named: "Midi-Pyrénées") == "76")
        #expect(places.regionCode(named: "provence alpes cote d'azur") == "93")
        let region = try #require(places.place(of: actor(region: "Bretagne")))
        #expect(region.basis == .region)
        // The mean of Saint-Brieuc, Quimper, Rennes and Vannes.
        #expect(abs(region.point.latitude - 48.1) < 0.15 && abs(region.point.longitude - (-2.8)) < 0.3)
        #expect(places.place(of: actor(commune: "Nulle-Part-sur-Rien")) == nil)
    }

    @Test func overseasActorsAreMarked() throws {
        let placed = try #require(places.place(of: actor(commune: "Saint-Denis", department: "974")))
        #expect(placed.overseasRegion == "04")
        #expect(placed.point.latitude < -20)
    }
}

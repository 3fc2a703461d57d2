import Testing

@testable import DossierKit

@Suite("Upserted entities of an import transaction")
struct UpsertedEntitiesTests {
    let precomposed = Organisation(
        slug: "ec3", name: "European Cybercrime Centre",
        aliases: [OrganisationAlias(alias: "Centre europ\u{E9}en de la cybercriminalit\u{E9}", language: "fr")])

    /// Counts the upserts that really run.
    final class Upserts {
        var count = 0
        func run(_: Organisation) -> Int64 {
            count += 1
            return 7
        }
    }

    @Test("the same organisation again is answered from memory, and upserted again once forgotten")
    func sameValue() {
        let upserted = UpsertedEntities()
        let upserts = Upserts()
        #expect(upserted.id(of: precomposed, upsert: upserts.run) == 7)
        #expect(upserted.id(of: precomposed, upsert: upserts.run) == 7)
        #expect(upserts.count == 1)
        upserted.forget()
        _ = upserted.id(of: precomposed, upsert: upserts.run)
        #expect(upserts.count == 2)
    }

    @Test("an alias equal as a Swift String but with other bytes (decomposed é) is upserted, as SQLite would store it")
    func sameStringOtherBytes() {
        var decomposed = precomposed
        decomposed.aliases = [OrganisationAlias(alias: "Centre europe\u{301}en de la cybercriminalite\u{301}", language: "fr")]
        #expect(decomposed == precomposed)
        let upserted = UpsertedEntities()
        let upserts = Upserts()
        _ = upserted.id(of: precomposed, upsert: upserts.run)
        _ = upserted.id(of: decomposed, upsert: upserts.run)
        #expect(upserts.count == 2)
    }

    @Test("a missing field is not the same as an empty one, and fields do not run into each other")
    func fieldBoundaries() {
        let upserted = UpsertedEntities()
        let upserts = Upserts()
        for organisation in [
            Organisation(slug: "ab", name: "c"), Organisation(slug: "a", name: "bc"),
            Organisation(slug: "a", name: "bc", acronym: ""), Organisation(slug: "a", name: "bc", acronym: nil),
        ] {
            _ = upserted.id(of: organisation, upsert: upserts.run)
        }
        #expect(upserts.count == 3)
    }
}

import Testing

@testable import DossierKit

@Suite("Person name shapes")
struct PersonNameTests {
    @Test func middleInitialKeptInName() throws {
        let x = try Fixtures.extract(
            "The defendants were sentenced to 15 years, U.S. Attorney Jessica D. Aber announced. Mr. Smith said nothing.", "en")
        #expect(x.people.map(\.name).contains("Jessica D. Aber"), "\(x.people.map(\.name))")
        #expect(!x.people.map(\.name).contains("Jessica D"))
    }
}

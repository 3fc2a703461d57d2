import Testing

@testable import DossierKit

@Suite("Quotes")
struct QuoteTests {
    @Test func frenchMultiParagraphBlock() throws {
        let text =
            "Troels Oerting, chef du Centre européen de la cybercriminalité, a déclaré :\n\n« Nous devons suivre le rythme de ces réseaux criminels sophistiqués.\n\n« Les forces de l’ordre doivent se concentrer encore davantage sur cette utilisation. »\n\nFin."
        let q = try Fixtures.extract(text, "fr").quotes
        #expect(q.count == 1)
        #expect(q.first?.speakerName == "Troels Oerting" && q.first?.speakerKind == .person)
        #expect(q.first?.text.hasPrefix("Nous devons") == true)
    }

    @Test func scareQuotesIgnored() throws {
        let q = try Fixtures.extract(
            "Une tendance « inquiétante » et des contenus distribués « gratuitement » sur le réseau.", "fr"
        ).quotes
        #expect(q.isEmpty)
    }

    @Test func organisationAndDocumentSpeakers() throws {
        let text =
            "Un rapport d’Europol révèle des abus.\nLe rapport indique que « Bien qu’il n’y ait pas suffisamment d’informations pour identifier le BitCoin. »\nEuropol a déclaré qu’il donnerait la priorité aux enquêtes « dans la mesure où cette forme de distribution est directement responsable de nouveaux cas ». "
        let q = try Fixtures.extract(text, "fr").quotes
        #expect(q.count == 2)
        #expect(q[0].speakerKind == .document && q[0].speakerName == "Europol")
        #expect(q[1].speakerKind == .organisation && q[1].speakerName == "Europol")
    }

    @Test func englishAttributionAfterAndPronoun() throws {
        let q = try Fixtures.extract(Fixtures.europolEN, "en").quotes
        #expect(q.count == 4)
        #expect(q[0].speakerName == "Catherine De Bolle")
        #expect(q[1].speakerName == "Catherine De Bolle")
        #expect(q[2].speakerName == "John Smith")
        #expect(q[3].speakerName == "John Smith")
    }

    @Test func spanInvariantHolds() throws {
        let body = "Intro\r\n“This is a long enough quotation to count as speech here,” said John Smith.\r\n"
        let x = try Fixtures.extract(body, "en")
        let scalars = Array(body.unicodeScalars)
        for span in x.quotes.map(\.span) + x.people.flatMap(\.mentions) {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
        }
        #expect(x.quotes.first?.speakerName == "John Smith")
    }
}

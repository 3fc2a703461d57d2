import Foundation
import Testing

@testable import DossierKit

/// Rules added after the blind set (Tests/Fixtures/blind-set): each with a positive and a negative case, FR and EN.
@Suite("Blind-set rules")
struct BlindSetRuleTests {
    func speaker(of text: String, _ lang: String, startingWith start: String) throws -> ExtractedQuote? {
        try Fixtures.extract(text, lang).quotes.first { $0.text.hasPrefix(start) }
    }

    func orgNames(_ text: String, _ lang: String) throws -> [String] {
        try Fixtures.extract(text, lang).organisations.map(\.name)
    }

    @Test func weekdayInDateline() {
        #expect(DocumentMetadataInference.publicationDate(of: "Titre\n\nParis, mardi 12 mars 2024\n\nCorps") == "2024-03-12")
        #expect(DocumentMetadataInference.publicationDate(of: "Title\n\nOttawa, Tuesday 4 June 2024\n\nBody") == "2024-06-04")
        // A weekday date in running text is still not a dateline.
        #expect(
            DocumentMetadataInference.publicationDate(
                of:
                    "Titre\n\nLe suspect, interpellé mardi 12 mars 2024 à Lyon au terme d’une longue enquête des policiers de l’office, a été mis en examen puis placé en détention provisoire par un juge."
            ) == nil)
    }

    @Test func bareMonthAfterCue() throws {
        let en = try Fixtures.extract("Title\n\nLyon, 6 June 2024\n\nMember countries will meet in September.", "en")
        #expect(en.dates.map(\.iso).contains("2024-09"))
        let fr = try Fixtures.extract("Titre\n\nLa Haye, 27 novembre 2024\n\nUn rapport publié en avril le confirme.", "fr")
        #expect(fr.dates.map(\.iso).contains("2024-04"))
        // No cue, an ambiguous month word, or "dernier" (handled by the last-month rule) do not take the publication year.
        let neg = try Fixtures.extract("Title\n\nLyon, 6 June 2024\n\nThe September review and the May report.", "en")
        #expect(!neg.dates.map(\.iso).contains("2024-09"))
        #expect(!neg.dates.map(\.iso).contains("2024-05"))
        let last = try Fixtures.extract(
            "Titre\n\nParis, 12 mars 2024\n\nL’homme, interpellé en mai dernier, a été condamné.", "fr")
        #expect(last.dates.map(\.iso).contains("2023-05"))
    }

    @Test func rangeWithArticles() throws {
        let fr = try Fixtures.extract(
            "Titre\n\nBerne, 3.10.2024\n\nIl y a eu 43 perquisitions entre le 9 et le 20 septembre 2024.", "fr")
        #expect(fr.dates.map(\.iso).contains("2024-09-09/2024-09-20"))
        #expect(!fr.figures.contains { $0.value == 9 })
        let en = try Fixtures.extract("Title\n\nSearches took place between 3 and 5 March 2024 in 12 cities.", "en")
        #expect(en.dates.map(\.iso).contains("2024-03-03/2024-03-05"))
        #expect(en.figures.contains { $0.value == 12 })
    }

    @Test func phoneNumbers() throws {
        let en = try Fixtures.extract(
            "Title\n\nPolice seized 41 devices.\n\nMedia enquiries: AFP National Media: (02) 5126 9297", "en")
        #expect(!en.figures.contains { $0.value == 5126 || $0.value == 9297 })
        #expect(en.figures.contains { $0.value == 41 })
        let fr = try Fixtures.extract("Titre\n\n17 personnes ont été entendues. En cas de danger immédiat, composez le 17.", "fr")
        #expect(fr.figures.filter { $0.value == 17 }.count == 1)
    }

    @Test func personAfterInstitutionInTitle() throws {
        let fr = try speaker(
            of:
                "Titre\n\n«Chaque image partagée, c'est une victime que l'on abuse une nouvelle fois», affirme le commandant de la Police cantonale vaudoise, Jacques Antenen.",
            "fr", startingWith: "Chaque")
        #expect(fr?.speakerName == "Jacques Antenen")
        let en = try speaker(
            of:
                "Title\n\n“We will find every offender who thinks this platform is safe,” said a spokesperson for the Metropolitan Police Service, Sarah Jones.",
            "en", startingWith: "We will")
        #expect(en?.speakerName == "Sarah Jones")
        // No person after the institution: the institution remains the speaker.
        let org = try speaker(
            of:
                "Titre\n\n« Les investigations se poursuivent pour identifier d’autres victimes éventuelles », a indiqué le parquet de Paris.",
            "fr", startingWith: "Les investigations")
        #expect(org?.speakerKind == .organisation)
    }

    @Test func pronounPointsToTitledPerson() throws {
        let fr = """
            Titre

            « Ces résultats témoignent de l’engagement total des forces de sécurité », a déclaré Gérald Darmanin, ministre de l’Intérieur.

            Selon sa cheffe, la commissaire divisionnaire Nathalie Carvalho, les signalements ont progressé de 30 %.

            « Derrière chaque fichier, il y a un enfant réel, victime de violences », souligne-t-elle.
            """
        #expect(try speaker(of: fr, "fr", startingWith: "Derrière")?.speakerName == "Nathalie Carvalho")
        // A defendant named without a title does not capture the pronoun: the previous speaker keeps the quote.
        let en = """
            Title

            “This sentence reflects the gravity of what the victims endured,” said Detective Inspector Amanda Reece.

            Brian Schmidt, 68, was jailed for 19 years at the Old Bailey on Monday.

            “We will keep working with our partners to identify every child in these images,” she added.
            """
        #expect(try speaker(of: en, "en", startingWith: "We will keep")?.speakerName == "Amanda Reece")
    }

    @Test func newSpeechVerbs() throws {
        let fr = try speaker(
            of:
                "Titre\n\n« Pour une plateforme fermée, dix autres apparaissent aussitôt », regrette Maud Girard, porte-parole de l’association.",
            "fr", startingWith: "Pour une")
        #expect(fr?.speakerName == "Maud Girard")
        let en = try speaker(
            of:
                "Title\n\n“There was no excuse for what he did to those children,” admitted Mark Brennan, the detective in charge.",
            "en", startingWith: "There was")
        #expect(en?.speakerName == "Mark Brennan")
    }

    @Test func institutionNameBoundaries() throws {
        let fr = try orgNames(
            "Titre\n\nCommuniqué du ministère de l’Intérieur et des Outre-mer.\n\nDans le canton de Vaud, le Ministère public central a ouvert 9 procédures.",
            "fr")
        #expect(fr.contains { Slug.make($0) == Slug.make("ministère de l’Intérieur et des Outre-mer") })
        #expect(fr.contains("Ministère public central"))
        #expect(!fr.contains { $0.hasSuffix(" a ouvert") })
        // A lower-case "ministère" without a capitalised portfolio is not a name.
        #expect(try orgNames("Titre\n\nLe ministère a annoncé de nouvelles mesures pour les enfants.", "fr").isEmpty)

        let en = try orgNames(
            """
            Title

            He pleaded guilty in the Ontario Court of Justice. The Canadian Centre to Protect Young Children (CCPYC) helped.

            NSW Police Force Detective Superintendent Mark Brennan said the result was good.

            “It worked,” said Stephen Kavanagh, INTERPOL Executive Director of Police Services.

            Victims were identified with the International Child Sexual Exploitation (ICSE) database.
            """, "en")
        #expect(en.contains("Ontario Court of Justice"))
        #expect(en.contains("Canadian Centre to Protect Young Children"))
        #expect(en.contains("NSW Police Force"))
        #expect(!en.contains { $0.contains("Detective") || $0.contains("Police Services") || $0.contains("Sexual Exploitation") })
    }
}

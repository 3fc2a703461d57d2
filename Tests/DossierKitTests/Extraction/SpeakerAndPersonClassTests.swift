import Testing

@testable import DossierKit

/// Speaker and person error classes seen on releases the rules were not written on, in French and English,
/// each with a case that must not fire.
@Suite("Speakers and people: general classes")
struct SpeakerAndPersonClassTests {
    private func speakers(_ text: String, _ language: String) throws -> [String?] {
        try Fixtures.extract(text, language).quotes.map(\.speakerName)
    }

    private func people(_ text: String, _ language: String) throws -> [String] {
        try Fixtures.extract(text, language).people.map(\.name)
    }

    @Test("\"he said\" after a quotation goes to the person its paragraph, or the paragraph before, opens on")
    func pronounToParagraphSubject() throws {
        let before = try speakers(
            "Detective Anna Kowalski said the charges were overdue.\n\n\"Heads needed to roll the day the man died in his cell,\" she said.",
            "en")
        #expect(before == ["Anna Kowalski"])
        let same = try speakers(
            "Senator Ilhan Omar asked for compassion. She added, \"We must teach the defendant love and patience every day.\"",
            "en")
        #expect(same == ["Ilhan Omar"])
        // A paragraph that opens with another quotation is not a subject: the speaker before it is kept.
        let chain = try speakers(
            "\"We found them in three countries and arrested them all,\" said Ana Costa.\n\n\"We will find the others too, wherever they are,\" she said.",
            "en")
        #expect(chain == ["Ana Costa", "Ana Costa"])
    }

    @Test("a short quotation someone says is a quote; a short term in quotation marks is not")
    func shortQuotations() throws {
        #expect(try speakers("“Oh, actually? Yes,” said Anna Kowalski, laughing.", "en") == ["Anna Kowalski"])
        #expect(try speakers("Police called the scheme “a disgrace” and Anna Kowalski agreed.", "en").isEmpty)
        #expect(try speakers("Europol parle d’une tendance « inquiétante » selon Marie Dupont.", "fr").isEmpty)
    }

    @Test("a surname after an honorific, and a royal title before a given name, name people")
    func honorificsAndRoyals() throws {
        #expect(try people("Mr Johnson said no, and M. Dupont a refusé.", "en") == ["Johnson", "Dupont"])
        #expect(try people("Watching the series, the real Prince Andrew was busy elsewhere.", "en") == ["Prince Andrew"])
        // A surname after a title is the person named in full elsewhere in the text.
        #expect(
            try people(
                "Detective Superintendent Mark Brennan led the inquiry. Later Det Supt Brennan said it was over.", "en")
                == ["Mark Brennan"])
    }

    @Test("a curly quotation closed by a straight mark ends there; whoever is told is not the speaker")
    func mixedMarksAndAddressees() throws {
        let mixed = try speakers(
            "“When removing such a high-risk individual from watch, it would be critical to go slowly,\" said Lisa Boesky, a psychologist.",
            "en")
        #expect(mixed == ["Lisa Boesky"])
        let told = try speakers(
            "Andrew Morris spoke at length.\n\nHe told the BBC interviewer: “I took the judgement call that this was serious enough to go.”",
            "en")
        #expect(told == ["Andrew Morris"])
    }

    @Test("an attribution set inside the quotation names its speaker, but « selon X » inside it does not")
    func attributionInsideQuotation() throws {
        let fr = try speakers(
            "« Nous avons frappé fort contre ces réseaux, déclare Marie Dupont, directrice de l'office, et nous continuerons. »",
            "fr")
        #expect(fr == ["Marie Dupont"])
        let en = try speakers("\"We found them in three countries, Ana Costa said, and we will find the others too.\"", "en")
        #expect(en == ["Ana Costa"])
        let content = try speakers(
            "Europol a publié son rapport.\n\n« Ce chiffre alarmant mérite, selon Europol, une sensibilisation accrue des parents. »",
            "fr")
        #expect(content == [nil])
    }

    @Test("a role with its complement between the verb and the name: the person speaks, not the unit")
    func roleBetweenVerbAndName() throws {
        let text =
            "\"We are pleased with the outcome of this long investigation,\" said the head of the national cybercrime unit, Ana Costa."
        let extraction = try Fixtures.extract(text, "en")
        #expect(extraction.quotes.map(\.speakerName) == ["Ana Costa"])
        #expect(extraction.people.first?.role == "head of the national cybercrime unit")
    }

    @Test("a generic institution speaks for the organisation of that kind the document names")
    func institutionSpeakers() throws {
        let en = try speakers(
            "Kent Police arrested two men on Monday.\n\n\"The investigation is continuing and further arrests are expected,\" police said.",
            "en")
        #expect(en == ["Kent Police"])
        let fr = try speakers(
            "Le parquet de Lyon a ouvert une information judiciaire.\n\n« Les investigations se poursuivent pour identifier d'autres victimes », indique le parquet.",
            "fr")
        #expect(fr == ["Parquet de Lyon"])
        // No police force named: the quotation is not given to another organisation.
        let none = try speakers(
            "Europol supported the action.\n\n\"The investigation is continuing and more arrests are expected,\" police said.",
            "en")
        #expect(none == [nil])
        let statement = try speakers(
            "Europol coordinated the action.\n\n\"These offenders thought they could hide behind encryption online,\" the statement said.",
            "en")
        #expect(statement == ["Europol"])
    }

    @Test("context makes a person of an unknown name: age, home town, a court's verbs, capitals first, particles")
    func contextEvidence() throws {
        #expect(try people("Basheer Hamdan, 34, of Leeds, was sentenced to nine years.", "en") == ["Basheer Hamdan"])
        #expect(
            try people("PARK Ji-hoon and Jan van der Berg were arrested. Abdel al-Masri was also charged.", "en") == [
                "Park Ji-hoon", "Jan van der Berg", "Abdel al-Masri",
            ])
        #expect(try people("Tjitske Meulenbelt a été interpellée à Lille.", "fr") == ["Tjitske Meulenbelt"])
        #expect(try people("Montell Figgins, who represents the guard, spoke.", "en") == ["Montell Figgins"])
        #expect(try people("Kent Trading Standards, which ran the checks, spoke.", "en").isEmpty)
        // The same capitalised pairs without such context are not people.
        #expect(try people("Police Welcome New Powers To Tackle Online Abuse", "en").isEmpty)
        #expect(try people("Jun 2024 was busy. Visit Basheer Hamdan Park today.", "en").isEmpty)
    }

    @Test("a role with a complement before the name: the name starts after the portfolio")
    func roleWithComplementBeforeName() throws {
        let extraction = try Fixtures.extract(
            "Le ministre turc de l'Intérieur Ahmet Kaya a salué l'opération. Le commissaire de police John W. Smith était présent.",
            "fr")
        #expect(extraction.people.map(\.name) == ["Ahmet Kaya", "John W. Smith"])
        #expect(extraction.people.map(\.role) == ["ministre turc de l'Intérieur", "commissaire de police"])
        #expect(try people("La procureure de la République de Paris, Laure Beccuau, a parlé.", "fr") == ["Laure Beccuau"])
    }

    @Test("a hyphenated given name, also one that looks like a month, heads an apposition")
    func hyphenatedGivenNames() throws {
        let extraction = try Fixtures.extract(
            "Jun-ho Park, head of the cyber unit, said: \"This is a great result for everyone involved in the case.\"", "en")
        #expect(extraction.people.map(\.name) == ["Jun-ho Park"])
        #expect(extraction.quotes.map(\.speakerName) == ["Jun-ho Park"])
        #expect(try people("The Europol-led operation ended.", "en").isEmpty)
    }

    @Test("broken quotation marks: “…“, ’’…’’, d\"autres and a mark never closed do not swallow what follows")
    func brokenQuotationMarks() throws {
        let curly = try Fixtures.extract(
            "“We have dismantled a network that abused children for years,“ said Anna Berg. “The work goes on in every country involved here,“ she added.",
            "en"
        ).quotes
        #expect(curly.map(\.speakerName) == ["Anna Berg", "Anna Berg"])
        #expect(curly.first?.text == "We have dismantled a network that abused children for years,")
        let doubled = try Fixtures.extract(
            "’’We have dismantled a network that abused children for years,’’ said Anna Berg, head of the unit.", "en"
        ).quotes
        #expect(doubled.map(\.text) == ["We have dismantled a network that abused children for years,"])
        #expect(doubled.map(\.speakerName) == ["Anna Berg"])
        let apostrophes = try Fixtures.extract(
            "Les enquêteurs ont trouvé d\"autres victimes. \"Nous allons continuer à chercher d\"autres suspects dans la région\", a déclaré Marie Dupont.",
            "fr"
        ).quotes
        #expect(apostrophes.map(\.speakerName) == ["Marie Dupont"])
        #expect(apostrophes.first?.text.hasPrefix("Nous allons") == true)
        let unclosed = try Fixtures.extract(
            "« Nous avons identifié des victimes dans plusieurs pays européens, a déclaré Marie Dupont.\n\nLe parquet de Lyon a ouvert une enquête. « Les investigations se poursuivent pour identifier d'autres victimes », indique le parquet.",
            "fr"
        ).quotes
        #expect(unclosed.map(\.speakerName) == ["Marie Dupont", "Parquet de Lyon"])
    }

    @Test("a generational suffix belongs to the name, and a shorter form without initials is the same person")
    func suffixesAndShorterForms() throws {
        let extraction = try Fixtures.extract(
            "U.S. Attorney James P. Kennedy Jr. announced the plea. Patrick W. Carlineo Jr. was sentenced. Later James Kennedy said the case was closed.",
            "en")
        #expect(extraction.people.map(\.name) == ["James P. Kennedy Jr.", "Patrick W. Carlineo Jr."])
        #expect(extraction.people.first?.mentions.count == 2)
        // Two different people sharing a surname stay two.
        #expect(try people("Detective Anna Berg and Detective Erik Berg were praised.", "en") == ["Anna Berg", "Erik Berg"])
    }

    @Test("a long apposition before the verb, an abbreviated title, and 'it added' for an organisation")
    func longAppositionAndIt() throws {
        let quotes = try Fixtures.extract(
            "“The defendants had a duty to ensure the safety of inmates in their care,” Geoffrey Berman, the U.S. attorney for the Southern District of New York, said in a news release.",
            "en"
        ).quotes
        #expect(quotes.map(\.speakerName) == ["Geoffrey Berman"])
        #expect(try people("Rep. Ilhan Omar and Sen. Ted Cruz spoke.", "en") == ["Ilhan Omar", "Ted Cruz"])
        let it = try Fixtures.extract(
            "The Swedish Prosecution Authority dropped the case.\n\n\"The evidence has weakened considerably over the long period of time,\" it added.",
            "en"
        ).quotes
        #expect(it.map(\.speakerName) == ["Swedish Prosecution Authority"])
    }
}

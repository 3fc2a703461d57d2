import DossierKit
import Foundation

/// Deterministic generator of French and English press-release-like texts (5–20 KB each) with
/// figures, quotes, organisations and operations, for benchmarks and stress tests.
/// The same seed always gives the same corpus, byte for byte.
struct CorpusGenerator {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// Writes `count` documents into `directory` (nested in folders of 1,000) and returns their total size in bytes.
    mutating func write(count: Int, into directory: URL) throws -> Int {
        var total = 0
        for index in 0..<count {
            let folder = directory.appending(path: String(format: "%03d", index / 1000))
            if index % 1000 == 0 {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
            let text = document(index: index)
            let data = Data(text.utf8)
            try data.write(to: folder.appending(path: String(format: "doc-%06d.txt", index)))
            total += data.count
        }
        return total
    }

    mutating func document(index: Int) -> String {
        let french = random.next() % 2 == 0
        let target = 5_000 + Int(random.next() % 15_000)
        let operation = pick(Self.codenames) + (random.next() % 3 == 0 ? " \(pick(Self.codenames))" : "")
        var paragraphs = [french ? frenchHeadline(operation) : englishHeadline(operation)]
        var size = paragraphs[0].utf8.count
        while size < target {
            let paragraph = french ? frenchParagraph(operation) : englishParagraph(operation)
            paragraphs.append(paragraph)
            size += paragraph.utf8.count + 2
        }
        return paragraphs.joined(separator: "\n\n") + "\n"
    }

    // MARK: English

    private mutating func englishHeadline(_ operation: String) -> String {
        "\(number(5, 400)) arrested in Operation \(operation) against online child sexual exploitation"
    }

    private mutating func englishParagraph(_ operation: String) -> String {
        // Most of a real release is context without figures; keep the figure density realistic.
        if random.next() % 10 < 6 { return pick(Self.contextEN) }
        switch random.next() % 6 {
        case 0:
            return "During Operation \(operation), led by \(pick(Self.agenciesEN)) and supported by Europol, investigators in "
                + "\(number(3, 30)) countries identified \(grouped(number(50, 3000), french: false)) suspects. On \(englishDate()), "
                + "\(number(5, 200)) suspects were arrested and \(number(10, 300)) house searches were carried out."
        case 1:
            return "Officers seized \(number(20, 900)) electronic devices, \(number(2, 90)) terabytes of data and more than "
                + "€\(number(1, 40)).\(number(1, 9)) million in cryptocurrency. Nearly \(number(2, 98)) per cent of the material "
                + "had been shared on \(number(3, 60)) platforms."
        case 2:
            return "“\(pick(Self.quotesEN))” said \(pick(Self.firstNames)) \(pick(Self.lastNames)), \(pick(Self.rolesEN)) at "
                + "\(pick(Self.agenciesEN)). “We will keep working with our partners across borders.”"
        case 3:
            return
                "According to \(pick(Self.agenciesEN)), about \(grouped(number(1000, 90000), french: false)) reports were received "
                + "from the public in \(number(2015, 2024)), and \(number(10, 400)) children were safeguarded as a result."
        case 4:
            return "The Joint Cybercrime Action Taskforce (J-CAT) and the European Cybercrime Centre (EC3) coordinated the "
                + "exchange of information between \(number(4, 40)) law enforcement agencies from \(englishMonth()) to "
                + "\(englishMonth()) \(number(2019, 2025))."
        default:
            return
                "At least \(number(2, 60)) victims were identified, and up to \(grouped(number(100, 20000), french: false)) images "
                + "and videos were analysed by specialists of \(pick(Self.agenciesEN)) at their headquarters."
        }
    }

    // MARK: French

    private mutating func frenchHeadline(_ operation: String) -> String {
        "Opération \(operation) : \(number(5, 400)) suspects interpellés dans une action internationale contre l’exploitation sexuelle des enfants"
    }

    private mutating func frenchParagraph(_ operation: String) -> String {
        if random.next() % 10 < 6 { return pick(Self.contextFR) }
        switch random.next() % 6 {
        case 0:
            return
                "Lors de l’opération \(operation), coordonnée par \(pick(Self.agenciesFR)) avec le soutien d’Europol, les enquêteurs "
                + "de \(number(3, 30)) pays ont identifié \(grouped(number(50, 3000), french: true)) suspects. Le \(frenchDate()), "
                + "\(number(5, 200)) suspects ont été arrêtés et \(number(10, 300)) perquisitions menées."
        case 1:
            return
                "Les enquêteurs ont saisi \(number(20, 900)) appareils électroniques et plus de \(number(1, 40)),\(number(1, 9)) "
                + "millions d’euros en cryptomonnaie. Près de \(number(2, 98)) % des contenus avaient été diffusés sur "
                + "\(number(3, 60)) plateformes."
        case 2:
            return
                "« \(pick(Self.quotesFR)) », a déclaré \(pick(Self.firstNames)) \(pick(Self.lastNames)), \(pick(Self.rolesFR)) de "
                + "\(pick(Self.agenciesFR)). « Nous continuerons à travailler avec nos partenaires. »"
        case 3:
            return
                "Selon \(pick(Self.agenciesFR)), environ \(grouped(number(1000, 90000), french: true)) signalements ont été reçus "
                + "en \(number(2015, 2024)), et \(number(10, 400)) enfants ont été mis en sécurité."
        case 4:
            return
                "Le groupe de travail conjoint de l’action en cybercriminalité (J-CAT) et le Centre européen de la cybercriminalité "
                + "ont coordonné les échanges entre \(number(4, 40)) services répressifs d’\(frenchMonth()) à \(frenchMonth()) "
                + "\(number(2019, 2025))."
        default:
            return
                "Au moins \(number(2, 60)) victimes ont été identifiées et jusqu’à \(grouped(number(100, 20000), french: true)) "
                + "images et vidéos ont été analysées par les spécialistes de \(pick(Self.agenciesFR))."
        }
    }

    // MARK: Pieces

    private mutating func number(_ low: Int, _ high: Int) -> Int {
        low + Int(random.next() % UInt64(high - low + 1))
    }

    private func grouped(_ value: Int, french: Bool) -> String {
        guard value >= 1000 else { return String(value) }
        let thousands = value / 1000
        let rest = String(format: "%03d", value % 1000)
        return french ? "\(thousands)\u{202F}\(rest)" : "\(thousands),\(rest)"
    }

    private mutating func pick(_ values: [String]) -> String {
        values[Int(random.next() % UInt64(values.count))]
    }

    private mutating func englishDate() -> String { "\(number(1, 28)) \(englishMonth()) \(number(2019, 2025))" }
    private mutating func frenchDate() -> String { "\(number(1, 28)) \(frenchMonth()) \(number(2019, 2025))" }
    private mutating func englishMonth() -> String { pick(Self.monthsEN) }
    private mutating func frenchMonth() -> String { pick(Self.monthsFR) }

    static let codenames = [
        "Cumberland", "Viper", "Blue Lake", "Atlas", "Nightingale", "Harbour", "Kestrel", "Meridian", "Tundra", "Aurora",
        "Granite", "Falcon",
    ]
    static let agenciesEN = [
        "the National Crime Agency", "the Danish National Police", "the Spanish National Police", "the FBI", "Eurojust",
        "the Australian Federal Police",
    ]
    static let agenciesFR = [
        "la Gendarmerie nationale", "la police fédérale belge", "l’Office mineurs (OFMIN)", "la Police nationale", "Eurojust",
    ]
    static let firstNames = ["Catherine", "Jane", "Pierre", "Marie", "John", "Sophie", "Lars", "Elena", "Thomas", "Anna"]
    static let lastNames = ["De Bolle", "Martin", "Jensen", "Garcia", "Smith", "Dubois", "Rossi", "Novak", "Schmidt", "Bernard"]
    static let rolesEN = ["Head of Operations", "Director", "Chief Constable", "Executive Director", "Deputy Director"]
    static let rolesFR = ["directrice", "chef de la division", "commandant", "directeur adjoint", "procureur"]
    static let monthsEN = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    static let monthsFR = [
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]
    static let contextEN = [
        "The investigation began when specialists noticed that the same offenders were active on several forums and were using encrypted messaging services to share material and advice on how to avoid detection.",
        "Online child sexual exploitation remains one of the most threatening forms of cybercrime in the European Union, and it continues to be one of the main priorities of law enforcement agencies, which deal with a constantly growing volume of illegal content.",
        "Investigators exchanged information through secure channels, and analysts produced operational reports that helped national teams to prioritise their work and to identify the victims as quickly as possible.",
        "The campaign that accompanies the operation will reach potential offenders where they are most active, online, and will point them to services that can help them to change their behaviour before they cause harm.",
        "Prevention remains essential: parents, carers and teachers are encouraged to talk with children about their lives online and to report anything that worries them to the police or to a hotline.",
    ]
    static let contextFR = [
        "L’enquête a commencé lorsque des spécialistes ont remarqué que les mêmes délinquants étaient actifs sur plusieurs forums et utilisaient des messageries chiffrées pour partager du matériel et des conseils afin d’échapper à la détection.",
        "L’exploitation sexuelle des enfants en ligne reste l’une des manifestations les plus menaçantes de la cybercriminalité dans l’Union européenne et demeure l’une des principales priorités des services répressifs.",
        "Les enquêteurs ont échangé des informations par des canaux sécurisés, et les analystes ont produit des rapports opérationnels qui ont aidé les équipes nationales à établir leurs priorités et à identifier les victimes au plus vite.",
        "La campagne qui accompagne l’opération atteindra les délinquants potentiels là où ils sont les plus actifs, en ligne, et les orientera vers des services capables de les aider à changer de comportement.",
        "La prévention reste essentielle : les parents, les éducateurs et les enseignants sont invités à parler avec les enfants de leur vie en ligne et à signaler tout ce qui les inquiète à la police.",
    ]
    static let quotesEN = [
        "This operation shows what law enforcement can achieve when we work together across borders.",
        "Nobody should think they can abuse children online and get away with it.",
        "Every image is a crime scene and every victim deserves to be found.",
    ]
    static let quotesFR = [
        "Cette opération montre ce que les services répressifs peuvent accomplir lorsqu’ils travaillent ensemble.",
        "Personne ne doit croire qu’il peut exploiter des enfants en ligne en toute impunité.",
        "Chaque image est une scène de crime et chaque victime mérite d’être retrouvée.",
    ]
}

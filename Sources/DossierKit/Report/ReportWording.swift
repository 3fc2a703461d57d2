/// The words of a report around its facts — headings, column names, the lines that say nothing was
/// found — in the reader's language, as `FactWording` says the facts themselves. `%1`, `%2`… in a
/// phrase take the values given, in order.
public struct ReportWording: Sendable {
    public enum Phrase: String, Sendable, CaseIterable {
        case archiveTitle, contents, table, rows, integrity, lastVerified, outcomeNotRecorded, neverVerified
        case latestImports, nothingImported, batch, started, by, status, seen, imported, duplicates, failed
        case operations, noOperation, operation, actionDay, documents, headlineFigures
        case operationReport, summary, leadAgencyLine, actionDayLine, statusLine, notRecorded, sources, undated
        case figures, namedHeading, kind, name, slug, mentions, organisationKind, personKind
        case organisationReport, names, acronymLine, noAcronym, alsoLine, people, person, quotes, operationsLed
        case documentsNamingIt, personReport, roles, role, organisation, statedIn, documentNumber, gazetteer
        case documentsNamingThem, sourcesSubtitle, documentColumn, title, publisher, published, language, url
        case conflictsTitle, conflictsSubtitle, noConflicts, figuresAgree, source, value, category, asWritten, span
        case amounts, noFigures, speaker, quote, unattributed, noQuotes, none, timeline, timelineTitle
        case pressRelease, article, report, otherKind
        case ongoing, concluded, unknown, running, completed, batchFailed, clean, findings, operationsRange
    }

    public let language: FactWording.Language

    public init(_ language: FactWording.Language) {
        self.language = language
    }

    public func callAsFunction(_ phrase: Phrase, _ values: String...) -> String {
        Placeholders.fill(
            (language == .fr ? Self.french[phrase] : nil) ?? Self.english[phrase] ?? phrase.rawValue, with: values)
    }

    /// A document's kind in words ("communiqué de presse"), never its code.
    public func kind(_ kind: Document.Kind) -> String {
        switch kind {
        case .pressRelease: self(.pressRelease)
        case .article: self(.article)
        case .report: self(.report)
        case .other: self(.otherKind)
        }
    }

    /// An operation's, an import batch's or an integrity check's status in words.
    public func status(_ status: String) -> String {
        let phrases: [String: Phrase] = [
            "ongoing": .ongoing, "concluded": .concluded, "unknown": .unknown, "running": .running,
            "completed": .completed, "failed": .batchFailed, "clean": .clean, "findings": .findings,
        ]
        return phrases[status].map { self($0) } ?? status
    }

    /// What a table of the archive holds, in words, for the overview's contents.
    public func tableName(_ table: String) -> String {
        let names = language == .fr ? Self.frenchTables : Self.englishTables
        return names[table] ?? table
    }

    static let englishTables = [
        "documents": "Documents", "import_batches": "Import batches", "document_links": "Links between documents",
        "operations": "Operations", "organisations": "Organisations", "organisation_aliases": "Other names of organisations",
        "people": "People", "person_roles": "Roles of people", "quotes": "Quotes", "figures": "Figures",
        "mentions": "Mentions of names", "events": "Events in the audit log",
    ]

    static let frenchTables = [
        "documents": "Documents", "import_batches": "Lots d’import", "document_links": "Liens entre documents",
        "operations": "Opérations", "organisations": "Organisations", "organisation_aliases": "Autres noms d’organisations",
        "people": "Personnes", "person_roles": "Fonctions des personnes", "quotes": "Citations", "figures": "Chiffres",
        "mentions": "Noms cités", "events": "Événements du journal d’audit",
    ]

    static let english: [Phrase: String] = [
        .archiveTitle: "Dossier archive", .contents: "Contents", .table: "Table", .rows: "Rows", .integrity: "Integrity",
        .lastVerified: "Last verified %1 by %2: %3.", .outcomeNotRecorded: "outcome not recorded",
        .neverVerified: "Never verified: run `dossier check`.", .latestImports: "Latest imports",
        .nothingImported: "Nothing imported yet: run `dossier import PATH`.", .batch: "Batch", .started: "Started",
        .by: "By", .status: "Status", .seen: "Seen", .imported: "Imported", .duplicates: "Duplicates", .failed: "Failed",
        .operations: "Operations", .noOperation: "No operation recorded yet.", .operation: "Operation",
        .actionDay: "Action day", .documents: "Documents", .headlineFigures: "Headline figures",
        .operationReport: "Operation report", .summary: "Summary", .leadAgencyLine: "Lead agency: %1",
        .actionDayLine: "Action day: %1", .statusLine: "Status: %1", .notRecorded: "not recorded", .sources: "Sources",
        .undated: "undated", .figures: "Figures", .namedHeading: "Organisations and people named", .kind: "Kind",
        .name: "Name", .slug: "Slug", .mentions: "Mentions", .organisationKind: "organisation", .personKind: "person",
        .organisationReport: "Organisation report", .names: "Names", .acronymLine: "Acronym: %1",
        .noAcronym: "Acronym: none recorded", .alsoLine: "Also: %1", .people: "People", .person: "Person",
        .quotes: "Quotes", .operationsLed: "Operations led", .documentsNamingIt: "Documents naming it",
        .personReport: "Person report", .roles: "Roles", .role: "Role", .organisation: "Organisation",
        .statedIn: "As stated in", .documentNumber: "document #%1", .gazetteer: "gazetteer",
        .documentsNamingThem: "Documents naming them",
        .sourcesSubtitle: "Every document with its provenance and the facts it gave", .documentColumn: "Doc",
        .title: "Title", .publisher: "Publisher", .published: "Published", .language: "Lang", .url: "URL",
        .conflictsTitle: "Conflicting figures",
        .conflictsSubtitle: "The same operation and category reported with different values, side by side for review",
        .noConflicts: "No conflicts", .figuresAgree: "Every operation's figures agree within each category.",
        .source: "Source", .value: "Value", .category: "Category", .asWritten: "As written", .span: "Span",
        .amounts: "Amounts (%1)", .noFigures: "No figures recorded.", .speaker: "Speaker", .quote: "Quote",
        .unattributed: "unattributed", .noQuotes: "No quotes recorded.", .none: "None.", .timeline: "Timeline",
        .timelineTitle: "Timeline of documents", .pressRelease: "press release", .article: "article",
        .report: "report", .otherKind: "other", .ongoing: "ongoing", .concluded: "concluded", .unknown: "unknown",
        .running: "running", .completed: "completed", .batchFailed: "failed",
        .operationsRange: "Operations %1–%2 of %3.", .clean: "every check passed",
        .findings: "problems found (see `dossier check`)",
    ]

    static let french: [Phrase: String] = [
        .archiveTitle: "Archive Dossier", .contents: "Contenu", .table: "Table", .rows: "Lignes", .integrity: "Intégrité",
        .lastVerified: "Dernière vérification le %1 par %2 : %3.", .outcomeNotRecorded: "résultat non enregistré",
        .neverVerified: "Jamais vérifiée : lancer `dossier check`.", .latestImports: "Derniers imports",
        .nothingImported: "Rien n’a encore été importé : lancer `dossier import CHEMIN`.", .batch: "Lot",
        .started: "Début", .by: "Par", .status: "Statut", .seen: "Vus", .imported: "Importés", .duplicates: "Doublons",
        .failed: "Refusés", .operations: "Opérations", .noOperation: "Aucune opération enregistrée.",
        .operation: "Opération", .actionDay: "Jour d’action", .documents: "Documents", .headlineFigures: "Chiffres clés",
        .operationReport: "Rapport d’opération", .summary: "Résumé", .leadAgencyLine: "Service pilote : %1",
        .actionDayLine: "Jour d’action : %1", .statusLine: "Statut : %1", .notRecorded: "non renseigné",
        .sources: "Sources", .undated: "sans date", .figures: "Chiffres",
        .namedHeading: "Organisations et personnes citées", .kind: "Type", .name: "Nom", .slug: "Identifiant",
        .mentions: "Mentions", .organisationKind: "organisation", .personKind: "personne",
        .organisationReport: "Rapport sur l’organisation", .names: "Noms", .acronymLine: "Sigle : %1",
        .noAcronym: "Sigle : aucun enregistré", .alsoLine: "Aussi : %1", .people: "Personnes", .person: "Personne",
        .quotes: "Citations", .operationsLed: "Opérations menées", .documentsNamingIt: "Documents qui la citent",
        .personReport: "Rapport sur la personne", .roles: "Fonctions", .role: "Fonction", .organisation: "Organisation",
        .statedIn: "Selon", .documentNumber: "document n° %1", .gazetteer: "répertoire",
        .documentsNamingThem: "Documents qui la citent",
        .sourcesSubtitle: "Chaque document avec sa provenance et les faits qui en ont été tirés", .documentColumn: "Doc.",
        .title: "Titre", .publisher: "Éditeur", .published: "Publié le", .language: "Langue", .url: "URL",
        .conflictsTitle: "Chiffres divergents",
        .conflictsSubtitle:
            "Une même opération et une même catégorie rapportées avec des valeurs différentes, côte à côte pour vérification",
        .noConflicts: "Aucune divergence", .figuresAgree: "Les chiffres de chaque opération concordent dans chaque catégorie.",
        .source: "Source", .value: "Valeur", .category: "Catégorie", .asWritten: "Texte", .span: "Position",
        .amounts: "Montants (%1)", .noFigures: "Aucun chiffre enregistré.", .speaker: "Auteur", .quote: "Citation",
        .unattributed: "non attribuée", .noQuotes: "Aucune citation enregistrée.", .none: "Aucun.",
        .timeline: "Chronologie", .timelineTitle: "Chronologie des documents", .pressRelease: "communiqué de presse",
        .article: "article", .report: "rapport", .otherKind: "autre", .ongoing: "en cours", .concluded: "terminée",
        .unknown: "inconnu", .running: "en cours", .completed: "terminé", .batchFailed: "échoué",
        .operationsRange: "Opérations %1 à %2 sur %3.", .clean: "tous les contrôles sont passés",
        .findings: "problèmes trouvés (voir `dossier check`)",
    ]
}

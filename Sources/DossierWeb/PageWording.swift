import DossierKit

/// The words of the pages around the archive's content — navigation, headings, labels, buttons,
/// hints — in English or French, chosen like the facts' wording (`--lang`, else the browser's
/// `Accept-Language`). Templates read them as `{{t.key}}`; a test holds every key the templates use
/// to both languages.
struct PageWording {
    let language: FactWording.Language

    init(_ language: FactWording.Language) {
        self.language = language
    }

    /// Every phrase of the language, for the templates.
    var table: [String: String] { language == .fr ? Self.french : Self.english }

    subscript(_ key: String) -> String { table[key] ?? Self.english[key] ?? key }

    /// A phrase that may not exist (an action or relation recorded by a later version): `fallback` then.
    subscript(_ key: String, default fallback: String) -> String { table[key] ?? Self.english[key] ?? fallback }

    /// A phrase with `%1`, `%2`… replaced by the values given, in order.
    func callAsFunction(_ key: String, _ values: String...) -> String {
        Placeholders.fill(self[key], with: values)
    }

    static let english: [String: String] = [
        "lang": "en", "overview": "Overview", "documents": "Documents", "reviewQueue": "Review queue",
        "operations": "Operations", "organisations": "Organisations", "people": "People", "conflicts": "Conflicts",
        "downloads": "Downloads", "import": "Import", "reviewProgress": "Review progress", "facts": "Facts",
        "found": "Found", "confirmed": "Confirmed", "rejected": "Rejected", "superseded": "Superseded",
        "leftToReview": "Left to review", "searchTheTexts": "Search the texts", "search": "Search",
        "publisher": "Publisher", "languageHint": "Language (fr, en)", "language": "Language", "operation": "Operation",
        "anyOperation": "Any operation", "fromHint": "From 2025-01", "publishedFrom": "Published from",
        "untilHint": "Until 2025-12", "publishedUntil": "Published until", "reviewState": "Review state",
        "anyReviewState": "Any review state", "factsLeftToReview": "Facts left to review",
        "nothingLeftToReview": "Nothing left to review", "previous": "Previous", "next": "Next", "keys": "Keys:",
        "keyNext": "next and previous fact", "keyConfirm": "confirm", "keyReject": "reject with a reason",
        "keyCorrect": "correct", "keyUndo": "undo your last decision",
        "selectHint": "Select words in the text to add a figure or a quote.", "recordedAs": "Decisions are recorded as",
        "undoLast": "Undo my last decision", "readOnly": "Read-only: this server takes no decisions.", "legend": "Legend",
        "figure": "figure", "quote": "quote", "person": "person", "organisation": "organisation",
        "operationKind": "operation", "date": "date", "addFromSelection": "Add a fact from the selection",
        "selected": "Selected:", "escCloses": "Esc closes", "value": "Value",
        "valueHint": "Value (the number selected when left empty)", "unitHint": "Unit: count", "unit": "Unit",
        "category": "Category", "noCategory": "No category", "addFigure": "Add as figure", "whoSaidIt": "Who said it",
        "speaker": "Speaker", "addQuote": "Add as quote", "confirm": "Confirm", "reason": "Reason", "reject": "Reject",
        "correct": "Correct", "upTo": "Up to", "bound": "Bound", "approximate": "approximate",
        "saveCorrection": "Save correction", "saidBy": "Said by", "saveSpeaker": "Save speaker",
        "provenance": "Provenance",
        "reviewQueueHint":
            "Documents with facts the machine extracted that nobody has confirmed or rejected yet, oldest import first.",
        "document": "Document", "published": "Published", "figures": "Figures", "quotes": "Quotes",
        "mentions": "Mentions", "nothingLeft": "Nothing left to review.", "backToOverview": "Back to the overview",
        "signIn": "Sign in", "signInHint": "This archive is served beyond this machine: give the token it was started with.",
        "token": "Token", "tokenRefused": "That token is not this server's.",
        "mergeSummary": "Merge into another entry (the same one recorded twice)", "sameAs": "Same as", "merge": "Merge",
        "mergeHint":
            "Every fact and alias of this entry moves to the entry chosen, and its name stays as one of that entry's aliases. The merge is recorded in the history.",
        "name": "Name", "slug": "Slug", "noneYet": "None recorded yet.", "tablesAsCSV": "Tables as CSV",
        "csvHint":
            "UTF-8, comma-separated, one header row; rejected facts left out. For a spreadsheet, open them as UTF-8 (see the README).",
        "wholeArchive": "The whole archive", "zipLink": "Every table, whole, as a zip",
        "zipHint":
            "what dossier export --all writes: one CSV per table, document texts and the audit log included, manifest.json and SHA256SUMS",
        "reports": "Reports", "reportOverview": "Overview", "reportSources": "Sources",
        "reportConflicts": "Conflicting figures", "filesToImport": "Files to import", "batch": "Batch", "file": "File",
        "result": "Result", "factsFound": "Facts found",
        "importHint":
            "Press releases and articles as plain text or Markdown (with front matter), saved web pages, e-mails (.eml) and PDFs: up to %1 files and %2 MiB at once, each at most %3 MiB. Each file is read and extracted as dossier import does it, refused with the same reasons, and recorded as one batch.",
        "importCounts": "%1 imported, %2 already archived, %3 refused.", "imported": "imported",
        "alreadyArchived": "already archived", "refused": "refused", "sameFile": "the same file is already archived",
        "sameText": "the same text is already archived", "noDocuments": "No documents.", "nothingMatches": "Nothing matches.",
        "documentsRange": "Documents %1–%2.", "matchesRange": "Matches, best first, %1–%2.",
        "publisherUnknown": "publisher unknown", "dateUnknown": "date unknown", "documentNumber": "Document %1",
        "author": "Author", "url": "URL", "retrieved": "Retrieved", "kind": "Kind", "encoding": "Encoding", "size": "Size",
        "bytes": "%1 bytes", "textHash": "SHA-256 (text)", "fileHash": "SHA-256 (file)", "importedAt": "Imported",
        "exact": "exact", "atLeast": "at least", "atMost": "at most", "factFigures": "figures", "factQuotes": "quotes",
        "factMentions": "mentions", "count_figures_one": "%1 figure", "count_figures_many": "%1 figures",
        "count_quotes_one": "%1 quote", "count_quotes_many": "%1 quotes", "count_people_one": "%1 person",
        "count_people_many": "%1 people", "count_organisations_one": "%1 organisation",
        "count_organisations_many": "%1 organisations", "count_operations_one": "%1 operation",
        "count_operations_many": "%1 operations", "count_dates_one": "%1 date", "count_dates_many": "%1 dates",
        "saidByName": "said by %1", "unattributed": "unattributed", "entityNamed": "%1: %2",
        "history": "History", "links": "Links", "previousOperations": "Previous operations",
        "nextOperations": "Next operations", "action_add": "added", "action_confirm": "confirmed",
        "action_reject": "rejected", "action_correct": "corrected", "action_undo": "undone",
        "link_out_translation_of": "Translation of", "link_in_translation_of": "Translated as",
        "link_out_cites": "Cites", "link_in_cites": "Cited by", "link_out_derived_from": "Derived from",
        "link_in_derived_from": "Source of", "link_out_probable_duplicate_of": "Probable duplicate of",
        "link_in_probable_duplicate_of": "Probably duplicated by", "link_out_same_source_as": "Same source as",
        "link_in_same_source_as": "Same source as",
    ]

    static let french: [String: String] = [
        "lang": "fr", "overview": "Vue d’ensemble", "documents": "Documents", "reviewQueue": "À vérifier",
        "operations": "Opérations", "organisations": "Organisations", "people": "Personnes", "conflicts": "Divergences",
        "downloads": "Téléchargements", "import": "Importer", "reviewProgress": "Avancement de la vérification",
        "facts": "Faits", "found": "Trouvés", "confirmed": "Confirmés", "rejected": "Rejetés", "superseded": "Remplacés",
        "leftToReview": "À vérifier", "searchTheTexts": "Chercher dans les textes", "search": "Chercher",
        "publisher": "Éditeur", "languageHint": "Langue (fr, en)", "language": "Langue", "operation": "Opération",
        "anyOperation": "Toutes les opérations", "fromHint": "Depuis 2025-01", "publishedFrom": "Publié depuis",
        "untilHint": "Jusqu’à 2025-12", "publishedUntil": "Publié jusqu’à", "reviewState": "État de la vérification",
        "anyReviewState": "Tous les états", "factsLeftToReview": "Des faits à vérifier",
        "nothingLeftToReview": "Plus rien à vérifier", "previous": "Précédents", "next": "Suivants", "keys": "Touches :",
        "keyNext": "fait suivant et précédent", "keyConfirm": "confirmer", "keyReject": "rejeter avec un motif",
        "keyCorrect": "corriger", "keyUndo": "annuler votre dernière décision",
        "selectHint": "Sélectionnez des mots du texte pour ajouter un chiffre ou une citation.",
        "recordedAs": "Les décisions sont enregistrées au nom de", "undoLast": "Annuler ma dernière décision",
        "readOnly": "Lecture seule : ce serveur ne prend aucune décision.", "legend": "Légende", "figure": "chiffre",
        "quote": "citation", "person": "personne", "organisation": "organisation", "operationKind": "opération",
        "date": "date", "addFromSelection": "Ajouter un fait à partir de la sélection", "selected": "Sélection :",
        "escCloses": "Échap pour fermer", "value": "Valeur", "valueHint": "Valeur (le nombre sélectionné si vide)",
        "unitHint": "Unité : count", "unit": "Unité", "category": "Catégorie", "noCategory": "Sans catégorie",
        "addFigure": "Ajouter comme chiffre", "whoSaidIt": "Qui l’a dit", "speaker": "Auteur",
        "addQuote": "Ajouter comme citation", "confirm": "Confirmer", "reason": "Motif", "reject": "Rejeter",
        "correct": "Corriger", "upTo": "Jusqu’à", "bound": "Borne", "approximate": "approximatif",
        "saveCorrection": "Enregistrer la correction", "saidBy": "Dit par", "saveSpeaker": "Enregistrer l’auteur",
        "provenance": "Provenance",
        "reviewQueueHint":
            "Documents dont des faits extraits par la machine n’ont encore été ni confirmés ni rejetés, les plus anciens imports d’abord.",
        "document": "Document", "published": "Publié le", "figures": "Chiffres", "quotes": "Citations",
        "mentions": "Mentions", "nothingLeft": "Plus rien à vérifier.", "backToOverview": "Retour à la vue d’ensemble",
        "signIn": "Se connecter",
        "signInHint": "Cette archive est servie au-delà de cette machine : donnez le jeton avec lequel elle a été lancée.",
        "token": "Jeton", "tokenRefused": "Ce jeton n’est pas celui de ce serveur.",
        "mergeSummary": "Fusionner avec une autre fiche (la même, enregistrée deux fois)", "sameAs": "Identique à",
        "merge": "Fusionner",
        "mergeHint":
            "Tous les faits et autres noms de cette fiche passent à la fiche choisie, et son nom devient l’un des autres noms de celle-ci. La fusion est inscrite à l’historique.",
        "name": "Nom", "slug": "Identifiant", "noneYet": "Rien d’enregistré pour l’instant.",
        "tablesAsCSV": "Tables en CSV",
        "csvHint":
            "UTF-8, séparées par des virgules, une ligne d’en-tête ; faits rejetés exclus. Dans un tableur, ouvrez-les en UTF-8 (voir le README).",
        "wholeArchive": "Toute l’archive", "zipLink": "Toutes les tables, entières, en un zip",
        "zipHint":
            "ce qu’écrit dossier export --all : un CSV par table, textes des documents et journal d’audit compris, manifest.json et SHA256SUMS",
        "reports": "Rapports", "reportOverview": "Vue d’ensemble", "reportSources": "Sources",
        "reportConflicts": "Chiffres divergents", "filesToImport": "Fichiers à importer", "batch": "Lot",
        "file": "Fichier", "result": "Résultat", "factsFound": "Faits trouvés",
        "importHint":
            "Communiqués et articles en texte brut ou Markdown (avec en-tête YAML), pages web enregistrées, courriels (.eml) et PDF : jusqu’à %1 fichiers et %2 Mio à la fois, %3 Mio au plus chacun. Chaque fichier est lu et extrait comme le fait dossier import, refusé pour les mêmes raisons, et enregistré en un seul lot.",
        "importCounts": "%1 importés, %2 déjà archivés, %3 refusés.", "imported": "importé",
        "alreadyArchived": "déjà archivé", "refused": "refusé", "sameFile": "le même fichier est déjà archivé",
        "sameText": "le même texte est déjà archivé", "noDocuments": "Aucun document.",
        "nothingMatches": "Aucun résultat.", "documentsRange": "Documents %1 à %2.",
        "matchesRange": "Résultats, les plus pertinents d’abord, %1 à %2.", "publisherUnknown": "éditeur inconnu",
        "dateUnknown": "date inconnue", "documentNumber": "Document %1", "author": "Auteur", "url": "URL",
        "retrieved": "Récupéré le", "kind": "Type", "encoding": "Encodage", "size": "Taille", "bytes": "%1 octets",
        "textHash": "SHA-256 (texte)", "fileHash": "SHA-256 (fichier)", "importedAt": "Importé le", "exact": "exact",
        "atLeast": "au moins", "atMost": "au plus", "factFigures": "chiffres", "factQuotes": "citations",
        "factMentions": "mentions", "count_figures_one": "%1 chiffre", "count_figures_many": "%1 chiffres",
        "count_quotes_one": "%1 citation", "count_quotes_many": "%1 citations", "count_people_one": "%1 personne",
        "count_people_many": "%1 personnes", "count_organisations_one": "%1 organisation",
        "count_organisations_many": "%1 organisations", "count_operations_one": "%1 opération",
        "count_operations_many": "%1 opérations", "count_dates_one": "%1 date", "count_dates_many": "%1 dates",
        "saidByName": "dit par %1", "unattributed": "non attribuée", "entityNamed": "%1 : %2",
        "history": "Historique", "links": "Liens", "previousOperations": "Opérations précédentes",
        "nextOperations": "Opérations suivantes", "action_add": "ajouté", "action_confirm": "confirmé",
        "action_reject": "rejeté", "action_correct": "corrigé", "action_undo": "annulé",
        "link_out_translation_of": "Traduction de", "link_in_translation_of": "Traduit dans",
        "link_out_cites": "Cite", "link_in_cites": "Cité par", "link_out_derived_from": "Tiré de",
        "link_in_derived_from": "Source de", "link_out_probable_duplicate_of": "Doublon probable de",
        "link_in_probable_duplicate_of": "A pour doublon probable", "link_out_same_source_as": "Même source que",
        "link_in_same_source_as": "Même source que",
    ]
}

import DossierKit

/// The decisions the pages offer, each made through the same DossierKit call as its command
/// (`dossier figure confirm`, `dossier quote set`, `dossier undo`, `dossier person merge`…), so the
/// history records them alike.
struct ReviewDecisions {
    let archive: Archive
    let operatorName: String

    var figures: FigureCuration { FigureCuration(archive: archive, operatorName: operatorName) }
    var quotes: QuoteCuration { QuoteCuration(archive: archive, operatorName: operatorName) }

    /// `kind` is the route's kind of fact: "figures" or "quotes".
    func confirm(_ kind: String, _ id: Int64, expecting: FactStatus?) throws {
        if kind == "figures" {
            try figures.confirm([id], expecting: expecting)
        } else {
            try quotes.confirm([id], expecting: expecting)
        }
    }

    func reject(_ kind: String, _ id: Int64, reason: String, expecting: FactStatus?) throws {
        if kind == "figures" {
            try figures.reject(id, reason: reason, expecting: expecting)
        } else {
            try quotes.reject(id, reason: reason, expecting: expecting)
        }
    }

    func correctFigure(_ id: Int64, _ form: FormFields) throws {
        try figures.set(id, try FigureForm.changes(form), reason: form.text("reason"))
    }

    func attributeQuote(_ id: Int64, _ form: FormFields) throws {
        guard let speaker = form.text("speaker") else { throw UsageError("choose who said it") }
        try quotes.setSpeaker(id, speakerSlug: speaker, reason: form.text("reason"))
    }

    /// A figure or quote added on text the reader selected.
    func add(_ kind: String, documentID: Int64, _ form: FormFields) throws {
        guard let start = form.text("start").flatMap(Int.init), let end = form.text("end").flatMap(Int.init),
            let text = form.rawText("text")
        else { throw UsageError("select the words of the fact in the text first") }
        let selection = SpanLocator.selection(start: start, end: end, text: text)
        if kind == "figures" {
            var changes = try FigureForm.changes(form)
            if changes.value == nil { changes.value = FigureForm.firstNumber(in: text) }
            guard changes.value != nil else { throw UsageError("give the figure's value: the selection holds no number") }
            try figures.add(documentID: documentID, at: selection, changes, reason: form.text("reason"))
        } else {
            guard let speaker = form.text("speaker") else { throw UsageError("choose who said it") }
            try quotes.add(documentID: documentID, at: selection, speakerSlug: speaker, reason: form.text("reason"))
        }
    }

    func undo() throws -> DecisionUndo.Undone {
        try DecisionUndo(archive: archive, operatorName: operatorName).undoLast()
    }

    /// `path` is "people" or "organisations".
    func merge(_ path: String, _ source: String, _ form: FormFields) throws -> String {
        guard let target = form.text("into") else { throw UsageError("choose whom to merge into") }
        let curation = EntityCuration(archive: archive, operatorName: operatorName)
        if path == "people" {
            try curation.mergePeople(source, into: target, reason: form.text("reason"))
        } else {
            try curation.mergeOrganisations(source, into: target, reason: form.text("reason"))
        }
        return target
    }
}

import Foundation
import Testing

@testable import DossierKit

@Suite("Undo of review decisions")
struct DecisionUndoTests {
    let test: TestArchive
    let documentID: Int64

    init() throws {
        test = try TestArchive()
        let path = try test.directory.write(
            "release.txt",
            "The National Crime Agency said that 25 suspects were arrested and 40 devices seized.\n\n"
                + "“We will find them, wherever they hide and however long it takes,” said Jane Doe, Director of the National Crime Agency.\n"
        )
        let summary = try Importer(
            archive: test.archive, options: ImportOptions(operatorName: "importer"), extractor: try FactExtractor.builtIn()
        ).run([.file(path: path)])
        documentID = try #require(summary.results.first?.documentID)
    }

    var archive: Archive { test.archive }
    func undo(_ operatorName: String = "ana") -> DecisionUndo { DecisionUndo(archive: archive, operatorName: operatorName) }

    func figure(value: Double) throws -> Figure {
        try #require(try archive.figures.list(documentID: documentID).first { $0.value == value })
    }

    @Test("a confirmation and a correction are taken back newest first, each fact returning to what it was")
    func stepsBack() throws {
        let arrests = try figure(value: 25)
        let devices = try figure(value: 40)
        let curation = FigureCuration(archive: archive, operatorName: "ana")
        try curation.confirm([arrests.id ?? 0])
        var changes = FigureCuration.Changes()
        changes.value = 41
        changes.category = "devices"
        try curation.set(devices.id ?? 0, changes, reason: "misread")

        let first = try undo().undoLast()
        #expect(first.kind == "figure" && first.id == devices.id && first.action == "correct" && first.documentID == documentID)
        #expect(try archive.figures.find(id: devices.id ?? 0) == devices)
        try undo().undoLast()
        #expect(try archive.figures.find(id: arrests.id ?? 0) == arrests)
        let undoEvent = try #require(try archive.events.list(entityType: "figure", entityID: arrests.id ?? 0).last)
        #expect(undoEvent.action == "undo" && undoEvent.operatorName == "ana")
        #expect(undoEvent.reason?.hasPrefix("undoes event ") == true)
        #expect(throws: UsageError.self) { try undo().undoLast() }
    }

    @Test("a fact added by hand is withdrawn, not deleted; a quote's speaker goes back to who it was")
    func additionsAndQuotes() throws {
        var one = FigureCuration.Changes()
        one.value = 1
        let added = try FigureCuration(archive: archive, operatorName: "ana").add(
            documentID: documentID, at: .text("National Crime Agency", occurrence: 1), one, reason: nil)
        try undo().undoLast()
        let withdrawn = try #require(try archive.figures.find(id: added.id ?? 0))
        #expect(withdrawn.status == .rejected)

        let quote = try #require(try archive.quotes.list(documentID: documentID).first)
        _ = try EntityRegistration(archive: archive, operatorName: "ana").addOrganisation(named: "Interpol", slug: "interpol")
        try QuoteCuration(archive: archive, operatorName: "ana").setSpeaker(quote.id ?? 0, speakerSlug: "interpol", reason: nil)
        try undo().undoLast()
        #expect(try archive.quotes.find(id: quote.id ?? 0) == quote)
    }

    @Test("only the operator's own decisions, and only while nobody recorded anything later on the fact")
    func neverOverwritesLaterDecisions() throws {
        let arrests = try figure(value: 25)
        try FigureCuration(archive: archive, operatorName: "ana").confirm([arrests.id ?? 0])
        #expect(try undo("bob").lastDecision() == nil, "bob has decided nothing")
        try FigureCuration(archive: archive, operatorName: "bob").reject(arrests.id ?? 0, reason: "a date")
        #expect(try undo().lastDecision() == nil, "bob's rejection came after ana's confirmation")
        #expect(throws: UsageError.self) { try undo().undoLast() }
        #expect(try archive.figures.find(id: arrests.id ?? 0)?.status == .rejected)
    }

    @Test("a selection is placed only where the stored text holds exactly its words")
    func selections() throws {
        let body = "Über 25 Verdächtige\r\nwurden festgenommen."
        let span = try SpanLocator.selection(start: 5, end: 19, text: "25 Verdächtige").resolve(in: body, documentID: 1)
        #expect(span == SourceSpan(start: 5, end: 19, exactText: "25 Verdächtige"))
        #expect(throws: UsageError.self) {
            try SpanLocator.selection(start: 5, end: 19, text: "25 Verdachtige").resolve(in: body, documentID: 1)
        }
        #expect(throws: UsageError.self) {
            try SpanLocator.selection(start: 30, end: 90, text: "festgenommen").resolve(in: body, documentID: 1)
        }
    }
}

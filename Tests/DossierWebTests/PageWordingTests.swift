import Foundation
import Testing

@testable import DossierWeb

@Suite("Page wording")
struct PageWordingTests {
    /// Every `{{t.key}}` of every template.
    static let templateKeys: Set<String> = {
        let templates = [
            PageTemplates.layout, PageTemplates.overview, PageTemplates.documents, PageTemplates.document,
            PageTemplates.review, PageTemplates.message, PageTemplates.login, PageTemplates.sections,
            PageTemplates.report, PageTemplates.entities, PageTemplates.downloads, PageTemplates.importFiles,
        ]
        return Set(templates.flatMap { $0.matches(of: /\{\{t\.(\w+)\}\}/).map { String($0.output.1) } })
    }()

    @Test("every word a template asks for is written in English and French")
    func templatesCovered() {
        #expect(Self.templateKeys.count > 50, "the templates read their words from the table")
        for key in Self.templateKeys.sorted() {
            #expect(PageWording.english[key] != nil, "English: \(key)")
            #expect(PageWording.french[key] != nil, "French: \(key)")
        }
    }

    @Test("both languages have the same phrases, with the same placeholders")
    func sameKeys() {
        #expect(Set(PageWording.english.keys) == Set(PageWording.french.keys))
        let placeholders = { (text: String?) in (text ?? "").matches(of: /%\d/).map { String($0.output) }.sorted() }
        for key in PageWording.english.keys {
            #expect(placeholders(PageWording.english[key]) == placeholders(PageWording.french[key]), "\(key)")
        }
    }

    @Test("the entity pages' headings and the overview's fact kinds have words")
    func keysBuiltInCode() {
        for key in ["operations", "organisations", "people", "factFigures", "factQuotes", "factMentions"] {
            #expect(PageWording.english[key] != nil && PageWording.french[key] != nil, "\(key)")
        }
        #expect(PageWording(.fr)("importCounts", "1", "2", "3") == "1 importés, 2 déjà archivés, 3 refusés.")
    }
}

import Mustache

/// The pages' Mustache templates, compiled once. Values are escaped by Mustache (`{{name}}`);
/// only HTML that Dossier built itself and escaped on the way (`{{{html}}}`) goes in unescaped.
enum PageTemplates {
    static let library: MustacheLibrary = {
        var library = MustacheLibrary()
        for (name, text) in [
            ("layout", layout), ("overview", overview), ("documents", documents), ("document", document),
            ("review", review), ("message", message), ("login", login), ("sections", sections), ("report", report),
            ("entities", entities), ("downloads", downloads), ("formFields", formFields),
            ("selectionFields", selectionFields), ("importFiles", importFiles),
        ] {
            // The templates are part of the program: one that does not parse is a bug, which every
            // test of a page finds (its page then reads "template NAME is missing").
            if let template = try? MustacheTemplate(string: text) {
                library.register(template, named: name)
            }
        }
        return library
    }()

    static func render(_ name: String, _ values: [String: Any]) -> String {
        library.render(values, withTemplate: name) ?? "template \(name) is missing"
    }

    static let layout = """
        <!DOCTYPE html>
        <html lang="{{t.lang}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Dossier</title>
        <link rel="stylesheet" href="/static/dossier.css">
        </head>
        <body>
        <header>
        <span class="brand">Dossier</span>
        <nav>
        <a href="/"{{#isOverview}} aria-current="page"{{/isOverview}}>{{t.overview}}</a>
        <a href="/documents"{{#isDocuments}} aria-current="page"{{/isDocuments}}>{{t.documents}}</a>
        <a href="/review"{{#isReview}} aria-current="page"{{/isReview}}>{{t.reviewQueue}}</a>
        <a href="/operations"{{#isOperations}} aria-current="page"{{/isOperations}}>{{t.operations}}</a>
        <a href="/organisations"{{#isOrganisations}} aria-current="page"{{/isOrganisations}}>{{t.organisations}}</a>
        <a href="/people"{{#isPeople}} aria-current="page"{{/isPeople}}>{{t.people}}</a>
        <a href="/conflicts"{{#isConflicts}} aria-current="page"{{/isConflicts}}>{{t.conflicts}}</a>
        <a href="/downloads"{{#isDownloads}} aria-current="page"{{/isDownloads}}>{{t.downloads}}</a>
        {{#canImport}}<a href="/import"{{#isImport}} aria-current="page"{{/isImport}}>{{t.import}}</a>{{/canImport}}
        </nav>
        <span class="archive">{{archive}}</span>
        </header>
        <main>
        {{{content}}}
        </main>
        </body>
        </html>
        """

    static let overview = """
        <h1>{{archive}}</h1>
        <h2>{{t.reviewProgress}}</h2>
        <table class="progress">
        <tr><th>{{t.facts}}</th><th class="number">{{t.found}}</th><th class="number">{{t.confirmed}}</th><th class="number">{{t.rejected}}</th><th class="number">{{t.superseded}}</th><th class="number">{{t.leftToReview}}</th></tr>
        {{#progress}}<tr><td>{{kind}}</td><td class="number">{{found}}</td><td class="number">{{confirmed}}</td><td class="number">{{rejected}}</td><td class="number">{{superseded}}</td><td class="number">{{left}}</td></tr>
        {{/progress}}
        </table>
        {{> sections}}
        <div class="pager">{{#previous}}<a href="{{previous}}">← {{t.previousOperations}}</a>{{/previous}}{{#next}}<a href="{{next}}">{{t.nextOperations}} →</a>{{/next}}</div>
        """

    static let documents = """
        <h1>{{t.documents}}</h1>
        <form class="search" method="get" action="/documents">
        <input type="search" name="q" value="{{query}}" placeholder="{{t.searchTheTexts}}" aria-label="{{t.search}}">
        <input name="publisher" value="{{publisher}}" placeholder="{{t.publisher}}" aria-label="{{t.publisher}}">
        <input name="language" value="{{language}}" placeholder="{{t.languageHint}}" aria-label="{{t.language}}" size="8">
        <select name="operation" aria-label="{{t.operation}}"><option value="">{{t.anyOperation}}</option>
        {{#operations}}<option value="{{slug}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/operations}}</select>
        <input name="since" value="{{since}}" placeholder="{{t.fromHint}}" aria-label="{{t.publishedFrom}}" size="12">
        <input name="until" value="{{until}}" placeholder="{{t.untilHint}}" aria-label="{{t.publishedUntil}}" size="12">
        <select name="review" aria-label="{{t.reviewState}}">
        <option value="">{{t.anyReviewState}}</option>
        <option value="waiting"{{#waiting}} selected{{/waiting}}>{{t.factsLeftToReview}}</option>
        <option value="reviewed"{{#reviewed}} selected{{/reviewed}}>{{t.nothingLeftToReview}}</option>
        </select>
        <button type="submit">{{t.search}}</button>
        </form>
        <p class="muted">{{summary}}</p>
        <ul class="results">
        {{#documents}}<li><a href="/documents/{{id}}">{{title}}</a> <span class="muted nowrap">#{{id}} · {{publisher}} · {{published}}{{#language}} · {{language}}{{/language}}</span>
        {{#snippet}}<div>{{{snippet}}}</div>{{/snippet}}</li>
        {{/documents}}
        </ul>
        <div class="pager">{{#previous}}<a href="{{previous}}">← {{t.previous}}</a>{{/previous}}{{#next}}<a href="{{next}}">{{t.next}} →</a>{{/next}}</div>
        """

    /// The hidden fields every form of a page carries: the server's form token and the page to go back to.
    static let formFields = """
        <input type="hidden" name="token" value="{{token}}"><input type="hidden" name="back" value="{{back}}">
        """

    static let document = """
        <h1>{{title}}</h1>
        {{#writable}}<div class="hint"><span>{{t.keys}} <kbd>j</kbd> <kbd>k</kbd> {{t.keyNext}}, <kbd>c</kbd> {{t.keyConfirm}}, <kbd>r</kbd> {{t.keyReject}}, <kbd>e</kbd> {{t.keyCorrect}}, <kbd>u</kbd> {{t.keyUndo}}. {{t.selectHint}} {{t.recordedAs}} {{operator}}.</span>
        <form method="post" action="/undo" class="undo">{{> formFields}}<button type="submit">{{t.undoLast}}</button></form></div>{{/writable}}
        {{^writable}}<p class="hint">{{t.readOnly}}</p>{{/writable}}
        <div class="legend" aria-label="{{t.legend}}">
        <span class="fact figure"><sup>F</sup>{{t.figure}}</span><span class="fact quote"><sup>Q</sup>{{t.quote}}</span>
        <span class="fact person"><sup>M</sup>{{t.person}}</span><span class="fact organisation"><sup>M</sup>{{t.organisation}}</span>
        <span class="fact operation"><sup>M</sup>{{t.operationKind}}</span><span class="fact date"><sup>M</sup>{{t.date}}</span>
        </div>
        <div class="layout">
        <div>
        <article class="body" lang="{{language}}">{{{body}}}</article>
        {{#writable}}<section class="selection" id="selection" hidden aria-label="{{t.addFromSelection}}">
        <p>{{t.selected}} “<span id="selection-text"></span>” <span class="nowrap muted" id="selection-span"></span> <span class="muted">({{t.escCloses}})</span></p>
        <form method="post" action="/documents/{{id}}/figures" class="add add-figure">{{> formFields}}{{> selectionFields}}
        <input name="value" placeholder="{{t.value}}" aria-label="{{t.valueHint}}" size="10">
        <input name="unit" list="units" placeholder="{{t.unitHint}}" aria-label="{{t.unit}}" size="12">
        <select name="category" aria-label="{{t.category}}"><option value="">{{t.noCategory}}</option>{{#categories}}<option value="{{slug}}">{{words}}</option>{{/categories}}</select>
        <button type="submit">{{t.addFigure}} (f)</button></form>
        <form method="post" action="/documents/{{id}}/quotes" class="add add-quote">{{> formFields}}{{> selectionFields}}
        <input name="speaker" list="speakers" placeholder="{{t.whoSaidIt}}" aria-label="{{t.speaker}}" required size="24">
        <button type="submit">{{t.addQuote}} (q)</button></form>
        </section>{{/writable}}
        </div>
        <aside>
        <h2>{{t.facts}}</h2>
        <ol class="facts">
        {{#facts}}<li id="fact-{{label}}" data-label="{{label}}">
        <span class="label">{{label}}</span><span class="status {{status}}">{{statusWords}}</span>
        <div>{{summary}}</div><div class="muted">“{{exactText}}” <span class="nowrap">[{{start}}–{{end}}]</span></div>
        {{#reviewable}}<div class="actions">
        <form method="post" action="/{{path}}/{{id}}/confirm">{{> formFields}}<input type="hidden" name="expected" value="{{status}}"><button class="confirm" type="submit">{{t.confirm}}</button></form>
        <form method="post" action="/{{path}}/{{id}}/reject">{{> formFields}}<input type="hidden" name="expected" value="{{status}}"><input name="reason" placeholder="{{t.reason}}" required aria-label="{{t.reason}}"><button class="reject" type="submit">{{t.reject}}</button></form>
        </div>{{/reviewable}}
        {{#figure}}<details class="correct"><summary>{{t.correct}}</summary>
        <form method="post" action="/figures/{{id}}/correct" class="fields">{{> formFields}}<input type="hidden" name="has_approximate" value="1">
        <label>{{t.value}} <input name="value" value="{{value}}" size="10" required></label>
        <label>{{t.upTo}} <input name="value_max" value="{{valueMax}}" size="10"></label>
        <label>{{t.unit}} <input name="unit" list="units" value="{{unit}}" size="12"></label>
        <label>{{t.category}} <select name="category"><option value="">{{t.noCategory}}</option>{{#categories}}<option value="{{slug}}"{{#selected}} selected{{/selected}}>{{words}}</option>{{/categories}}</select></label>
        <label>{{t.bound}} <select name="bound">{{#bounds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{words}}</option>{{/bounds}}</select></label>
        <label><input type="checkbox" name="approximate"{{#approximate}} checked{{/approximate}}> {{t.approximate}}</label>
        <label>{{t.reason}} <input name="reason" size="16"></label>
        <button type="submit">{{t.saveCorrection}}</button></form></details>{{/figure}}
        {{#quote}}<details class="correct"><summary>{{t.speaker}}</summary>
        <form method="post" action="/quotes/{{id}}/speaker" class="fields">{{> formFields}}
        <label>{{t.saidBy}} <input name="speaker" list="speakers" value="{{speaker}}" required size="24"></label>
        <label>{{t.reason}} <input name="reason" size="16"></label>
        <button type="submit">{{t.saveSpeaker}}</button></form></details>{{/quote}}
        {{#history}}<details class="history"><summary>{{t.history}}</summary><ol>{{#events}}<li><span class="nowrap">{{when}}</span> · {{who}} · {{what}}{{#reason}} — “{{reason}}”{{/reason}}</li>{{/events}}</ol></details>{{/history}}
        </li>
        {{/facts}}
        </ol>
        <h2>{{t.provenance}}</h2>
        <dl class="provenance">
        {{#provenance}}<dt>{{name}}</dt><dd>{{value}}</dd>
        {{/provenance}}
        </dl>
        {{#hasLinks}}<h2>{{t.links}}</h2>{{/hasLinks}}
        <ul class="links">{{#links}}<li>{{relation}} {{#document}}<a href="/documents/{{id}}">#{{id}} {{title}}</a>{{/document}}{{#url}}{{#linkable}}<a href="{{url}}" rel="noreferrer noopener">{{url}}</a>{{/linkable}}{{^linkable}}{{url}}{{/linkable}}{{/url}}</li>{{/links}}</ul>
        </aside>
        </div>
        {{#writable}}<datalist id="speakers">{{#speakers}}<option value="{{slug}}">{{label}}</option>{{/speakers}}</datalist>
        <datalist id="units">{{#units}}<option value="{{.}}"></option>{{/units}}</datalist>{{/writable}}
        <script src="/static/review.js" defer></script>
        """

    static let selectionFields = """
        <input type="hidden" name="start"><input type="hidden" name="end"><input type="hidden" name="text">
        """

    static let review = """
        <h1>{{t.reviewQueue}}</h1>
        <p class="muted">{{t.reviewQueueHint}}</p>
        <table>
        <tr><th>{{t.document}}</th><th>{{t.publisher}}</th><th class="nowrap">{{t.published}}</th><th class="number">{{t.figures}}</th><th class="number">{{t.quotes}}</th><th class="number">{{t.mentions}}</th></tr>
        {{#documents}}<tr><td><a href="/documents/{{id}}">{{title}}</a></td><td>{{publisher}}</td><td class="nowrap">{{published}}</td><td class="number">{{figures}}</td><td class="number">{{quotes}}</td><td class="number">{{mentions}}</td></tr>
        {{/documents}}
        </table>
        {{^documents}}<p>{{t.nothingLeft}}</p>{{/documents}}
        """

    static let message = """
        <h1>{{heading}}</h1>
        <p>{{text}}</p>
        <p><a href="/">{{t.backToOverview}}</a></p>
        """

    static let login = """
        <h1>{{t.signIn}}</h1>
        <p>{{t.signInHint}}</p>
        <form method="post" action="/login"><input type="password" name="token" aria-label="{{t.token}}" autofocus required>
        <button type="submit">{{t.signIn}}</button></form>
        {{#refused}}<p>{{t.tokenRefused}}</p>{{/refused}}
        """

    /// A report's sections (DossierKit's `Report`): text, a table, a timeline.
    static let sections = """
        {{#sections}}
        <h2>{{heading}}</h2>
        {{#lines}}<p>{{.}}</p>{{/lines}}
        {{#charts}}<div class="chart">{{{.}}}</div>{{/charts}}
        {{#table}}<table>
        <tr>{{#header}}<th class="{{class}}">{{text}}</th>{{/header}}</tr>
        {{#groups}}{{#groupHeading}}<tr class="group"><th colspan="{{span}}">{{groupHeading}}</th></tr>{{/groupHeading}}
        {{#rows}}<tr>{{#cells}}<td class="{{class}}">{{text}}</td>{{/cells}}</tr>
        {{/rows}}{{/groups}}
        </table>{{/table}}
        {{#hasTimeline}}<ol class="timeline">{{#timeline}}<li><span class="nowrap">{{date}}</span> {{label}}</li>{{/timeline}}</ol>{{/hasTimeline}}
        {{/sections}}
        """

    static let report = """
        <h1>{{title}}</h1>
        {{#subtitle}}<p class="muted">{{subtitle}}</p>{{/subtitle}}
        {{#merge}}<details class="merge"><summary>{{t.mergeSummary}}</summary>
        <form method="post" action="/{{path}}/{{slug}}/merge" class="fields">{{> formFields}}
        <label>{{t.sameAs}} <input name="into" list="merge-targets" required size="28"></label>
        <label>{{t.reason}} <input name="reason" size="20"></label><button type="submit">{{t.merge}}</button></form>
        <datalist id="merge-targets">{{#choices}}<option value="{{slug}}">{{name}}</option>{{/choices}}</datalist>
        <p class="muted">{{t.mergeHint}}</p>
        </details>{{/merge}}
        {{> sections}}
        """

    static let entities = """
        <h1>{{heading}}</h1>
        <table>
        <tr><th>{{t.name}}</th><th>{{t.slug}}</th></tr>
        {{#entities}}<tr><td><a href="{{link}}">{{name}}</a></td><td class="muted">{{slug}}</td></tr>
        {{/entities}}
        </table>
        {{^entities}}<p>{{t.noneYet}}</p>{{/entities}}
        """

    static let downloads = """
        <h1>{{t.downloads}}</h1>
        <h2>{{t.tablesAsCSV}}</h2>
        <p class="muted">{{t.csvHint}}</p>
        <ul>{{#tables}}<li><a href="/downloads/{{name}}.csv" download>{{name}}.csv</a></li>{{/tables}}</ul>
        <h2>{{t.wholeArchive}}</h2>
        <p><a href="/downloads/archive.zip" download>{{t.zipLink}}</a> <span class="muted">({{t.zipHint}})</span></p>
        <h2>{{t.reports}}</h2>
        <ul><li><a href="/downloads/report-overview.html" download>{{t.reportOverview}} (HTML)</a></li>
        <li><a href="/downloads/report-sources.html" download>{{t.reportSources}} (HTML)</a></li>
        <li><a href="/downloads/report-conflicts.html" download>{{t.reportConflicts}} (HTML)</a></li></ul>
        """

    static let importFiles = """
        <h1>{{t.import}}</h1>
        <p class="muted">{{importHint}}</p>
        <form method="post" action="/import" enctype="multipart/form-data" class="upload">{{> formFields}}
        <input type="file" name="files" multiple required accept="{{accept}}" aria-label="{{t.filesToImport}}">
        <button type="submit">{{t.import}}</button></form>
        {{#summary}}<h2>{{t.batch}} {{batch}}</h2>
        <p>{{counts}}</p>
        <table class="results">
        <tr><th>{{t.file}}</th><th>{{t.result}}</th><th>{{t.document}}</th><th>{{t.factsFound}}</th></tr>
        {{#results}}<tr{{#failed}} class="refused"{{/failed}}><td>{{file}}</td><td class="nowrap">{{outcome}}</td>
        <td>{{#document}}<a href="/documents/{{id}}">{{title}}</a> <span class="muted">#{{id}}</span>{{/document}}{{#message}}<div class="muted">{{message}}</div>{{/message}}</td><td>{{facts}}</td></tr>
        {{/results}}
        </table>{{/summary}}
        """
}

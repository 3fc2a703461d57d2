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
        <html lang="en">
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
        <a href="/"{{#isOverview}} aria-current="page"{{/isOverview}}>Overview</a>
        <a href="/documents"{{#isDocuments}} aria-current="page"{{/isDocuments}}>Documents</a>
        <a href="/review"{{#isReview}} aria-current="page"{{/isReview}}>Review queue</a>
        <a href="/operations"{{#isOperations}} aria-current="page"{{/isOperations}}>Operations</a>
        <a href="/organisations"{{#isOrganisations}} aria-current="page"{{/isOrganisations}}>Organisations</a>
        <a href="/people"{{#isPeople}} aria-current="page"{{/isPeople}}>People</a>
        <a href="/conflicts"{{#isConflicts}} aria-current="page"{{/isConflicts}}>Conflicts</a>
        <a href="/downloads"{{#isDownloads}} aria-current="page"{{/isDownloads}}>Downloads</a>
        {{#canImport}}<a href="/import"{{#isImport}} aria-current="page"{{/isImport}}>Import</a>{{/canImport}}
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
        <h2>Review progress</h2>
        <table class="progress">
        <tr><th>Facts</th><th class="number">Found</th><th class="number">Confirmed</th><th class="number">Rejected</th><th class="number">Superseded</th><th class="number">Left to review</th></tr>
        {{#progress}}<tr><td>{{kind}}</td><td class="number">{{found}}</td><td class="number">{{confirmed}}</td><td class="number">{{rejected}}</td><td class="number">{{superseded}}</td><td class="number">{{left}}</td></tr>
        {{/progress}}
        </table>
        {{> sections}}
        """

    static let documents = """
        <h1>Documents</h1>
        <form class="search" method="get" action="/documents">
        <input type="search" name="q" value="{{query}}" placeholder="Search the texts" aria-label="Search">
        <input name="publisher" value="{{publisher}}" placeholder="Publisher" aria-label="Publisher">
        <input name="language" value="{{language}}" placeholder="Language (fr, en)" aria-label="Language" size="8">
        <select name="operation" aria-label="Operation"><option value="">Any operation</option>
        {{#operations}}<option value="{{slug}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/operations}}</select>
        <input name="since" value="{{since}}" placeholder="From 2025-01" aria-label="Published from" size="12">
        <input name="until" value="{{until}}" placeholder="Until 2025-12" aria-label="Published until" size="12">
        <select name="review" aria-label="Review state">
        <option value="">Any review state</option>
        <option value="waiting"{{#waiting}} selected{{/waiting}}>Facts left to review</option>
        <option value="reviewed"{{#reviewed}} selected{{/reviewed}}>Nothing left to review</option>
        </select>
        <button type="submit">Search</button>
        </form>
        <p class="muted">{{summary}}</p>
        <ul class="results">
        {{#documents}}<li><a href="/documents/{{id}}">{{title}}</a> <span class="muted nowrap">#{{id}} · {{publisher}} · {{published}}{{#language}} · {{language}}{{/language}}</span>
        {{#snippet}}<div>{{{snippet}}}</div>{{/snippet}}</li>
        {{/documents}}
        </ul>
        <div class="pager">{{#previous}}<a href="{{previous}}">← Previous</a>{{/previous}}{{#next}}<a href="{{next}}">Next →</a>{{/next}}</div>
        """

    /// The hidden fields every form of a page carries: the server's form token and the page to go back to.
    static let formFields = """
        <input type="hidden" name="token" value="{{token}}"><input type="hidden" name="back" value="{{back}}">
        """

    static let document = """
        <h1>{{title}}</h1>
        {{#writable}}<div class="hint"><span>Keys: <kbd>j</kbd> <kbd>k</kbd> next and previous fact, <kbd>c</kbd> confirm, <kbd>r</kbd> reject with a reason, <kbd>e</kbd> correct, <kbd>u</kbd> undo your last decision. Select words in the text to add a figure or a quote. Decisions are recorded as {{operator}}.</span>
        <form method="post" action="/undo" class="undo">{{> formFields}}<button type="submit">Undo my last decision</button></form></div>{{/writable}}
        {{^writable}}<p class="hint">Read-only: this server takes no decisions.</p>{{/writable}}
        <div class="legend" aria-label="Legend">
        <span class="fact figure"><sup>F</sup>figure</span><span class="fact quote"><sup>Q</sup>quote</span>
        <span class="fact person"><sup>M</sup>person</span><span class="fact organisation"><sup>M</sup>organisation</span>
        <span class="fact operation"><sup>M</sup>operation</span><span class="fact date"><sup>M</sup>date</span>
        </div>
        <div class="layout">
        <div>
        <article class="body" lang="{{language}}">{{{body}}}</article>
        {{#writable}}<section class="selection" id="selection" hidden aria-label="Add a fact from the selection">
        <p>Selected: “<span id="selection-text"></span>” <span class="nowrap muted" id="selection-span"></span> <span class="muted">(Esc closes)</span></p>
        <form method="post" action="/documents/{{id}}/figures" class="add add-figure">{{> formFields}}{{> selectionFields}}
        <input name="value" placeholder="Value" aria-label="Value (the number selected when left empty)" size="10">
        <input name="unit" list="units" placeholder="Unit: count" aria-label="Unit" size="12">
        <select name="category" aria-label="Category"><option value="">No category</option>{{#categories}}<option value="{{slug}}">{{words}}</option>{{/categories}}</select>
        <button type="submit">Add as figure (f)</button></form>
        <form method="post" action="/documents/{{id}}/quotes" class="add add-quote">{{> formFields}}{{> selectionFields}}
        <input name="speaker" list="speakers" placeholder="Who said it" aria-label="Speaker" required size="24">
        <button type="submit">Add as quote (q)</button></form>
        </section>{{/writable}}
        </div>
        <aside>
        <h2>Facts</h2>
        <ol class="facts">
        {{#facts}}<li id="fact-{{label}}" data-label="{{label}}">
        <span class="label">{{label}}</span><span class="status {{status}}">{{status}}</span>
        <div>{{summary}}</div><div class="muted">“{{exactText}}” <span class="nowrap">[{{start}}–{{end}}]</span></div>
        {{#reviewable}}<div class="actions">
        <form method="post" action="/{{path}}/{{id}}/confirm">{{> formFields}}<input type="hidden" name="expected" value="{{status}}"><button class="confirm" type="submit">Confirm</button></form>
        <form method="post" action="/{{path}}/{{id}}/reject">{{> formFields}}<input type="hidden" name="expected" value="{{status}}"><input name="reason" placeholder="Reason" required aria-label="Reason"><button class="reject" type="submit">Reject</button></form>
        </div>{{/reviewable}}
        {{#figure}}<details class="correct"><summary>Correct</summary>
        <form method="post" action="/figures/{{id}}/correct" class="fields">{{> formFields}}<input type="hidden" name="has_approximate" value="1">
        <label>Value <input name="value" value="{{value}}" size="10" required></label>
        <label>Up to <input name="value_max" value="{{valueMax}}" size="10"></label>
        <label>Unit <input name="unit" list="units" value="{{unit}}" size="12"></label>
        <label>Category <select name="category"><option value="">No category</option>{{#categories}}<option value="{{slug}}"{{#selected}} selected{{/selected}}>{{words}}</option>{{/categories}}</select></label>
        <label>Bound <select name="bound">{{#bounds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{words}}</option>{{/bounds}}</select></label>
        <label><input type="checkbox" name="approximate"{{#approximate}} checked{{/approximate}}> approximate</label>
        <label>Reason <input name="reason" size="16"></label>
        <button type="submit">Save correction</button></form></details>{{/figure}}
        {{#quote}}<details class="correct"><summary>Speaker</summary>
        <form method="post" action="/quotes/{{id}}/speaker" class="fields">{{> formFields}}
        <label>Said by <input name="speaker" list="speakers" value="{{speaker}}" required size="24"></label>
        <label>Reason <input name="reason" size="16"></label>
        <button type="submit">Save speaker</button></form></details>{{/quote}}
        </li>
        {{/facts}}
        </ol>
        <h2>Provenance</h2>
        <dl class="provenance">
        {{#provenance}}<dt>{{name}}</dt><dd>{{value}}</dd>
        {{/provenance}}
        </dl>
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
        <h1>Review queue</h1>
        <p class="muted">Documents with facts the machine extracted that nobody has confirmed or rejected yet, oldest import first.</p>
        <table>
        <tr><th>Document</th><th>Publisher</th><th class="nowrap">Published</th><th class="number">Figures</th><th class="number">Quotes</th><th class="number">Mentions</th></tr>
        {{#documents}}<tr><td><a href="/documents/{{id}}">{{title}}</a></td><td>{{publisher}}</td><td class="nowrap">{{published}}</td><td class="number">{{figures}}</td><td class="number">{{quotes}}</td><td class="number">{{mentions}}</td></tr>
        {{/documents}}
        </table>
        {{^documents}}<p>Nothing left to review.</p>{{/documents}}
        """

    static let message = """
        <h1>{{heading}}</h1>
        <p>{{text}}</p>
        <p><a href="/">Back to the overview</a></p>
        """

    static let login = """
        <h1>Sign in</h1>
        <p>This archive is served beyond this machine: give the token it was started with.</p>
        <form method="post" action="/login"><input type="password" name="token" aria-label="Token" autofocus required>
        <button type="submit">Sign in</button></form>
        {{#refused}}<p>That token is not this server's.</p>{{/refused}}
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
        {{#merge}}<details class="merge"><summary>Merge into another entry (the same {{path}} recorded twice)</summary>
        <form method="post" action="/{{path}}/{{slug}}/merge" class="fields">{{> formFields}}
        <label>Same as <input name="into" list="merge-targets" required size="28"></label>
        <label>Reason <input name="reason" size="20"></label><button type="submit">Merge</button></form>
        <datalist id="merge-targets">{{#choices}}<option value="{{slug}}">{{name}}</option>{{/choices}}</datalist>
        <p class="muted">Every fact and alias of {{name}} moves to the entry chosen, and {{name}} stays as one of its aliases. The merge is recorded in the history.</p>
        </details>{{/merge}}
        {{> sections}}
        """

    static let entities = """
        <h1>{{heading}}</h1>
        <table>
        <tr><th>Name</th><th>Slug</th></tr>
        {{#entities}}<tr><td><a href="{{link}}">{{name}}</a></td><td class="muted">{{slug}}</td></tr>
        {{/entities}}
        </table>
        {{^entities}}<p>None recorded yet.</p>{{/entities}}
        """

    static let downloads = """
        <h1>Downloads</h1>
        <h2>Tables as CSV</h2>
        <p class="muted">UTF-8, comma-separated, one header row; rejected facts left out. For a spreadsheet, open them as UTF-8 (see the README).</p>
        <ul>{{#tables}}<li><a href="/downloads/{{name}}.csv" download>{{name}}.csv</a></li>{{/tables}}</ul>
        <h2>The whole archive</h2>
        <p><a href="/downloads/archive.zip" download>Every table, whole, as a zip</a> <span class="muted">(what <code>dossier export --all</code> writes: one CSV per table, document texts and the audit log included, manifest.json and SHA256SUMS)</span></p>
        <h2>Reports</h2>
        <ul><li><a href="/downloads/report-overview.html" download>Overview (HTML)</a></li>
        <li><a href="/downloads/report-sources.html" download>Sources (HTML)</a></li>
        <li><a href="/downloads/report-conflicts.html" download>Conflicting figures (HTML)</a></li></ul>
        """

    static let importFiles = """
        <h1>Import</h1>
        <p class="muted">Press releases and articles as plain text or Markdown (with front matter), saved web pages, e-mails (.eml) and PDFs: up to {{maximumFiles}} files and {{maximumMiB}} MiB at once, each at most {{maximumFileMiB}} MiB. Each file is read and extracted as <code>dossier import</code> does it, refused with the same reasons, and recorded as one batch.</p>
        <form method="post" action="/import" enctype="multipart/form-data" class="upload">{{> formFields}}
        <input type="file" name="files" multiple required accept="{{accept}}" aria-label="Files to import">
        <button type="submit">Import</button></form>
        {{#summary}}<h2>Batch {{batch}}</h2>
        <p>{{imported}} imported, {{duplicates}} already archived, {{failed}} refused.</p>
        <table class="results">
        <tr><th>File</th><th>Result</th><th>Document</th><th>Facts found</th></tr>
        {{#results}}<tr{{#failed}} class="refused"{{/failed}}><td>{{file}}</td><td class="nowrap">{{outcome}}</td>
        <td>{{#document}}<a href="/documents/{{id}}">{{title}}</a> <span class="muted">#{{id}}</span>{{/document}}{{#message}}<div class="muted">{{message}}</div>{{/message}}</td><td>{{facts}}</td></tr>
        {{/results}}
        </table>{{/summary}}
        """
}

/// The stylesheet and the keyboard-review script, served as files: the pages' Content-Security-Policy
/// allows no inline script, and nothing is fetched from anywhere else, so the pages work offline.
enum StaticAssets {
    static let files: [String: (contentType: String, text: String)] = [
        "dossier.css": ("text/css; charset=utf-8", stylesheet), "review.js": ("text/javascript; charset=utf-8", reviewScript),
    ]

    static let stylesheet = """
        :root { --ink: #1d2430; --muted: #5b6472; --line: #d9dde3; --paper: #fbfbfa;
          --figure: #fde68a; --quote: #bfdbfe; --person: #fbcfe8; --organisation: #bbf7d0; --operation: #ddd6fe; --date: #e5e7eb; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--ink); background: var(--paper); }
        header { display: flex; gap: 1.2rem; align-items: baseline; padding: .8rem 1.5rem; border-bottom: 1px solid var(--line); background: #fff; }
        header .brand { font-weight: 700; letter-spacing: .02em; }
        header nav { display: flex; flex-wrap: wrap; column-gap: .9rem; }
        header nav a { color: var(--ink); text-decoration: none; white-space: nowrap; }
        header nav a[aria-current] { border-bottom: 2px solid var(--ink); }
        header .archive { margin-left: auto; color: var(--muted); font-size: .9rem; }
        main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
        h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 1rem; }
        h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; }
        table { border-collapse: collapse; width: 100%; background: #fff; }
        th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { font-size: .85rem; color: var(--muted); font-weight: 600; }
        td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .nowrap { white-space: nowrap; }
        .muted { color: var(--muted); }
        form.search { display: flex; flex-wrap: wrap; gap: .5rem; margin-bottom: 1rem; }
        form.search input, form.search select { padding: .4rem .5rem; border: 1px solid var(--line); border-radius: 4px; font: inherit; }
        form.search input[name=q] { flex: 1 1 20rem; }
        button { font: inherit; padding: .25rem .7rem; border: 1px solid var(--ink); border-radius: 4px; background: #fff; cursor: pointer; }
        button.confirm { border-color: #166534; color: #166534; }
        button.reject { border-color: #991b1b; color: #991b1b; }
        mark { background: var(--figure); padding: 0 .1em; }
        .results li { margin-bottom: 1rem; list-style: none; }
        .results { padding: 0; }
        .pager { display: flex; gap: 1rem; margin-top: 1rem; }
        .layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(18rem, 2fr); gap: 2rem; }
        @media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
        .body { white-space: pre-wrap; background: #fff; border: 1px solid var(--line); padding: 1.2rem 1.4rem; font-size: 1.02rem; }
        .fact { border-radius: 2px; padding: 0 .1em; cursor: pointer; }
        .fact sup { font-size: .65rem; font-weight: 700; margin-right: .15em; color: var(--ink); }
        .fact.figure { background: var(--figure); border-bottom: 2px solid #b45309; }
        .fact.quote { background: var(--quote); border-bottom: 2px dotted #1d4ed8; }
        .fact.person { background: var(--person); border-bottom: 2px dashed #be185d; }
        .fact.organisation { background: var(--organisation); border-bottom: 2px double #15803d; }
        .fact.operation { background: var(--operation); border-bottom: 2px solid #6d28d9; }
        .fact.date { background: var(--date); border-bottom: 1px solid #374151; }
        .fact.rejected { text-decoration: line-through; opacity: .6; }
        .fact.selected, li.selected { outline: 3px solid var(--ink); }
        .legend { margin-top: .6rem; }
        .legend span { display: inline-block; margin: 0 .6rem .4rem 0; font-size: .9rem; }
        .facts { list-style: none; padding: 0; margin: 0; }
        .facts > li { border-bottom: 1px solid var(--line); padding: .5rem 0; }
        .facts .label { font-weight: 700; margin-right: .4rem; }
        .status { font-size: .8rem; border: 1px solid var(--line); border-radius: 3px; padding: 0 .3rem; }
        .status.confirmed { border-color: #166534; color: #166534; }
        .status.rejected { border-color: #991b1b; color: #991b1b; }
        .actions { display: flex; gap: .4rem; margin-top: .3rem; flex-wrap: wrap; }
        .actions input { font: inherit; padding: .2rem .4rem; border: 1px solid var(--line); border-radius: 4px; }
        dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; font-size: .9rem; }
        dl.provenance dt { color: var(--muted); }
        dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
        .hint { font-size: .85rem; color: var(--muted); }
        .progress td.number:last-child { font-weight: 600; }
        tr.group th { background: #f3f4f6; color: var(--ink); font-size: .9rem; }
        .chart { display: inline-block; margin: .4rem 2rem .4rem 0; vertical-align: top; }
        .chart figure { margin: 0; }
        .chart figcaption { font-weight: 600; font-size: .9rem; }
        .chart svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
        .chart svg .tick { font-size: 10px; fill: var(--muted); }
        .hint { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
        kbd { font: .8rem ui-monospace, monospace; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 3px; padding: 0 .3rem; background: #fff; }
        .selection { position: fixed; bottom: 1rem; left: 50%; transform: translateX(-50%); width: min(60rem, calc(100% - 2rem)); z-index: 2; padding: .8rem 1rem; background: #fff; border: 2px solid var(--ink); border-radius: 4px; box-shadow: 0 4px 18px rgba(0,0,0,.18); }
        .selection p { margin: 0 0 .5rem; }
        .selection form { display: flex; flex-wrap: wrap; gap: .4rem; margin-bottom: .4rem; }
        .selection input, .selection select, .fields input, .fields select { font: inherit; font-size: .9rem; padding: .2rem .4rem; border: 1px solid var(--line); border-radius: 4px; }
        details.correct, details.history { margin-top: .3rem; }
        details.history ol { margin: .2rem 0 0; padding-left: 1.2rem; font-size: .9rem; color: var(--muted); }
        ul.links { padding-left: 1.2rem; }
        details.correct summary, details.history summary { cursor: pointer; color: var(--muted); font-size: .9rem; }
        .fields { display: flex; flex-wrap: wrap; gap: .3rem .6rem; margin-top: .4rem; font-size: .9rem; }
        @media print { header nav, .actions, form { display: none; } body { background: #fff; } }
        """

    /// j / k move between facts, c confirms the selected one, r goes to its reason; a click on a
    /// marked fact in the text selects it in the list.
    static let reviewScript = """
        (function () {
          const items = Array.from(document.querySelectorAll('.facts > li'));
          const body = document.querySelector('.body');
          const panel = document.getElementById('selection');
          let index = -1;
          function select(next) {
            if (!items.length) return;
            index = (next + items.length) % items.length;
            document.querySelectorAll('.selected').forEach(e => e.classList.remove('selected'));
            const item = items[index];
            item.classList.add('selected');
            const mark = document.querySelector('.body [data-label="' + item.dataset.label + '"]');
            if (mark) { mark.classList.add('selected'); mark.scrollIntoView({block: 'center'}); }
          }
          function submit(selector) {
            if (index < 0) return;
            const form = items[index].querySelector(selector);
            if (form) form.submit();
          }
          function focusIn(selector) {
            const field = document.querySelector(selector);
            if (field) field.focus();
          }
          // The text of a range as the archive stores it: the labels drawn before each fact are not part of it.
          function storedText(range) {
            const copy = range.cloneContents();
            copy.querySelectorAll('sup').forEach(label => label.remove());
            return copy.textContent;
          }
          // Offsets count Unicode code points, as the archive's spans do ([...text] walks code points).
          function codePoints(text) { return [...text].length; }
          document.addEventListener('selectionchange', () => {
            if (!panel) return;
            const selection = window.getSelection();
            if (!selection.rangeCount || selection.isCollapsed) return;
            const range = selection.getRangeAt(0);
            if (!body.contains(range.startContainer) || !body.contains(range.endContainer)) return;
            const before = document.createRange();
            before.setStart(body, 0);
            before.setEnd(range.startContainer, range.startOffset);
            const text = storedText(range);
            if (!text.trim()) return;
            const start = codePoints(storedText(before));
            const end = start + codePoints(text);
            panel.querySelectorAll('form').forEach(form => {
              form.elements.start.value = start;
              form.elements.end.value = end;
              form.elements.text.value = text;
            });
            document.getElementById('selection-text').textContent = text;
            document.getElementById('selection-span').textContent = '[' + start + '–' + end + ']';
            panel.hidden = false;
          });
          document.querySelectorAll('.body .fact').forEach(mark => mark.addEventListener('click', () => {
            const at = items.findIndex(i => i.dataset.label === mark.dataset.label);
            if (at >= 0) { select(at); items[at].scrollIntoView({block: 'nearest'}); }
          }));
          document.addEventListener('keydown', event => {
            if (['INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'SUMMARY'].includes(event.target.tagName)) {
              if (event.key === 'Escape') event.target.blur();
              return;
            }
            if (event.ctrlKey || event.metaKey || event.altKey) return;
            if (event.key === 'Escape' && panel) panel.hidden = true;
            else if (event.key === 'j') select(index + 1);
            else if (event.key === 'k') select(index - 1);
            else if (event.key === 'c') submit('form[action$="/confirm"]');
            else if (event.key === 'r' && index >= 0) {
              const reason = items[index].querySelector('input[name=reason]');
              if (reason) { event.preventDefault(); reason.focus(); }
            } else if (event.key === 'e' && index >= 0) {
              const details = items[index].querySelector('details.correct');
              if (details) {
                event.preventDefault();
                details.open = true;
                const field = details.querySelector('input:not([type=hidden]), select');
                if (field) field.focus();
              }
            } else if (event.key === 'u') {
              const undo = document.querySelector('form.undo');
              if (undo) undo.submit();
            } else if (event.key === 'f' && panel && !panel.hidden) { event.preventDefault(); focusIn('.add-figure input[name=value]'); }
            else if (event.key === 'q' && panel && !panel.hidden) { event.preventDefault(); focusIn('.add-quote input[name=speaker]'); }
          });
        })();
        """
}

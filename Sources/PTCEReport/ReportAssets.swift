/// The report's own stylesheet and script: constants of the project, never built from data (data only ever goes
/// through Plot's escaping). The script's hash is pinned in the page's Content-Security-Policy, so no other script
/// can run — not even one smuggled into an actor's name.
enum ReportAssets {
    static let css = """
    :root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d6d6d6; --accent: #0072B2; --soft: #f4f6f8; }
    * { box-sizing: border-box; }
    body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink);
           margin: 0 auto; max-width: 1100px; padding: 1.5rem 1.25rem 4rem; }
    header.top { border-bottom: 3px solid var(--accent); margin-bottom: 1rem; }
    h1 { font-size: 1.8rem; margin: 0 0 .2rem; } h2 { font-size: 1.3rem; margin: 2.2rem 0 .6rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
    h3 { font-size: 1.05rem; margin: 1.2rem 0 .4rem; }
    .subtitle { color: var(--muted); margin: 0 0 .8rem; }
    .banner { background: #fff4e5; border-left: 4px solid #E69F00; padding: .5rem .8rem; margin: .8rem 0; }
    nav.toc { background: var(--soft); padding: .6rem .9rem; border-radius: 6px; font-size: .92rem; }
    nav.toc a { margin-right: .9rem; white-space: nowrap; color: var(--accent); }
    .figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: .6rem; margin: .8rem 0; }
    .figure { background: var(--soft); border-radius: 6px; padding: .6rem .8rem; }
    .figure b { display: block; font-size: 1.6rem; line-height: 1.2; }
    .figure span { color: var(--muted); font-size: .88rem; }
    .answer { font-size: 1.02rem; background: #eef6fb; border-left: 4px solid var(--accent); padding: .5rem .8rem; margin: .6rem 0; }
    p.explain { color: var(--muted); margin: .3rem 0 .6rem; }
    table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .9rem; }
    th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    th { background: var(--soft); position: relative; }
    table.sortable th { cursor: pointer; }
    table.sortable th[aria-sort="ascending"]::after { content: " ▲"; } table.sortable th[aria-sort="descending"]::after { content: " ▼"; }
    .diagram { border: 1px solid var(--line); border-radius: 6px; overflow: auto; max-height: 80vh; background: #fff; }
    .diagram svg { max-width: 100%; height: auto; }
    .chart svg { max-width: 640px; width: 100%; height: auto; }
    details.more > summary { cursor: pointer; color: var(--accent); margin: .3rem 0; }
    .warning { color: #8a4b00; } .muted { color: var(--muted); }
    footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--line); padding-top: .6rem; }
    .todo { background: #fff4e5; border-left: 4px solid #E69F00; padding: .5rem .8rem; margin: .6rem 0; }
    .print-only { display: none; }
    dl dt { font-weight: 600; margin-top: .4rem; } dl dd { margin: 0 0 .2rem 1.2rem; color: var(--muted); }
    @media print {
      @page { size: A4 portrait; margin: 14mm 12mm 16mm;
              @bottom-right { content: counter(page) " / " counter(pages); font: 8pt sans-serif; color: #5a5a5a; } }
      @page map { size: A4 landscape; margin: 10mm; }
      /* The map prints last, on a landscape page of its own that can be pulled out; the text flows before it. */
      body { max-width: none; padding: 0; font-size: 9pt; line-height: 1.3; display: flex; flex-direction: column; }
      body > * { order: 1; } body > section#carte { order: 2; }
      .answer, .todo { padding: .3rem .6rem; margin: .4rem 0; font-size: 9.5pt; }
      h1 { font-size: 16pt; } h2 { font-size: 12pt; } h3 { font-size: 10pt; margin: .6rem 0 .2rem; }
      nav.toc, details.more > summary, .screen-only, .fold > table.short { display: none; }
      details.more { display: block; } details.more > * { display: revert; }
      h2, h3 { break-after: avoid; } h2 { margin-top: 1.2rem; }
      tr, .answer, .todo, .figure, dl dt, .chart, figure { break-inside: avoid; }
      /* The map on a page of its own, in landscape, as large as the page. */
      section#carte { page: map; }
      .diagram { max-height: none; overflow: visible; border: none; break-inside: avoid; }
      .diagram svg { width: auto; height: 160mm; max-width: 100%; }
      .chart svg { max-width: 95mm; }
      .figures { grid-template-columns: repeat(6, 1fr); gap: .3rem; } .figure b { font-size: 1.2rem; }
      table { font-size: 8pt; margin-bottom: .4rem; } th, td { padding: .1rem .3rem; }
      a { color: inherit; text-decoration: none; }
      footer { margin-top: .4rem; padding-top: .2rem; }
      .print-only { display: block; } dl { columns: 2; column-gap: 8mm; } dl dd { break-before: avoid; }
    }
    """

    /// Sortable tables: a click on a header sorts by that column (numbers as numbers, French decimal commas read).
    static let script = """
    document.querySelectorAll("table.sortable").forEach(function (table) {
      table.querySelectorAll("th").forEach(function (th, column) {
        th.setAttribute("tabindex", "0");
        th.addEventListener("click", function () {
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          var ascending = th.getAttribute("aria-sort") !== "ascending";
          table.querySelectorAll("th").forEach(function (other) { other.removeAttribute("aria-sort"); });
          th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          function key(row) {
            var text = row.cells[column] ? row.cells[column].textContent.trim() : "";
            var number = parseFloat(text.replace(/\\s/g, "").replace(",", ".").replace("%", ""));
            return isNaN(number) ? text.toLowerCase() : number;
          }
          rows.sort(function (a, b) {
            var x = key(a), y = key(b);
            if (typeof x === "number" && typeof y === "number") { return ascending ? x - y : y - x; }
            return ascending ? String(x).localeCompare(String(y), "fr") : String(y).localeCompare(String(x), "fr");
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
      table.setAttribute("data-sortable", "ready");
    });
    """
}

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
    .map-tools { display: flex; flex-wrap: wrap; gap: .4rem .8rem; align-items: center; margin: .4rem 0; font-size: .92rem; }
    .map-tools button { font: inherit; padding: .2rem .6rem; border: 1px solid var(--line); border-radius: 4px; background: var(--soft); cursor: pointer; }
    .map-tools input[type=search] { font: inherit; width: 16rem; }
    .map-filters { flex-basis: 100%; } .filter-group { margin: .2rem 0; } .filter-group label { margin-right: .7rem; white-space: nowrap; }
    .map-area { display: flex; gap: .8rem; align-items: flex-start; }
    .map-area .diagram { flex: 1; cursor: grab; touch-action: none; }
    .diagram:focus, g.node:focus { outline: 3px solid #E69F00; }
    #fiche, .fiche { width: 20rem; flex: none; border: 1px solid var(--line); border-radius: 6px; padding: .6rem .8rem; background: #fff; font-size: .9rem; }
    #fiche h3, .fiche h3 { margin-top: 0; } #fiche .close, .fiche .close { float: right; }
    g.map-hidden { display: none; } g.node.map-faint { opacity: .35; }
    g.map-dim { opacity: .15; } g.edge.map-hl path { stroke-width: 3.5; }
    g.node.map-selected polygon, g.node.map-selected ellipse, g.node.map-selected path { stroke: #d00; stroke-width: 4; }
    g.node.map-partner polygon, g.node.map-partner ellipse, g.node.map-partner path { stroke: #d00; stroke-width: 2; }
    body.map-large { max-width: none; font-size: 20px; }
    body.map-large .map-area { position: fixed; inset: 3.2rem 0 0 0; z-index: 5; background: #fff; padding: .5rem; }
    body.map-large .map-tools { position: fixed; top: 0; left: 0; right: 0; z-index: 6; background: #fff; padding: .4rem; margin: 0; }
    body.map-large .diagram { max-height: none; height: 100%; } body.map-large .diagram svg { width: 100%; height: 100%; }
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
      /* A closed <details> keeps its content in a slot that Chromium hides whatever its display: the whole table
         printed nothing (the GES and PTCE table was missing from every printed report). */
      details.more::details-content { content-visibility: visible; display: contents; }
      details.more.screen-only { display: none; }
      details.more > .screen-only { display: none; }
      h2, h3 { break-after: avoid; } h2 { margin-top: 1.2rem; }
      tr, .answer, .todo, .figure, dl dt, .chart, figure { break-inside: avoid; }
      /* The map on a page of its own, in landscape, as large as the page. */
      section#carte { page: map; }
      .diagram { max-height: none; overflow: visible; border: none; break-inside: avoid; }
      .diagram svg { width: auto; height: 160mm; max-width: 100%; }
      .chart svg { max-width: 80mm; }
      .figures { grid-template-columns: repeat(6, 1fr); gap: .3rem; } .figure b { font-size: 1.2rem; }
      table { font-size: 8pt; margin-bottom: .4rem; } th, td { padding: .1rem .3rem; }
      a { color: inherit; text-decoration: none; }
      footer { margin-top: .4rem; padding-top: .2rem; }
      .print-only { display: block; } dl { columns: 2; column-gap: 8mm; font-size: 8pt; } dl dd { break-before: avoid; }
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

    // The aggregate map: a family's card (its actors, best connected first; its ties to the other families), from the
    // figures of #aggregate-data (computed by ptce: the page does not receive every actor and tie).
    (function () {
      var block = document.getElementById("aggregate-data"), box = document.getElementById("diagramme-agrege");
      var svg = box && box.querySelector("svg"), card = document.getElementById("fiche-agrege");
      if (!block || !svg || !card) { return; }
      var data = JSON.parse(block.textContent), words = data.words;
      function element(tag, text) { var e = document.createElement(tag); if (text !== undefined) { e.textContent = text; } return e; }
      function open(n, g) {
        svg.querySelectorAll("g.node").forEach(function (other) { other.classList.toggle("map-selected", other === g); });
        var family = data.families[n];
        card.textContent = "";
        var close = element("button", words.close);
        close.type = "button"; close.className = "close";
        close.addEventListener("click", function () { card.hidden = true; g.classList.remove("map-selected"); g.focus(); });
        card.appendChild(close);
        card.appendChild(element("h3", family.label));
        card.appendChild(element("p", family.count + " " + (family.count === 1 ? words.actor : words.actors) + ", " + family.inside + " " + words.inside));
        var list = element("ol");
        family.top.forEach(function (member) { list.appendChild(element("li", member.name + " — " + member.partners + " " + words.partners)); });
        card.appendChild(list);
        if (family.count > family.top.length) { card.appendChild(element("p", words.more.replace("%d", family.count - family.top.length))); }
        card.appendChild(element("h4", words.towards));
        var out = element("ul");
        family.towards.forEach(function (pair) { out.appendChild(element("li", data.families[pair[0]].label + " : " + pair[1])); });
        card.appendChild(out);
        card.hidden = false;
        box.setAttribute("data-selected", String(n));
      }
      svg.querySelectorAll("g.node").forEach(function (g) {
        var match = /^value-(\\d+)$/.exec(g.id);
        if (!match || !data.families[+match[1]]) { return; }
        var n = +match[1];
        g.setAttribute("tabindex", "0"); g.setAttribute("role", "button"); g.setAttribute("aria-label", data.families[n].label);
        g.addEventListener("click", function () { open(n, g); });
        g.addEventListener("keydown", function (event) { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(n, g); } });
      });
      box.setAttribute("data-map", "ready");
    })();

    // The interactive map: Graphviz's SVG (nodes g#actor-N, edges g#tie-…) and the data block #map-data. Every text
    // from the data goes in with textContent, never as markup.
    (function () {
      var block = document.getElementById("map-data"), box = document.getElementById("diagramme");
      var svg = box && box.querySelector("svg");
      if (!block || !svg) { return; }
      var data = JSON.parse(block.textContent), words = data.words;
      var card = document.getElementById("fiche"), search = document.getElementById("map-search");
      var yearInput = document.getElementById("map-year"), yearOutput = document.getElementById("map-year-value");
      var groupSelect = document.getElementById("map-group");
      var base = svg.viewBox.baseVal, home = { x: base.x, y: base.y, w: base.width, h: base.height };
      var view = { x: home.x, y: home.y, w: home.w, h: home.h };
      var nodes = [], edges = {}, partners = data.actors.map(function () { return []; }), selected = null;
      svg.querySelectorAll("g.node").forEach(function (g) {
        var match = /^actor-(\\d+)$/.exec(g.id);
        if (!match) { return; }
        var i = +match[1];
        nodes[i] = g;
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        g.setAttribute("aria-label", data.actors[i].name);
        g.addEventListener("click", function (event) { event.stopPropagation(); select(i); });
        g.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); event.stopPropagation(); select(i); }
        });
      });
      svg.querySelectorAll("g.edge").forEach(function (g) { if (g.id) { edges[g.id] = g; } });
      data.ties.forEach(function (tie) { partners[tie.u].push(tie.v); partners[tie.v].push(tie.u); });

      function show() {
        svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map(function (v) { return v.toFixed(2); }).join(" "));
        box.setAttribute("data-zoom", (home.w / view.w).toFixed(2));
      }
      function zoom(factor, cx, cy) {
        var w = Math.min(home.w * 1.5, Math.max(home.w / 40, view.w / factor)), h = w * home.h / home.w;
        if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.h / 2; }
        view.x = cx - (cx - view.x) * w / view.w; view.y = cy - (cy - view.y) * h / view.h;
        view.w = w; view.h = h;
        show();
      }
      function pan(dx, dy) { view.x += dx * view.w; view.y += dy * view.h; show(); }
      // A point of the screen in the SVG's own coordinates (the viewBox's), whatever its scale and letterboxing.
      function point(event) {
        var p = svg.createSVGPoint();
        p.x = event.clientX; p.y = event.clientY;
        return p.matrixTransform(svg.getScreenCTM().inverse());
      }
      box.addEventListener("wheel", function (event) {
        event.preventDefault();
        var p = point(event);
        zoom(event.deltaY < 0 ? 1.25 : 0.8, p.x, p.y);
      }, { passive: false });
      var drag = null;
      box.addEventListener("pointerdown", function (event) {
        if (event.button !== 0) { return; }
        drag = { x: event.clientX, y: event.clientY, vx: view.x, vy: view.y, moved: false };
      });
      window.addEventListener("pointermove", function (event) {
        if (!drag) { return; }
        var r = svg.getBoundingClientRect();
        if (Math.abs(event.clientX - drag.x) + Math.abs(event.clientY - drag.y) > 3) { drag.moved = true; }
        view.x = drag.vx - (event.clientX - drag.x) / r.width * view.w;
        view.y = drag.vy - (event.clientY - drag.y) / r.height * view.h;
        show();
      });
      window.addEventListener("pointerup", function () { drag = null; });
      box.addEventListener("click", function () { if (selected !== null) { select(null); } });
      box.addEventListener("keydown", function (event) {
        var keys = { "+": function () { zoom(1.25); }, "=": function () { zoom(1.25); }, "-": function () { zoom(0.8); },
                     "0": reset, "ArrowLeft": function () { pan(-0.1, 0); }, "ArrowRight": function () { pan(0.1, 0); },
                     "ArrowUp": function () { pan(0, -0.1); }, "ArrowDown": function () { pan(0, 0.1); },
                     "Escape": function () { select(null); } };
        if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
      });
      document.getElementById("zoom-in").addEventListener("click", function () { zoom(1.25); });
      document.getElementById("zoom-out").addEventListener("click", function () { zoom(0.8); });
      document.getElementById("map-reset").addEventListener("click", reset);
      document.getElementById("map-large").addEventListener("click", function () {
        var on = document.body.classList.toggle("map-large");
        this.setAttribute("aria-pressed", on ? "true" : "false");
      });

      function active(tie, year) {
        return year === null || ((tie.since === null || tie.since === undefined || tie.since <= year) &&
                                 (tie.until === null || tie.until === undefined || tie.until >= year));
      }
      function currentYear() {
        if (!yearInput) { return null; }
        var y = +yearInput.value;
        return y > +yearInput.max - 1 ? null : y;
      }
      // Filters: an actor is shown when its family is ticked and it belongs to the chosen group; a tie when its type
      // is ticked, it is active in the chosen year and both its actors are shown.
      function filter() {
        var chosen = groupSelect ? parseInt(groupSelect.value, 10) : NaN;
        var families = {}, types = {}, year = currentYear(), group = isNaN(chosen) ? null : chosen;
        document.querySelectorAll("input[data-family]").forEach(function (box) { families[data.families[+box.getAttribute("data-family")].id] = box.checked; });
        document.querySelectorAll("input[data-type]").forEach(function (box) { types[data.types[+box.getAttribute("data-type")].id] = box.checked; });
        var shown = data.actors.map(function (actor) { return families[actor.family] !== false && (group === null || actor.groups.indexOf(group) >= 0); });
        var linked = data.actors.map(function () { return false; });
        var visibleEdges = {};
        data.ties.forEach(function (tie) {
          var on = shown[tie.u] && shown[tie.v] && types[tie.type] !== false && active(tie, year);
          if (on) { visibleEdges[tie.element] = true; linked[tie.u] = true; linked[tie.v] = true; }
        });
        Object.keys(edges).forEach(function (id) { edges[id].classList.toggle("map-hidden", !visibleEdges[id]); });
        nodes.forEach(function (g, i) {
          if (!g) { return; }
          g.classList.toggle("map-hidden", !shown[i]);
          g.classList.toggle("map-faint", shown[i] && year !== null && !linked[i]);
        });
        if (yearOutput) { yearOutput.textContent = year === null ? words.allYears : String(year); }
        box.setAttribute("data-shown", String(shown.filter(Boolean).length));
      }
      document.querySelectorAll("input[data-family], input[data-type]").forEach(function (box) { box.addEventListener("change", filter); });
      if (groupSelect) { groupSelect.addEventListener("change", filter); }
      if (yearInput) { yearInput.addEventListener("input", filter); }

      function element(tag, text, className) {
        var e = document.createElement(tag);
        if (text !== undefined) { e.textContent = text; }
        if (className) { e.className = className; }
        return e;
      }
      function years(tie) {
        if (tie.since && tie.until) { return " (" + tie.since + "–" + tie.until + ")"; }
        if (tie.since) { return " (" + words.since + " " + tie.since + ")"; }
        if (tie.until) { return " (" + words.until + " " + tie.until + ")"; }
        return "";
      }
      // Selecting an actor: it and its partners stand out, the rest fades; its card opens beside the map.
      function select(i) {
        selected = i;
        nodes.forEach(function (g, j) {
          if (!g) { return; }
          g.classList.toggle("map-selected", j === i);
          g.classList.toggle("map-partner", i !== null && partners[i].indexOf(j) >= 0);
          g.classList.toggle("map-dim", i !== null && j !== i && partners[i].indexOf(j) < 0);
        });
        var mine = {};
        if (i !== null) { data.ties.forEach(function (tie) { if (tie.u === i || tie.v === i) { mine[tie.element] = true; } }); }
        Object.keys(edges).forEach(function (id) {
          edges[id].classList.toggle("map-hl", !!mine[id]);
          edges[id].classList.toggle("map-dim", i !== null && !mine[id]);
        });
        if (i === null) { card.hidden = true; box.removeAttribute("data-selected"); return; }
        box.setAttribute("data-selected", String(i));
        var actor = data.actors[i];
        card.textContent = "";
        var close = element("button", words.close, "close");
        close.type = "button";
        close.addEventListener("click", function () { select(null); if (nodes[i]) { nodes[i].focus(); } });
        card.appendChild(close);
        card.appendChild(element("h3", actor.name));
        card.appendChild(element("p", words.kind + " : " + actor.kind + " — " + words.family + " : " + actor.familyLabel));
        if (actor.groups.length) {
          card.appendChild(element("p", words.groups + " : " + actor.groups.map(function (g) { return data.groups[g].name; }).join(", ")));
        }
        var list = element("ul");
        actor.measures.forEach(function (m) { list.appendChild(element("li", m)); });
        card.appendChild(list);
        card.appendChild(element("h4", words.ties));
        var ties = element("ul", undefined, "card-ties");
        data.ties.forEach(function (tie) {
          if (tie.u !== i && tie.v !== i) { return; }
          var other = data.actors[tie.u === i ? tie.v : tie.u].name;
          ties.appendChild(element("li", other + " — " + tie.typeLabel + years(tie)));
        });
        if (!ties.children.length) { ties.appendChild(element("li", words.none)); }
        card.appendChild(ties);
        card.hidden = false;
      }
      function find() {
        var wanted = search.value.trim().toLowerCase();
        if (!wanted) { return; }
        for (var i = 0; i < data.actors.length; i++) {
          if (data.actors[i].name.toLowerCase() === wanted && nodes[i]) {
            select(i);
            var r = nodes[i].getBoundingClientRect(), c = point({ clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 });
            view.w = home.w / 3; view.h = home.h / 3;
            view.x = c.x - view.w / 2; view.y = c.y - view.h / 2;
            show();
            nodes[i].focus();
            return;
          }
        }
      }
      search.addEventListener("change", find);
      search.addEventListener("keydown", function (event) { if (event.key === "Enter") { event.preventDefault(); find(); } });
      function reset() {
        view = { x: home.x, y: home.y, w: home.w, h: home.h };
        document.querySelectorAll("input[data-family], input[data-type]").forEach(function (b) { b.checked = true; });
        if (groupSelect) { groupSelect.selectedIndex = 0; }
        if (yearInput) { yearInput.value = yearInput.max; }
        search.value = "";
        select(null);
        filter();
        show();
      }
      show();
      filter();
      box.setAttribute("data-map", "ready");
    })();
    """
}

/** The site's stylesheet and its one small script (the home page's filter box), served from the site itself. */

export const SITE_CSS = `:root {
  color-scheme: light dark;
  --bg: #ffffff; --fg: #1b1f24; --muted: #505a66; --line: #d0d7de; --soft: #f4f6f8; --link: #0b57b0;
  --new: #e6f4ea; --new-fg: #0f5323; --changed: #fff4d6; --changed-fg: #6b4500; --absent: transparent;
  --ins: #0f5323; --del: #8b1a1a; --accent: #5b3cc4;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #111418; --fg: #e6e9ed; --muted: #a7b0ba; --line: #39414a; --soft: #1b2027; --link: #8cb8ff;
    --new: #133d22; --new-fg: #bfe8cb; --changed: #44330c; --changed-fg: #ffe2a6;
    --ins: #9be3b0; --del: #ffaaa5; --accent: #b7a6ff;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif; overflow-wrap: break-word; }
a { color: var(--link); }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
code { font: 0.9em ui-monospace, "Cascadia Mono", "DejaVu Sans Mono", monospace; }
.skip { position: absolute; left: -999px; top: 0; padding: 0.5em; background: var(--bg); }
.skip:focus { left: 0.5em; }
.vh { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header.site, footer.site, main { max-width: 64rem; margin: 0 auto; padding: 0.75rem 1rem; }
main.wide { max-width: none; }
header.site { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; align-items: baseline; border-bottom: 1px solid var(--line); }
.brand { font-weight: 700; text-decoration: none; }
.crumbs { display: flex; flex-wrap: wrap; gap: 0.25rem; list-style: none; margin: 0; padding: 0; }
.crumbs li + li::before { content: "›"; margin-right: 0.25rem; color: var(--muted); }
footer.site { color: var(--muted); font-size: 0.875rem; border-top: 1px solid var(--line); margin-top: 2rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.25rem; }
.count, .grade, .note, .origin, .deltas { color: var(--muted); font-size: 0.875rem; }
.lead { max-width: 48rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.125rem 1rem; margin: 0 0 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
.levels { border: 1px solid var(--line); background: var(--soft); border-radius: 6px; padding: 0.25rem 0.75rem; margin: 1rem 0; }
.prevnext { list-style: none; padding: 0; margin: 0.25rem 0; }
.items ol { list-style: none; padding-left: 2.25rem; }
.items li { margin: 0.35rem 0; text-indent: -2.25rem; }
.items li > * { text-indent: 0; }
.permalink { display: inline-block; min-width: 2rem; text-align: right; margin-right: 0.25rem; }
.items li:target, .diff li:target { background: var(--changed); color: var(--changed-fg); }
.origin { display: inline-block; margin-left: 0.25rem; }
.origin-own { font-weight: 600; }
.origin-replaced { font-style: italic; }
.permalink { color: var(--muted); }
.permalink:hover, .permalink:focus { color: var(--link); }
.family { border-top: 1px solid var(--line); margin-top: 1.5rem; }
.ladder h3 { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: baseline; }
.matrix-link { font-size: 0.875rem; font-weight: 400; }
.levels-row { display: flex; flex-wrap: wrap; gap: 0.5rem; list-style: none; padding: 0; margin: 0.25rem 0 1rem; }
.levels-row > li { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.level { display: inline-flex; flex-direction: column; border: 1px solid var(--line); border-radius: 6px; padding: 0.35rem 0.6rem; background: var(--soft); max-width: 16rem; }
.level small { color: var(--muted); font-size: 0.875rem; }
.step { font-size: 0.8rem; color: var(--muted); text-decoration: none; }
.step:hover, .step:focus { text-decoration: underline; }
.levels-row .step::after { content: " →"; }
.jump { white-space: normal; }
.bar { display: inline-block; width: 3rem; height: 0.5rem; border: 1px solid var(--muted); vertical-align: middle; border-radius: 2px; background: linear-gradient(to right, var(--accent) var(--p), transparent var(--p)); }
@media print { .bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; } }
.filter input { font: inherit; padding: 0.25rem 0.5rem; max-width: 100%; }
.scroll { overflow-x: auto; max-width: 100%; position: relative; }
.graph { margin: 0; }
.graph .scroll svg { display: block; max-width: none; height: auto; }
.graph figcaption { color: var(--muted); font-size: 0.875rem; margin-top: 0.5rem; }
.graph .node { fill: var(--soft); stroke: var(--fg); stroke-width: 1; }
.graph .node-ref { stroke-dasharray: 4 3; }
.graph text { fill: var(--fg); font: 12px system-ui, sans-serif; }
.graph a text { fill: var(--link); text-decoration: underline; }
.graph .node-grade { fill: var(--muted); }
.edge { fill: none; stroke: var(--muted); stroke-width: 1.4; }
.graph .arrowhead { fill: var(--muted); }
.edge-level { stroke: var(--fg); stroke-width: 2; }
.edge-extends { stroke-dasharray: 6 3; }
.edge-reports { stroke-dasharray: 1 3; }
.edge-next { stroke: var(--accent); }
.legend { white-space: nowrap; }
.legend svg { vertical-align: middle; }
table { border-collapse: collapse; }
th, td { border: 1px solid var(--line); padding: 0.3rem 0.5rem; vertical-align: top; text-align: left; }
.matrix th[scope=col] { min-width: 8rem; }
.matrix th[scope=col] a:first-child { display: block; }
.matrix th[scope=col] .grade, .matrix th[scope=col] .step { display: block; font-weight: 400; }
.matrix th[scope=row] { font-weight: 400; min-width: 16rem; max-width: 36rem; position: sticky; left: 0; z-index: 1; background: var(--bg); }
.matrix tr.section th { background: var(--soft); font-weight: 700; }
.matrix td { white-space: nowrap; text-align: center; }
.matrix td[data-state=introduced] { background: var(--new); color: var(--new-fg); font-weight: 600; }
.matrix td[data-state=changed] { background: var(--changed); color: var(--changed-fg); font-weight: 600; }
.matrix td[data-state=changed] a { color: inherit; }
.matrix td[data-state=inherited] { color: var(--muted); }
.fields { margin: 1rem 0; }
.fields caption { text-align: left; font-weight: 600; }
.diff ul { list-style: none; padding-left: 0; }
.diff li { margin: 0.35rem 0; padding-left: 1.5rem; text-indent: -1.5rem; }
.mark { display: inline-block; width: 1.25rem; text-indent: 0; font-weight: 700; }
del { color: var(--del); text-decoration: line-through; text-decoration-thickness: 2px; }
ins { color: var(--ins); text-decoration: underline; text-decoration-thickness: 2px; font-weight: 700; }
.deltas { display: block; text-indent: 0; }
details summary { cursor: pointer; color: var(--muted); }
.prose p { margin: 0.5rem 0; max-width: 48rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.4rem; }
  .matrix th[scope=row] { min-width: 11rem; }
  .matrix th[scope=col] { min-width: 7rem; }
  header.site, footer.site, main { padding: 0.5rem 0.75rem; }
  .facts { grid-template-columns: 1fr; }
  .facts dd { margin-bottom: 0.25rem; }
  .items ol { padding-left: 1.5rem; }
  .level { max-width: 100%; }
}
@media print {
  @page { margin: 15mm; }
  :root { --bg: #fff; --fg: #000; --muted: #333; --line: #999; --soft: #fff; --link: #000; --new: #fff; --changed: #fff; }
  body { font-size: 10.5pt; }
  header.site nav, .skip, .filter, .levels .compare-all, footer.site { display: none; }
  .permalink { color: #000; }
  header.site, main, footer.site { max-width: none; padding: 0; border: 0; }
  a { text-decoration: none; color: inherit; }
  .scroll { overflow: visible; }
  .items li, .diff li, tr, .level { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .matrix th[scope=row] { min-width: 0; position: static; }
  .graph .scroll svg { max-width: 100%; }
}
`;

/** Progressive enhancement: shows the filter box and hides ladders and families that do not match. */
export const SITE_JS = `"use strict";
(function () {
  var box = document.getElementById("filter");
  if (!box) return;
  box.parentElement.hidden = false;
  var ladders = Array.prototype.slice.call(document.querySelectorAll("[data-filter]"));
  // What a ladder matches: its family's title, its own title and its levels' titles and grades.
  var texts = ladders.map(function (el) {
    var fam = el.closest("[data-family]");
    var h = fam && fam.querySelector("h2");
    return ((h ? h.textContent + " " : "") + el.textContent).replace(/\\s+/g, " ").toLowerCase();
  });
  var families = Array.prototype.slice.call(document.querySelectorAll("[data-family]"));
  box.addEventListener("input", function () {
    var q = box.value.trim().toLowerCase();
    ladders.forEach(function (el, i) { el.hidden = q !== "" && texts[i].indexOf(q) === -1; });
    families.forEach(function (f) { f.hidden = q !== "" && !f.querySelector("[data-filter]:not([hidden])"); });
  });
})();
`;

/// The reading room's one stylesheet, served from `/static/taska.css` (no inline styles, so the
/// Content-Security-Policy can forbid them).
enum Stylesheet {
    static let css = """
    :root { --ink: #1d232a; --muted: #5b6670; --line: #d8dde2; --mark: #ffe58a; --accent: #0b5d7a; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 17px/1.55 "Noto Sans", "Noto Naskh Arabic", "DejaVu Sans", sans-serif; color: var(--ink); background: #fbfbf9; }
    header { display: flex; gap: 1.5rem; align-items: baseline; padding: .7rem 1.5rem; border-bottom: 1px solid var(--line); background: #fff; }
    header .brand { font-weight: 700; font-size: 1.2rem; color: var(--accent); text-decoration: none; }
    header nav a { margin-right: 1rem; color: var(--ink); }
    main { max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
    form.search { display: flex; flex-wrap: wrap; gap: .5rem; margin: 1rem 0; }
    form.search input[type=search] { flex: 1 1 20rem; font-size: 1.05rem; padding: .45rem .6rem; }
    form.search select, form.search input { padding: .4rem; }
    ol.hits { list-style: none; padding: 0; }
    ol.hits li { padding: .8rem 0; border-bottom: 1px solid var(--line); }
    .meta, .path { color: var(--muted); font-size: .88rem; }
    .path { font-family: monospace; word-break: break-all; }
    mark { background: var(--mark); padding: 0 .1em; }
    .text p { margin: .5rem 0; }
    .text p[dir=rtl] { text-align: right; }
    table.facts { border-collapse: collapse; margin: .5rem 0 1rem; }
    table.facts th, table.facts td { text-align: start; vertical-align: top; padding: .2rem .8rem .2rem 0; border-bottom: 1px solid var(--line); }
    table.facts td { word-break: break-word; }
    .warnings li { color: #8a4b00; }
    .pager { display: flex; gap: 1rem; margin-top: 1rem; }
    svg.chart text { font-size: 12px; fill: var(--ink); }
    svg.chart rect { fill: var(--accent); }
    """
}

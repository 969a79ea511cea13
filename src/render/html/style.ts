/** One stylesheet for the standalone reader and the server pages. */
export const CSS = `
:root { --ink: #1d1d1b; --paper: #fbf8f1; --rule: #c9c2b2; --accent: #a4161a; --muted: #6b665c;
  --serif: "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
  --sans: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font-family: var(--sans); line-height: 1.7; }
a { color: #1f4e79; }
header.site { border-bottom: 3px double var(--rule); padding: .6rem 1.2rem; display: flex; gap: 1.5rem; align-items: center; flex-wrap: wrap; }
header.site .brand { font-family: var(--serif); font-weight: 700; font-size: 1.3rem; color: var(--accent); text-decoration: none; }
header.site form { display: flex; gap: .4rem; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.2rem 3rem; }
input, button, select, textarea { font: inherit; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { border-bottom: 1px solid var(--rule); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.article { font-family: var(--serif); max-width: 40rem; margin: 1rem auto 2.5rem; border-top: 2px solid var(--ink); padding-top: .8rem; }
.kicker { margin: 0; font-size: 1.05rem; color: var(--muted); text-align: center; }
.headline { margin: .2rem 0; font-size: 1.9rem; line-height: 1.3; text-align: center; font-weight: 900; }
.subheadline { margin: 0 0 .6rem; text-align: center; font-size: 1.1rem; }
.dateline-line { font-family: var(--sans); font-size: .9rem; color: var(--muted); text-align: center; }
.dateline { font-weight: 700; color: var(--ink); }
.body p { text-indent: 2em; margin: .5rem 0; text-align: justify; }
.body h2.subhead { font-size: 1.15rem; margin: 1.2rem 0 .4rem; text-align: center; }
.body figure { margin: .8rem 0; }
.caption { font-family: var(--sans); font-size: .88rem; color: var(--muted); border-left: 3px solid var(--rule); padding-left: .6rem; }
.note { font-family: var(--sans); font-size: .92rem; background: #efe9dc; padding: .5rem .8rem; margin: .6rem 0; }
.body .item-byline { text-indent: 0; font-weight: 700; }
.source-tag { text-align: right; color: var(--muted); }
.related { font-family: var(--sans); border: 1px solid var(--rule); padding: .4rem .8rem; font-size: .9rem; }
.related h3 { margin: 0; font-size: .95rem; }
.lacuna { color: var(--accent); font-family: var(--sans); white-space: nowrap; }
.lacuna .suggest { border-bottom: 1px dashed var(--accent); }
ins.restore { text-decoration: none; background: #fde2c8; }
mark.variant { background: #ffe7a3; border-bottom: 2px wavy #c57b00; }
.flags { font-family: var(--sans); font-size: .85rem; color: var(--muted); }
.flag { display: inline-block; border: 1px solid var(--accent); color: var(--accent); padding: 0 .3rem; margin-right: .3rem; border-radius: 3px; }
.hits li { margin: .8rem 0; list-style: none; }
.hits mark, .headline mark { background: #ffd84d; }
.muted { color: var(--muted); }
.error { color: var(--accent); font-weight: 700; }
.split { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1.2rem; }
.split .article { margin-top: 0; font-size: .92rem; }
.split .headline { font-size: 1.3rem; }
pre.source { white-space: pre-wrap; word-break: break-all; font-family: var(--sans); font-size: .92rem; background: #fff; border: 1px solid var(--rule); padding: .8rem; margin: 0; }
.seg.kept { background: #e6f2e6; }
.seg.residue { background: #e8e8f8; }
.seg.drop { text-decoration: line-through; text-decoration-color: var(--accent); background: #f8dede; color: #7a1f1f; }
.seg.drop.boilerplate { background: #e4e4e4; color: #555; text-decoration-color: #555; }
.seg.drop.echo { background: #f3e0f7; }
.seg.variant { outline: 2px solid #c57b00; background: #ffe7a3; }
.seg.flagged { border-bottom: 2px dotted var(--accent); }
.mark-join { color: #1f6f1f; font-weight: 700; }
.kept-target::before { content: "▸"; color: #1f6f1f; font-weight: 700; }
.kept-target:target::before { content: "▶保留"; background: #c8ecc8; }
.mark-lacuna { color: var(--accent); font-weight: 700; }
.mark-wrap { color: #1f6f1f; font-size: .75em; }
.mark-label { font-size: .68em; vertical-align: super; color: #3b5b8a; border: 1px solid #b7c6de; border-radius: 3px; padding: 0 .15rem; margin-right: .1rem; }
.legend span { display: inline-block; padding: 0 .4rem; margin-right: .4rem; }
.ledger td.text { max-width: 18rem; overflow-wrap: anywhere; }
@media (max-width: 60rem) { .split { grid-template-columns: 1fr; } }
`;

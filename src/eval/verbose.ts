import type { ScoredArticle } from './gold.js';
import { pad } from './report.js';
import type { CaseResult } from './run.js';
import type { ArticleDetail } from './score.js';

/** Display cells per column in the side-by-side view (two columns fit 120 terminal cells). */
const COLUMN = 56;
/** Body items shown per article: enough to see where a story goes wrong. */
const MAX_ITEMS = 14;

function clip(text: string, cells: number): string {
  let out = '';
  let w = 0;
  for (const ch of text.replace(/\s+/g, ' ')) {
    const cw = width1(ch);
    if (w + cw > cells - 1) return out + '…';
    out += ch;
    w += cw;
  }
  return out;
}

function width1(ch: string): number {
  const code = ch.codePointAt(0)!;
  return code >= 0x1100 && (code <= 0x115f || (code >= 0x2e80 && code <= 0xffdc)) ? 2 : 1;
}

/** The lines one side shows: labelled fields, then body items with lacuna marks. */
function lines(a: ScoredArticle | undefined): string[] {
  if (!a) return ['(no article)'];
  const out: string[] = [];
  if (a.kicker) out.push(`K ${a.kicker}`);
  out.push(`H ${a.headline ?? '(no headline)'}`);
  if (a.subheadline) out.push(`S ${a.subheadline}`);
  if (a.dateline) out.push(`D ${a.dateline}`);
  for (const b of a.bylines) out.push(`B ${b}`);
  for (const item of a.body.slice(0, MAX_ITEMS)) {
    const tag = item.kind === 'paragraph' ? '¶' : item.kind[0].toUpperCase();
    const before = item.lacunaBefore ? '⋯' : '';
    const after = item.lacunaAfter ? '⋯' : '';
    const inner = item.lacunae?.length
      ? ` [lacuna@${item.lacunae.map((l) => l.at).join(',')}]`
      : '';
    out.push(`${tag} ${before}${item.text}${after}${inner}`);
  }
  if (a.body.length > MAX_ITEMS) out.push(`… ${a.body.length - MAX_ITEMS} more items`);
  if (a.sourceTag) out.push(`T ${a.sourceTag}`);
  if (a.related.length) out.push(`R ${a.related.join(' / ')}`);
  return out;
}

function sideBySide(d: ArticleDetail): string {
  const left = lines(d.gold);
  const right = lines(d.pred);
  const rows: string[] = [`${pad('gold', COLUMN)} │ prediction`];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    rows.push(`${pad(clip(left[i] ?? '', COLUMN), COLUMN)} │ ${clip(right[i] ?? '', COLUMN)}`);
  }
  return rows.join('\n');
}

const pct = (v: number | undefined) => (v === undefined ? 'n/a' : v.toFixed(3));

/** The `worst` articles across all cases (most body bigrams lost or added), gold beside prediction. */
export function renderWorst(results: CaseResult[], worst: number): string {
  const all = results.flatMap((r) => r.articles.map((d) => ({ r, d })));
  all.sort((a, b) => b.d.damage - a.d.damage || a.r.id.localeCompare(b.r.id));
  const out: string[] = [];
  for (const { r, d } of all.slice(0, worst)) {
    if (d.damage === 0) break;
    const what = !d.pred
      ? 'gold article not matched'
      : !d.gold
        ? 'predicted article not in gold'
        : 'matched';
    out.push(
      `── ${r.set}/${r.id}: ${what}; body P ${pct(d.bodyP)} R ${pct(d.bodyR)} F1 ${pct(d.bodyF1)}, ${d.damage} bigrams off`,
    );
    out.push(sideBySide(d), '');
  }
  return out.join('\n') + '\n';
}

/** One line per case: article counts, body F1, rebuild. */
export function renderCaseLines(results: CaseResult[]): string {
  return (
    results
      .map((r) => {
        const c = r.counts;
        const f1 = c.bodyGold + c.bodyPred === 0 ? 1 : (2 * c.bodyHit) / (c.bodyGold + c.bodyPred);
        const flags = [r.rebuildOk ? '' : 'REBUILD-FAIL', r.error ? `CRASH ${r.error}` : ''].filter(
          Boolean,
        );
        return `${r.set}/${r.id}: articles ${c.predArticles}/${c.goldArticles}, body F1 ${f1.toFixed(3)}${flags.length ? ' ' + flags.join(' ') : ''}`;
      })
      .join('\n') + '\n'
  );
}

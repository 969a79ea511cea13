import type { Doc } from '../../model/doc.js';
import { subSpans } from '../../model/blocks.js';
import type { Article, Field, Span } from '../../model/types.js';
import type { Stage } from '../stage.js';
import { findLookalikeVariants, findVariants, misprint, type VariantPair } from './find.js';

/** Every labelled text of an article with its spans. */
function articleTexts(article: Article): Field[] {
  const f = article.fields;
  const fields = [f.kicker, f.headline, f.subheadline, f.byline, ...f.related].filter(
    (x): x is Field => !!x,
  );
  return [...fields, ...article.body.map((b) => ({ text: b.text, spans: b.spans }))];
}

function occurrences(article: Article, form: string): Span[] {
  const spans: Span[] = [];
  for (const { text, spans: source } of articleTexts(article)) {
    for (let p = text.indexOf(form); p !== -1; p = text.indexOf(form, p + 1)) {
      spans.push(...subSpans(source, p, p + form.length));
    }
  }
  return spans;
}

function attach(doc: Doc, pair: VariantPair): number {
  let attached = 0;
  for (const article of doc.articles) {
    const spans = occurrences(article, pair.rare);
    if (spans.length === 0) continue;
    const evidence = `“${pair.likelyContext}” occurs ${pair.likelyCount}× in this dump, “${pair.rareContext}” ${pair.rareCount}×; “${pair.rare}” is no word`;
    article.variants.push({
      text: pair.rare,
      likely: pair.likely,
      spans,
      evidence,
      confidence: 0.7,
    });
    doc.ledger.add({
      stage: 'variants',
      rule: 'variants.one-character',
      action: 'flag',
      spans,
      reason: `likely misprint of “${pair.likely}”`,
      evidence,
      confidence: 0.7,
      refs: [article.id],
    });
    attached++;
  }
  return attached;
}

/** D9: flag (never rewrite) rare forms one character away from a frequent form of the dump. */
export const variantsStage: Stage = {
  name: 'variants',
  run(doc: Doc) {
    const texts = doc.articles.flatMap((a) => articleTexts(a).map((f) => f.text));
    let flagged = 0;
    // One report per misprint (碛→碚), however many windows around it either finder saw.
    const reported = new Set<string>();
    for (const pair of [...findVariants(texts), ...findLookalikeVariants(texts)]) {
      const key = misprint(pair);
      if (reported.has(key)) continue;
      reported.add(key);
      flagged += attach(doc, pair);
    }
    return { flagged };
  },
};

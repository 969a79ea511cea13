import type { Doc } from '../../model/doc.js';
import { subSpans } from '../../model/blocks.js';
import { articleParts, type Part } from '../../model/parts.js';
import type { Article, Span } from '../../model/types.js';
import type { StageContext } from '../context.js';
import type { Stage } from '../stage.js';
import { findLookalikeVariants, findVariants, misprint, type VariantPair } from './find.js';
import { countGrams } from './grams.js';
import { RULES, variantEvidence } from './rules.js';

type VariantRule = typeof RULES.trigram | typeof RULES.lookalike;

/** The texts variants are looked for in: every part but the dateline and source tag. */
function articleTexts(article: Article): Part[] {
  return articleParts(article).filter((p) => p.role !== 'dateline' && p.role !== 'sourceTag');
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

function attach(
  doc: Doc,
  ctx: StageContext<'variants'>,
  rule: VariantRule,
  pair: VariantPair,
): number {
  let attached = 0;
  for (const article of doc.articles) {
    const spans = occurrences(article, pair.rare);
    if (spans.length === 0) continue;
    const facts = { ...pair };
    const edit = ctx.flag(rule, spans, { facts, likely: pair.likely, refs: [article.id] });
    article.variants.push({
      text: pair.rare,
      likely: pair.likely,
      spans,
      evidence: variantEvidence(facts),
      confidence: edit.confidence,
    });
    attached++;
  }
  return attached;
}

/** D9: flag (never rewrite) rare forms one character away from a frequent form of the dump. */
export const variantsStage: Stage<'variants'> = {
  name: 'variants',
  run(doc, ctx) {
    const texts = doc.articles.flatMap((a) => articleTexts(a).map((f) => f.text));
    const grams = countGrams(texts);
    const found: [VariantRule, VariantPair][] = [
      ...findVariants(texts, grams).map((p): [VariantRule, VariantPair] => [RULES.trigram, p]),
      ...findLookalikeVariants(texts, grams).map((p): [VariantRule, VariantPair] => [
        RULES.lookalike,
        p,
      ]),
    ];
    let flagged = 0;
    // One report per misprint (碛→碚), however many windows around it either finder saw.
    const reported = new Set<string>();
    for (const [rule, pair] of found) {
      const key = misprint(pair);
      if (reported.has(key)) continue;
      reported.add(key);
      flagged += attach(doc, ctx, rule, pair);
    }
    return { flagged };
  },
};

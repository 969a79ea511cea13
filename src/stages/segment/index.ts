import type { Doc } from '../../model/doc.js';
import type { Stage } from '../stage.js';
import { Assembler } from './assembler.js';
import { units } from './units.js';

/**
 * D8/D10: find where articles start (headline groups, datelines), label kicker, headline,
 * subheadline, dateline, byline, subheads, captions, notes and source tags, attach related
 * titles, and give orphan text to the article it belongs to.
 */
export const segmentStage: Stage = {
  name: 'segment',
  run(doc: Doc) {
    const assembler = new Assembler(doc, units(doc));
    assembler.run();
    doc.articles = assembler.drafts.map((d) => d.article);
    for (const article of doc.articles) {
      doc.ledger.add({
        stage: 'segment',
        rule: 'segment.article',
        action: 'label',
        spans: [],
        reason: `article ${article.id}${article.headline ? `: ${article.headline}` : ' (no headline)'}`,
        confidence: 0.8,
        refs: [article.id],
      });
    }
    return { articles: doc.articles.length };
  },
};

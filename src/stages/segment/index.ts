import { liveBlocks, type Doc } from '../../model/doc.js';
import type { Article } from '../../model/types.js';
import type { Stage } from '../stage.js';

/** PLACEHOLDER: first block headline, the rest paragraphs (replaced by the real segmenter). */
export const segmentStage: Stage = {
  name: 'segment',
  run(doc: Doc) {
    const blocks = liveBlocks(doc);
    if (blocks.length === 0) return { articles: 0 };
    const [head, ...rest] = blocks;
    const article: Article = {
      id: 'a1',
      headline: head.text,
      body: rest.map((b) => ({
        kind: 'paragraph',
        text: b.text,
        spans: b.spans,
        lacunae: [],
        lacunaBefore: false,
        lacunaAfter: false,
      })),
      related: [],
      flags: [],
      variants: [],
      metadata: { agencies: [], places: [], people: [], organisations: [] },
      fields: { headline: { text: head.text, spans: head.spans }, related: [] },
    };
    doc.articles.push(article);
    return { articles: 1 };
  },
};

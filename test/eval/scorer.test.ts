import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addCounts, zeroCounts } from '../../src/eval/counts.js';
import {
  fromGold,
  type GoldArticle,
  type GoldFile,
  type ScoredArticle,
} from '../../src/eval/gold.js';
import { metricsOf, type Metrics } from '../../src/eval/metrics.js';
import { scoreCase } from '../../src/eval/score.js';
import { bigrams, norm, total } from '../../src/eval/text.js';

// Made-up stories in newspaper style (our own text).
const FERRY = [
  '清晨六点，江面上的薄雾还没有散去，老码头的汽笛声已经响起。',
  '今年春天，区里把废弃多年的旧趸船改造成了观光渡口，每天往返八个班次。',
  '船长老周说，过去乘客多是挑担赶集的村民，如今更多的是背着相机的年轻人。',
];
const CANTEEN = [
  '中午十一点半，桂花巷社区食堂的窗口前已经排起了长队。',
  '食堂由街道牵头、志愿者参与运营，老人凭卡就餐可享受八折优惠。',
  '七十六岁的刘阿姨每天都来，她说这里的饭菜清淡可口，价格也实惠。',
];

const para = (text: string) => ({ kind: 'paragraph' as const, text });

function story(
  headline: string,
  paragraphs: string[],
  extra: Partial<GoldArticle> = {},
): GoldArticle {
  return { headline, body: paragraphs.map(para), ...extra };
}

const GOLD: GoldFile = {
  schema: 'newsmend-gold@1',
  id: 'hand-made',
  articles: [
    story('山城晨雾中的新渡口', FERRY, {
      dateline: { text: '本报重庆3月2日电' },
      sourceTag: undefined,
    }),
    story('社区食堂飘出饭菜香', CANTEEN, { kicker: '小窗口里的大民生' }),
  ],
  boilerplate: ['扫一扫 看全文'],
};

function score(pred: GoldArticle[], dropped: string[] = ['扫一扫 看全文']): Metrics {
  const c = scoreCase(GOLD, pred.map(fromGold) as ScoredArticle[], dropped).counts;
  return metricsOf(addCounts(zeroCounts(), c));
}

const size = (texts: string[]) => total(bigrams(norm(texts.join(''))));
const near = (actual: number | undefined, expected: number, tolerance = 0.02) =>
  assert.ok(
    actual !== undefined && Math.abs(actual - expected) <= tolerance,
    `${actual} is not within ${tolerance} of ${expected}`,
  );

describe('scorer on hand-made gold/prediction pairs', () => {
  it('scores a perfect prediction 1 everywhere', () => {
    const m = score(GOLD.articles);
    assert.equal(m.article_count_exact, 1);
    assert.equal(m.articles_matched, 1);
    assert.equal(m.headline_exact, 1);
    assert.equal(m.kicker_acc, 1);
    assert.equal(m.dateline_acc, 1);
    assert.equal(m.body_p, 1);
    assert.equal(m.body_r, 1);
    assert.equal(m.body_f1, 1);
    assert.equal(m.boundary_f1, 1);
    assert.equal(m.boilerplate_p, 1);
    assert.equal(m.boilerplate_r, 1);
  });

  it('catches one lost paragraph: recall drops by its share, one boundary missed', () => {
    const lost = story('山城晨雾中的新渡口', [FERRY[0], FERRY[2]], {
      dateline: { text: '本报重庆3月2日电' },
    });
    const m = score([lost, GOLD.articles[1]]);
    const all = size(FERRY) + size(CANTEEN);
    near(m.body_r, 1 - size([FERRY[1]]) / all);
    assert.ok(m.body_p! > 0.99, `precision ${m.body_p}`);
    assert.equal(m.boundary_p, 1);
    assert.equal(m.boundary_r, 3 / 4);
    assert.equal(m.article_count_exact, 1);
  });

  it('catches one duplicate kept: precision drops by its share, recall stays 1', () => {
    const dup = story('山城晨雾中的新渡口', [FERRY[0], FERRY[1], FERRY[1], FERRY[2]], {
      dateline: { text: '本报重庆3月2日电' },
    });
    const m = score([dup, GOLD.articles[1]]);
    const all = size(FERRY) + size(CANTEEN);
    assert.equal(m.body_r, 1);
    near(m.body_p, all / (all + size([FERRY[1]]) + 1));
    assert.ok(m.boundary_p! < 1);
  });

  it('catches two articles merged: one gold story unmatched, its text in the wrong article', () => {
    const merged = story('山城晨雾中的新渡口', [...FERRY, ...CANTEEN], {
      dateline: { text: '本报重庆3月2日电' },
    });
    const m = score([merged]);
    const share = size(FERRY) / (size(FERRY) + size(CANTEEN));
    assert.equal(m.article_count_exact, 0);
    assert.equal(m.articles_matched, 0.5);
    assert.equal(m.headline_exact, 0.5);
    near(m.body_p, share);
    near(m.body_r, share);
    assert.equal(m.kicker_acc, 0);
  });

  it('catches one article split in two: count off, the tail costs precision and recall', () => {
    const head = story('山城晨雾中的新渡口', [FERRY[0]], {
      dateline: { text: '本报重庆3月2日电' },
    });
    const tail: GoldArticle = { body: [FERRY[1], FERRY[2]].map(para) };
    const m = score([head, tail, GOLD.articles[1]]);
    const kept = size([FERRY[0]]) + size(CANTEEN);
    assert.equal(m.article_count_exact, 0);
    assert.equal(m.articles_matched, 1);
    near(m.body_r, kept / (size(FERRY) + size(CANTEEN)));
    near(m.body_p, kept / (size([FERRY[0]]) + size([FERRY[1], FERRY[2]]) + size(CANTEEN)));
    assert.ok(m.body_f1! < 0.8);
  });

  it('matches lacunae near the gold position, and lacunaAfter with the next lacunaBefore', () => {
    const gold: GoldFile = {
      schema: 'newsmend-gold@1',
      id: 'lacunae',
      articles: [
        {
          headline: '山城晨雾中的新渡口',
          body: [
            { kind: 'paragraph', text: FERRY[0], lacunae: [{ at: 10 }] },
            { kind: 'paragraph', text: FERRY[1], lacunaAfter: true },
            { kind: 'paragraph', text: FERRY[2] },
          ],
        },
      ],
    };
    const pred: GoldArticle = {
      headline: '山城晨雾中的新渡口',
      body: [
        { kind: 'paragraph', text: FERRY[0], lacunae: [{ at: 11 }] },
        { kind: 'paragraph', text: FERRY[1] },
        { kind: 'paragraph', text: FERRY[2], lacunaBefore: true, lacunae: [{ at: 5 }] },
      ],
    };
    const m = metricsOf(scoreCase(gold, [fromGold(pred)], []).counts);
    assert.equal(m.lacuna_r, 1);
    assert.equal(m.lacuna_p, 2 / 3);
  });

  it('counts boilerplate dropped wrongly against precision and missed against recall', () => {
    const m = score(GOLD.articles, ['扫一扫 看全文', FERRY[0]]);
    assert.equal(m.boilerplate_p, 0.5);
    assert.equal(m.boilerplate_r, 1);
    const none = score(GOLD.articles, []);
    assert.equal(none.boilerplate_p, undefined);
    assert.equal(none.boilerplate_r, 0);
  });

  it('compares headlines ignoring whitespace and full-width forms', () => {
    const spaced = story('山城 晨雾中的新渡口', FERRY, {
      dateline: { text: '本报重庆３月２日电' },
    });
    const m = score([spaced, GOLD.articles[1]]);
    assert.equal(m.headline_exact, 1);
    assert.equal(m.dateline_acc, 1);
  });

  it('treats a byline field and a byline body item alike', () => {
    const gold: GoldFile = {
      schema: 'newsmend-gold@1',
      id: 'b',
      articles: [story('社区食堂飘出饭菜香', CANTEEN, { byline: '本报记者  林  晓' })],
    };
    const pred: GoldArticle = {
      headline: '社区食堂飘出饭菜香',
      body: [{ kind: 'byline', text: '本报记者 林晓' }, ...CANTEEN.map(para)],
    };
    const m = metricsOf(scoreCase(gold, [fromGold(pred)], []).counts);
    assert.equal(m.byline_acc, 1);
    assert.equal(m.body_f1, 1);
  });

  it('gives no predicted article recall 0 and count exact 0', () => {
    const m = score([], []);
    assert.equal(m.body_r, 0);
    assert.equal(m.body_f1, 0);
    assert.equal(m.article_count_exact, 0);
    assert.equal(m.headline_exact, 0);
  });
});

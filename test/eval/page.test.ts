import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fromGold, type GoldArticle, type GoldFile } from '../../src/eval/gold.js';
import { metricsOf, type Metrics } from '../../src/eval/metrics.js';
import { articleStart, pageGrams, START_CHARS } from '../../src/eval/page.js';
import { scoreCase } from '../../src/eval/score.js';
import { ngrams, norm, total } from '../../src/eval/text.js';

// Made-up stories (our own text): a village bridge, a night market, a school library.
const BRIDGE = [
  '入冬以来，石门村的新石桥终于合龙，两岸村民再也不用绕行十几里山路赶集了。',
  '这座桥由村里的老石匠带着年轻人一块块垒起来，前后用了整整两年时间。',
  '通车那天，村口的老槐树下摆起了长桌，家家户户端出自家做的米糕来庆贺。',
];
const MARKET = [
  '傍晚七点，河西路的夜市准时亮起灯来，烤红薯和糖炒栗子的香味飘满整条街。',
  '街道今年统一规划了摊位，设置了垃圾分类点，还请来志愿者维持秩序。',
  '摊主小何说，自从夜市规范以后，来逛的人多了，一晚上能多卖两百多元。',
];
const LIBRARY = [
  '课间铃声一响，孩子们就涌进了学校新建的图书角，挑选自己喜欢的绘本。',
  '图书角的书大多来自城里学校的捐赠，老师们还给每本书贴上了拼音标签。',
];

const para = (text: string) => ({ kind: 'paragraph' as const, text });
const story = (headline: string, paras: string[], extra: Partial<GoldArticle> = {}) =>
  ({ headline, body: paras.map(para), ...extra }) as GoldArticle;

const GOLD_ARTICLES = [
  story('石门村的新石桥合龙了', BRIDGE, { dateline: { text: '本报宜昌12月3日电' } }),
  story('河西路夜市亮起来', MARKET, { kicker: '烟火气里的小日子' }),
  story('山村小学有了图书角', LIBRARY),
];
const GOLD: GoldFile = { schema: 'newsmend-gold@1', id: 'page-metrics', articles: GOLD_ARTICLES };

function score(pred: GoldArticle[]): Metrics {
  return metricsOf(scoreCase(GOLD, pred.map(fromGold), []).counts);
}

const trigramCount = (texts: string[]) => texts.reduce((n, t) => n + total(ngrams(norm(t), 3)), 0);

describe('segmentation-neutral page metrics', () => {
  it('score a perfect page 1', () => {
    const m = score(GOLD_ARTICLES);
    assert.equal(m.page_text_f1, 1);
    assert.equal(m.article_start_f1, 1);
  });

  it('a wrong split lowers article-start F1 (precision) but not page text F1', () => {
    const head = story('石门村的新石桥合龙了', [BRIDGE[0]], {
      dateline: { text: '本报宜昌12月3日电' },
    });
    const tail = story('', [BRIDGE[1], BRIDGE[2]]);
    delete tail.headline;
    const m = score([head, tail, GOLD_ARTICLES[1], GOLD_ARTICLES[2]]);
    assert.equal(m.article_start_r, 1);
    assert.equal(m.article_start_p, 3 / 4);
    assert.ok(m.article_start_f1! < 1);
    assert.equal(m.page_text_f1, 1);
  });

  it('a merge lowers article-start recall', () => {
    const merged = story('河西路夜市亮起来', [...MARKET, ...LIBRARY], {
      kicker: '烟火气里的小日子',
    });
    const m = score([GOLD_ARTICLES[0], merged]);
    assert.equal(m.article_start_p, 1);
    assert.equal(m.article_start_r, 2 / 3);
  });

  it('a lost paragraph lowers page text F1 (recall) by its share; starts stay', () => {
    const lost = story('河西路夜市亮起来', [MARKET[0], MARKET[2]], { kicker: '烟火气里的小日子' });
    const m = score([GOLD_ARTICLES[0], lost, GOLD_ARTICLES[2]]);
    const all = total(pageGrams(GOLD_ARTICLES.map(fromGold)));
    assert.equal(m.page_text_p, 1);
    assert.equal(m.page_text_r, 1 - trigramCount([MARKET[1]]) / all);
    assert.ok(m.page_text_f1! < 1);
    assert.equal(m.article_start_f1, 1);
  });

  it('a duplicate left in lowers page text precision, not recall', () => {
    const dup = story('山村小学有了图书角', [LIBRARY[0], LIBRARY[0], LIBRARY[1]]);
    const m = score([GOLD_ARTICLES[0], GOLD_ARTICLES[1], dup]);
    assert.equal(m.page_text_r, 1);
    assert.ok(m.page_text_p! < 1);
  });

  it('a paragraph left cut at a column break costs only the trigrams across the cut', () => {
    const cut = [BRIDGE[0].slice(0, 20), BRIDGE[0].slice(20), BRIDGE[1], BRIDGE[2]];
    const m = score([
      story('石门村的新石桥合龙了', cut, { dateline: { text: '本报宜昌12月3日电' } }),
      ...GOLD_ARTICLES.slice(1),
    ]);
    const all = total(pageGrams(GOLD_ARTICLES.map(fromGold)));
    assert.equal(m.page_text_r, (all - 2) / all);
  });

  it('sets a dateline aside, and ignores whitespace and full-width forms in starts', () => {
    const kept = story('石门村的新石桥合龙了', [
      `本报宜昌１２月３日电　${BRIDGE[0]}`,
      ...BRIDGE.slice(1),
    ]);
    const lead = (text: string) => norm(text).slice(0, START_CHARS);
    assert.equal(articleStart(fromGold(kept)), lead(BRIDGE[0]));
    const reporter = story('河西路夜市亮起来', [`新华社武汉12月3日电（记者 何 平）${MARKET[0]}`]);
    assert.equal(articleStart(fromGold(reporter)), lead(MARKET[0]));
    // A transcript source opens every item with the same source line: set aside too, else
    // every story of such a page would start with the same twelve characters.
    const site = story('河西路夜市亮起来', [`县广播电视台消息（晚间新闻）：${MARKET[0]}`]);
    assert.equal(articleStart(fromGold(site)), lead(MARKET[0]));
    const spaced = story('山村小学有了图书角', [LIBRARY[0].replace('，', ' ， '), LIBRARY[1]]);
    const m = score([GOLD_ARTICLES[0], GOLD_ARTICLES[1], spaced]);
    assert.equal(m.article_start_f1, 1);
  });

  it('starts at the first paragraph, not a subhead or note before it', () => {
    const a = fromGold({
      headline: '题',
      body: [{ kind: 'note', text: '编者按：这是一段编者的话。' }, para(LIBRARY[1])],
    });
    assert.equal(articleStart(a), norm(LIBRARY[1]).slice(0, START_CHARS));
    assert.equal(articleStart(fromGold({ headline: '只有标题', body: [] })), undefined);
  });
});

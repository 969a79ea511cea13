/**
 * Editions built by hand (our own made-up text) that use every kind of edit: drops of a
 * repeat (with refs), boilerplate and a headline echo, a join across a break, lacunae with a
 * suggestion, a variant, labels, residue — so archive, search and reader can be tested before
 * the pipeline produces all of them.
 */
import { createHash } from 'node:crypto';
import {
  EDITION_SCHEMA,
  type Article,
  type BodyItem,
  type Edit,
  type Edition,
  type Span,
} from '../../src/model/types.js';

/** Appends pieces of source text and hands back their spans. */
class SourceBuilder {
  text = '';
  layout: { start: number; text: string }[] = [];
  add(piece: string): Span {
    const start = this.text.length;
    this.text += piece;
    return { start, end: this.text.length };
  }
  gap(ws = '\n'): void {
    this.layout.push({ start: this.text.length, text: ws });
    this.text += ws;
  }
  line(piece: string): Span {
    const span = this.add(piece);
    this.gap();
    return span;
  }
}

const field = (text: string, span: Span) => ({ text, spans: [span] });
const item = (
  kind: BodyItem['kind'],
  text: string,
  spans: Span[],
  extra: Partial<BodyItem> = {},
): BodyItem => ({
  kind,
  text,
  spans,
  lacunae: [],
  lacunaBefore: false,
  lacunaAfter: false,
  ...extra,
});

let editSeq = 0;
function edit(e: Omit<Edit, 'id' | 'confidence'> & { confidence?: number }): Edit {
  return { id: `e${++editSeq}`, confidence: 0.9, ...e };
}

function finish(
  b: SourceBuilder,
  name: string,
  articles: Article[],
  edits: Edit[],
  residue: Edition['residue'] = [],
  editionDate?: string,
): Edition {
  return {
    schema: EDITION_SCHEMA,
    source: {
      name,
      sha256: createHash('sha256').update(b.text).digest('hex'),
      bytes: Buffer.byteLength(b.text),
      encoding: 'utf-8',
      encodingConfidence: 1,
      chars: b.text.length,
    },
    articles,
    residue,
    edits,
    layout: b.layout,
    messages: [],
    stats: {
      stages: [],
      articles: articles.length,
      residue: residue.length,
      dropped: edits.filter((e) => e.action === 'drop').length,
    },
    options: { editionDate },
  };
}

/** The words the tests search for, each present in `richEdition()` (see there). */
export const WORDS = {
  one: '湾',
  two: '河道',
  three: '梁滩河',
  six: '流域治理推进',
  joined: '尽一切努力',
  variant: '北碛',
};

export const INJECTION_SCRIPT = '<script>alert(1)</script>';
export const INJECTION_IMG = '"><img src=x onerror=alert(1)>';

/** An edition with every kind of edit, two articles (本报/重庆 and 新华社/莫斯科). */
export function richEdition(name = 'fixture-all-edits.txt'): Edition {
  editSeq = 0;
  const b = new SourceBuilder();
  const kicker = b.line('守护一江碧水 共建美丽家园');
  const headline = b.line('梁滩河流域治理取得新进展');
  const sub = b.line('——北碚区推进河道综合整治');
  const dateline = b.add('本报重庆5月8日电（记者 李明）');
  b.gap(' ');
  const echo = b.line('梁滩河流域治理取得新进展');
  const byline = b.line('本报记者  王  芳');
  const p1a = b.line('近日，北碚区召开梁滩河流域治理推进会，会议要求尽一切');
  b.gap();
  const qr = b.line('扫一扫 看视频');
  const p1b = b.line('努力改善河道水质，让群众看得见变化。');
  const p2 = b.line('活动上，市民代表介绍了河岸绿化的成果，回水湾重现白鹭。');
  const dup = b.line('动上，市民代表介绍了河岸绿化的成果，回水湾重现白鹭。');
  const subhead = b.line('生态修复见实效');
  const p3 = b.line('北碛区今年新建污水管网十二公里，北碚区各街道实行河长制，每一个责');
  const p4 = b.line('员都签了承诺书。');
  const caption = b.line('图①：梁滩河畔的新步道。张伟摄');
  const note = b.line('编者按：本版聚焦城乡生态治理。');
  const p5 = b.line(`读者来信写道：${INJECTION_SCRIPT}与${INJECTION_IMG}都应当原样显示。`);
  const tag = b.line('（重庆日报）');
  const related = b.line('嘉陵江畔新添湿地公园');
  const orphan = b.line('生态文明思想和');
  const d2 = b.add('新华社莫斯科5月8日电');
  b.gap(' ');
  const h2 = b.line('中俄青年共话友谊');
  const q2 = b.line('两国青年代表在莫斯科举行座谈，交流学习与工作的体会。');
  const text = (s: Span) => b.text.slice(s.start, s.end);

  const meta = (
    date: string,
    agencies: string[],
    places: string[],
    people: { name: string; title?: string }[],
  ) => ({ date, agencies, places, people, organisations: [] });
  const joinedText = text(p1a) + text(p1b);
  const a1: Article = {
    id: 'a1',
    kicker: text(kicker),
    headline: text(headline),
    subheadline: text(sub),
    dateline: {
      text: text(dateline),
      agency: '本报',
      place: '重庆',
      date: '2025-05-08',
      spans: [dateline],
    },
    byline: text(byline),
    body: [
      item('paragraph', joinedText, [p1a, p1b]),
      item('paragraph', text(p2), [p2]),
      item('subhead', text(subhead), [subhead]),
      item('paragraph', text(p3) + text(p4), [p3, p4], {
        lacunae: [
          {
            at: text(p3).length,
            suggestion: '任人',
            evidence: '「责任人」在本页出现 3 次',
            confidence: 0.6,
          },
        ],
      }),
      item('caption', text(caption), [caption]),
      item('note', text(note), [note]),
      item('paragraph', text(p5), [p5]),
    ],
    sourceTag: text(tag),
    related: [text(related)],
    flags: ['continued-elsewhere'],
    variants: [
      {
        text: '北碛',
        likely: '北碚',
        spans: [{ start: p3.start, end: p3.start + 2 }],
        evidence: '「北碚」在本页出现 3 次',
        confidence: 0.8,
      },
    ],
    metadata: meta(
      '2025-05-08',
      ['本报'],
      ['重庆', '北碚区'],
      [{ name: '李明', title: '记者' }, { name: '王芳' }],
    ),
    fields: {
      kicker: field(text(kicker), kicker),
      headline: field(text(headline), headline),
      subheadline: field(text(sub), sub),
      byline: field(text(byline), byline),
      sourceTag: field(text(tag), tag),
      related: [field(text(related), related)],
    },
  };
  const a2: Article = {
    id: 'a2',
    headline: text(h2),
    dateline: {
      text: text(d2),
      agency: '新华社',
      place: '莫斯科',
      date: '2025-05-08',
      spans: [d2],
    },
    body: [item('paragraph', text(q2), [q2])],
    related: [],
    flags: [],
    variants: [],
    metadata: meta('2025-05-08', ['新华社'], ['莫斯科'], []),
    fields: { headline: field(text(h2), h2), related: [] },
  };
  const edits: Edit[] = [
    edit({
      stage: 'dateline',
      rule: 'dateline.headline-echo',
      category: 'echo',
      action: 'drop',
      spans: [echo],
      text: text(echo),
      reason: 'headline echoed after the dateline',
      refs: ['a1'],
      kept: [headline],
    }),
    edit({
      stage: 'boilerplate',
      rule: 'boilerplate.qr-code',
      category: 'furniture',
      action: 'drop',
      spans: [qr],
      text: text(qr),
      reason: 'QR-code caption',
    }),
    edit({
      stage: 'rejoin',
      rule: 'rejoin.mid-sentence',
      category: 'join',
      action: 'join',
      spans: [{ start: p1a.end, end: p1b.start }],
      reason: 'paragraph ends without punctuation; the next block continues it',
      evidence: '尽一切努力',
      refs: ['a1'],
    }),
    edit({
      stage: 'dedupe',
      rule: 'dedupe.fragment',
      category: 'duplicate',
      action: 'drop',
      spans: [dup],
      text: text(dup),
      reason: 'repeat of a kept block with a damaged start',
      kept: [p2],
    }),
    edit({
      stage: 'rejoin',
      rule: 'rejoin.restoration',
      category: 'restoration',
      action: 'suggest',
      spans: [{ start: p3.end, end: p3.end }],
      reason: 'text lost at a break',
      evidence: '「责任人」在本页出现 3 次',
      suggestion: '任人',
    }),
    edit({
      stage: 'variants',
      rule: 'variants.trigram',
      category: 'variant',
      action: 'flag',
      spans: [{ start: p3.start, end: p3.start + 2 }],
      reason: '北碛 is one character away from the frequent 北碚',
      likely: '北碚',
      refs: ['a1'],
    }),
    edit({
      stage: 'segment',
      rule: 'segment.kicker',
      category: 'role',
      action: 'label',
      spans: [kicker],
      reason: 'headline-shaped line before the headline',
      role: 'kicker',
      refs: ['a1'],
    }),
  ];
  const residue = [{ id: 'r1', text: text(orphan), spans: [orphan], reason: 'orphan fragment' }];
  return finish(b, name, [a1, a2], edits, residue, '2025-05-08');
}

/** A small edition of another date, agency and place, for filter tests. */
export function aprilEdition(): Edition {
  const b = new SourceBuilder();
  const h = b.line('湖畔春色引游人');
  const d = b.add('新华社杭州4月1日电');
  b.gap(' ');
  const p = b.line('西湖边的河道清淤完成，游人沿湖赏花。');
  const text = (s: Span) => b.text.slice(s.start, s.end);
  const a: Article = {
    id: 'a1',
    headline: text(h),
    dateline: { text: text(d), agency: '新华社', place: '杭州', date: '2025-04-01', spans: [d] },
    body: [item('paragraph', text(p), [p])],
    related: [],
    flags: [],
    variants: [],
    metadata: {
      date: '2025-04-01',
      agencies: ['新华社'],
      places: ['杭州'],
      people: [{ name: '赵雷' }],
      organisations: [],
    },
    fields: { headline: field(text(h), h), related: [] },
  };
  return finish(b, 'april.txt', [a], [], [], '2025-04-01');
}

/** Source text of an edition (what the builder wrote). */
export { rebuild as sourceOf } from '../../src/model/rebuild.js';

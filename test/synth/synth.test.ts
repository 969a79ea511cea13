import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GoldArticle, GoldFile } from '../../src/eval/gold.js';
import { pageBytes } from '../../src/synth/index.js';
import { synthPage, type SynthPage } from '../../src/synth/page.js';
import { parseRecord } from '../../src/synth/parse.js';
import { ZERO_RATES, parseRates, type Rates } from '../../src/synth/rates.js';
import { PAGE } from './fixtures.js';

const POOL = ['城郊菜市场完成改造', '夜间公交线路再添新站', '江边步道全线贯通'];

function make(rates: Partial<Rates>, seed = 7): SynthPage {
  return synthPage(PAGE, {
    id: 'fixture',
    seed,
    rates: { ...ZERO_RATES, ...rates },
    pageNo: 3,
    relatedPool: POOL,
  });
}

const strip = (t: string) => t.replace(/\s+/gu, '');

/** The gold article's texts in the order the page prints them (no echo, no furniture). */
function printed(a: GoldArticle): string[] {
  const out: string[] = [];
  if (a.kicker) out.push(a.kicker);
  if (a.headline) out.push(a.headline);
  if (a.subheadline) out.push(a.subheadline);
  if (a.byline) out.push(a.byline);
  // The dateline leads the first paragraph's line.
  const first = a.body.findIndex((b) => b.kind === 'paragraph');
  a.body.forEach((b, i) => {
    if (i === first && a.dateline) out.push(a.dateline.text);
    out.push(b.text);
  });
  if (a.sourceTag) out.push(a.sourceTag);
  return out;
}

/** Every gold text, cut at its lacunae, is source text of the dump (whitespace aside). */
function assertGoldIsSource(gold: GoldFile, text: string) {
  const dump = strip(text);
  for (const a of gold.articles) {
    for (const b of a.body) {
      const cuts = [0, ...(b.lacunae ?? []).map((l) => l.at), b.text.length];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const piece = strip(b.text.slice(cuts[i], cuts[i + 1]));
        assert.ok(dump.includes(piece), `not in dump: ${piece}`);
      }
    }
    for (const t of [
      a.kicker,
      a.headline,
      a.dateline?.text,
      a.byline,
      a.sourceTag,
      ...(a.related ?? []),
    ])
      if (t) assert.ok(dump.includes(strip(t)), `not in dump: ${t}`);
  }
}

describe('synthetic page dumps', () => {
  it('labels the paper structure of a clean article', () => {
    const a = parseRecord(PAGE[0]);
    assert.equal(a.kicker, '科技助农  田间有了新帮手');
    assert.equal(a.byline, '本报记者  林  晓');
    assert.equal(a.dateline?.text, '本报宜宾4月17日电  （记者林晓）');
    assert.equal(a.dateline?.date, '2024-04-17');
    assert.equal(a.sourceTag, '（新华社宜宾4月17日电）');
    assert.deepEqual(
      a.body.map((b) => b.kind),
      ['paragraph', 'paragraph', 'subhead', 'paragraph', 'paragraph', 'caption', 'caption'],
    );
    assert.ok(a.body[0].pieces[0].startsWith('清晨的滨江园区'));
    const b = parseRecord(PAGE[1]);
    assert.equal(b.body[0].kind, 'note');
    assert.equal(b.dateline?.text, '新华社成都4月17日电');
  });

  it("the generator's gold rebuilt from its own dump recovers the clean articles exactly when corruption rates are zero", () => {
    const page = make({});
    // The dump is exactly the gold texts in print order, blank-line separated.
    const expected = page.gold.articles.flatMap(printed);
    assert.equal(strip(page.text), strip(expected.join('')));
    // Each gold article gives back its clean record: title, and content lines (kicker with ——).
    page.gold.articles.forEach((a, i) => {
      const record = PAGE[i];
      assert.equal(a.headline, record.title);
      const lines = [
        a.kicker ? `${a.kicker}——` : undefined,
        ...printed(a).slice(a.kicker ? 2 : 1),
      ].filter(Boolean);
      assert.equal(strip(lines.join('')), strip(record.content));
      assert.equal(a.flags, undefined);
      assert.ok(a.body.every((b) => !b.lacunae && !b.lacunaBefore && !b.lacunaAfter));
    });
    assert.deepEqual(page.gold.boilerplate, []);
    // Lines of the dump are whole clean lines: nothing was cut or moved.
    for (const record of PAGE)
      for (const line of record.content.split('\n').slice(1))
        assert.ok(page.text.includes(line) || line.endsWith('——'), line);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const all = parseRates('all=0.5', ZERO_RATES);
    const a = make(all, 11);
    const b = make(all, 11);
    assert.equal(a.text, b.text);
    assert.deepEqual(a.gold, b.gold);
    assert.notEqual(make(all, 12).text, a.text);
  });

  it('keeps gold as source text under every kind of damage at once', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const page = make(parseRates('all=0.6,gb18030=0', ZERO_RATES), seed);
      assertGoldIsSource(page.gold, page.text);
    }
  });
});

describe('each corruption is visible in the dump with matching gold', () => {
  const clean = make({});

  it('D2 column breaks split paragraphs into blocks; gold keeps them whole', () => {
    const page = make({ columnBreak: 1 });
    assert.deepEqual(page.gold, clean.gold);
    const para = page.gold.articles[2].body[0].text;
    assert.ok(!page.text.includes(para));
    assert.ok(strip(page.text).includes(strip(para)));
  });

  it('D3 characters lost at a break become lacunae', () => {
    const page = make({ columnBreak: 1, lostAtBreak: 1 });
    const lacunae = page.gold.articles.flatMap((a) => a.body.flatMap((b) => b.lacunae ?? []));
    assert.ok(lacunae.length >= 5);
    assert.ok(strip(page.text).length < strip(clean.text).length);
    assertGoldIsSource(page.gold, page.text);
  });

  it('D3 a lost tail is lacunaAfter, truncated-end on the last paragraph', () => {
    const page = make({ lostTail: 1 });
    const last = page.gold.articles[2];
    assert.equal(last.body[last.body.length - 1].lacunaAfter, true);
    assert.ok(last.flags?.includes('truncated-end'));
  });

  it('D8 an article starting mid-sentence is lacunaBefore + truncated-start, dateline gone', () => {
    const page = make({ truncatedStart: 1 });
    const second = page.gold.articles[1];
    assert.ok(second.flags?.includes('truncated-start'));
    assert.equal(second.body[0].lacunaBefore, true);
    assert.equal(second.dateline, undefined);
    assert.equal(page.gold.articles[0].flags, undefined);
  });

  it('D4 a repeated block with a damaged prefix; gold unchanged', () => {
    const page = make({ repeatBlock: 1 });
    assert.deepEqual(page.gold, clean.gold);
    assert.ok(page.text.length > clean.text.length);
    const tail = PAGE[2].content.split('\n')[0].slice(5);
    assert.ok(page.text.split(tail).length - 1 >= 1);
  });

  it('D5 headline and cut lead repeated', () => {
    const page = make({ repeatLead: 1 });
    assert.deepEqual(page.gold, clean.gold);
    assert.ok(page.text.split(PAGE[2].title).length - 1 >= 3);
  });

  it('D1 headline echoed after the dateline', () => {
    const page = make({ echo: 1 });
    assert.ok(page.text.includes('新华社成都4月17日电 老街巷里开出“共享书房”'));
    assert.equal(page.gold.articles[1].dateline?.text, '新华社成都4月17日电');
  });

  it('D6 page furniture is in the dump and listed as boilerplate', () => {
    const page = make({ boilerplate: 1 });
    assert.ok(page.gold.boilerplate!.length >= 2);
    for (const line of page.gold.boilerplate!) assert.ok(page.text.includes(line), line);
  });

  it('D7 related titles follow the article and are its related[]', () => {
    const page = make({ related: 1 });
    const related = page.gold.articles[0].related!;
    assert.ok(related.length >= 1);
    for (const t of related) assert.ok(page.text.indexOf(t) > page.text.indexOf(PAGE[0].title));
  });

  it('blocks out of reading order leave the gold in reading order', () => {
    const page = make({ outOfOrder: 1 });
    assert.deepEqual(page.gold, clean.gold);
    assert.notEqual(page.text, clean.text);
    assert.equal(page.text.length, clean.text.length);
  });

  it('D9 a one-character variant of a frequent word is flagged in gold', () => {
    const page = make({ variant: 1 });
    const variants = page.gold.articles[0].variants!;
    assert.equal(variants.length, 1);
    assert.ok(page.text.includes(variants[0].text));
    assert.ok(page.text.includes(variants[0].likely));
  });

  it('hard wraps lines at a fixed width', () => {
    const page = make({ hardWrap: 1 });
    const longest = Math.max(...page.text.split('\n').map((l) => Array.from(l).length));
    assert.ok(longest <= 36 && longest >= 18, `longest line ${longest}`);
    assert.equal(strip(page.text), strip(clean.text));
  });

  it('full-width digits in dump and gold alike', () => {
    const page = make({ fullWidth: 1 });
    assert.ok(!/[0-9]/.test(page.text));
    assert.ok(page.gold.articles[0].dateline!.text.includes('４月１７日'));
    assert.equal(page.gold.articles[0].dateline!.date, '2024-04-17');
  });

  it('GB18030 bytes that decode back to the dump', () => {
    const page = make({ gb18030: 1 });
    const { bytes, encoding } = pageBytes(page);
    assert.equal(encoding, 'gb18030');
    assert.equal(new TextDecoder('gb18030').decode(bytes), page.text);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  });
});

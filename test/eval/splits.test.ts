import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sharedEvalDir } from '../../src/eval/paths.js';
import { norm } from '../../src/eval/text.js';
import {
  FIT_MONTHS,
  samplePlans,
  splitPages,
  splitPlans,
  SPLIT_NAMES,
  TEST_MONTHS,
} from '../../src/eval/splits.js';
import type { CleanRecord } from '../../src/synth/model.js';
import { parseRates, ZERO_RATES } from '../../src/synth/rates.js';
import { PAGE } from '../synth/fixtures.js';

// A made-up shared/eval/pages folder (our own text, the fixture page copied under other dates):
// whole pages over the five months, and loose stories for the other files.
const MONTHS = [...FIT_MONTHS, ...TEST_MONTHS];
const dir = mkdtempSync(join(tmpdir(), 'newsmend-splits-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function copies(date: string, page: number | null, tag: string): CleanRecord[] {
  return PAGE.map((r, i) => ({ ...r, date, page, order: i, title: `${r.title}（${tag}）` }));
}

function lines(records: CleanRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

mkdirSync(join(dir, 'pages'));
const whole = MONTHS.flatMap((m) =>
  [1, 2].flatMap((day) => [1, 2].flatMap((page) => copies(`${m}-0${day}`, page, m))),
);
writeFileSync(join(dir, 'pages', 'rmrb-2019-2020.jsonl'), lines(whole));
writeFileSync(join(dir, 'pages', 'rmrb-2025.jsonl'), lines(copies('2025-05-09', 3, '2025')));
writeFileSync(join(dir, 'pages', 'rmrb-2011-2019.jsonl'), lines(copies('2013-06-01', null, 'old')));
const cctv = ['2023-12-30', '2024-01-02', '2024-01-03'].flatMap((d) => copies(d, null, d));
writeFileSync(join(dir, 'pages', 'cctv-2022-2024.jsonl'), lines(cctv));

const monthOf = (id: string) => /(\d{4}-\d{2})-\d{2}/u.exec(id)![1];

describe('evaluation splits (made-up page files)', () => {
  it('splits whole pages by month: fit and test share no page and no month', () => {
    const fit = splitPlans(dir, 'fit', 1);
    const test = splitPlans(dir, 'test', 1);
    assert.equal(fit.length, FIT_MONTHS.length * 4);
    assert.equal(test.length, TEST_MONTHS.length * 4);
    for (const p of fit) assert.ok(FIT_MONTHS.includes(monthOf(p.id)), p.id);
    for (const p of test) assert.ok(TEST_MONTHS.includes(monthOf(p.id)), p.id);
    for (const p of [...fit, ...test])
      for (const r of p.records) assert.equal(r.date.slice(0, 7), monthOf(p.id));
  });

  it('keeps test-other to the old dev files and cross to one year of transcripts', () => {
    const other = splitPlans(dir, 'test-other', 1);
    const files = ['rmrb-2025-', 'rmrb-2011-2019-'];
    for (const f of files)
      assert.ok(
        other.some((p) => p.id.startsWith(f)),
        f,
      );
    assert.ok(other.every((p) => files.some((f) => p.id.startsWith(f))));
    const cross = splitPlans(dir, 'cross', 1);
    assert.ok(cross.length > 0);
    for (const p of cross) for (const r of p.records) assert.ok(r.date.startsWith('2024'), r.date);
  });

  it('gives fit pages with gold that hold no text of other months', () => {
    const pages = splitPages(dir, 'fit', 3, parseRates('all=0.5,gb18030=0', ZERO_RATES));
    assert.equal(pages.length, FIT_MONTHS.length * 4);
    for (const page of pages) {
      assert.equal(page.gold.schema, 'newsmend-gold@1');
      for (const a of page.gold.articles) {
        assert.ok(norm(a.headline).endsWith(`(${monthOf(page.id)})`), a.headline);
        for (const t of a.related ?? [])
          assert.ok(
            FIT_MONTHS.some((m) => norm(t).endsWith(`(${m})`)),
            t,
          );
      }
      for (const m of TEST_MONTHS) assert.ok(!norm(page.text).includes(m), page.id);
    }
  });

  it('samples deterministically, and a sampled page is the page unsampled', () => {
    const plans = splitPlans(dir, 'fit', 1);
    const five = samplePlans(plans, 5);
    assert.equal(five.length, 5);
    assert.deepEqual(samplePlans(plans, 5), five);
    const order = plans.filter((p) => five.includes(p));
    assert.deepEqual(five, order, 'the sample keeps the split order');
    assert.ok(samplePlans(plans, 8).filter((p) => five.includes(p)).length === 5);
    const all = splitPages(dir, 'fit', 9, 'extractor');
    const some = splitPages(dir, 'fit', 9, 'extractor', 5);
    for (const page of some)
      assert.equal(page.text, all.find((p) => p.id === page.id)!.text, page.id);
    assert.notEqual(
      splitPages(dir, 'fit', 9, 'dev', 5)
        .map((p) => p.text)
        .join(''),
      some.map((p) => p.text).join(''),
    );
  });
});

// The real files: sizes only (test pages are counted, never read one by one).
const shared = sharedEvalDir();

describe(
  'evaluation splits (needs ../shared/eval)',
  { skip: shared ? false : '../shared/eval not found' },
  () => {
    it('has a test split of at least 500 whole pages and a larger fit split', () => {
      const sizes = Object.fromEntries(
        SPLIT_NAMES.map((s) => [s, splitPlans(shared!, s, 20250509).length]),
      );
      assert.ok(sizes.test >= 500, `test ${sizes.test}`);
      assert.ok(sizes.fit > sizes.test, `fit ${sizes.fit}`);
      assert.ok(sizes['test-other'] >= 60, `test-other ${sizes['test-other']}`);
      assert.ok(sizes.cross >= 100, `cross ${sizes.cross}`);
    });
  },
);

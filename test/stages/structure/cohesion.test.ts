import assert from 'node:assert/strict';
import test from 'node:test';
import type { Unit } from '../../../src/stages/segment/units.js';
import {
  cohesionByUnit,
  pagePairs,
  sharedRarePairs,
} from '../../../src/stages/segment/structure/cohesion.js';
import { unitOf } from './unit.js';

// Made-up lines: two about a harbour, then a new story about a library.
const LINES = [
  '港口新建的码头今年投入使用，码头吞吐量明显上升。',
  '码头工人说，新设备让装卸更快，港口更忙了。',
  '城西图书馆开放夜间阅览',
  '图书馆延长开放时间，读者晚上也能来阅览。',
];

function unitsOf(lines: string[]): Unit[] {
  return lines.map((text) => unitOf(text));
}

/** The same measure, computed the slow way from the joined text. */
function naive(lines: string[], i: number, before: number, after: number): number {
  const all = lines.join('');
  const start = lines.slice(0, i).join('').length;
  const pairsOf = (t: string) => {
    const s = new Set<string>();
    for (let p = 0; p + 1 < t.length; p++)
      if (/^[\u4e00-\u9fff]{2}$/u.test(t.slice(p, p + 2))) s.add(t.slice(p, p + 2));
    return s;
  };
  if (start === 0) return -1;
  const next = pairsOf(all.slice(start, start + after));
  if (next.size === 0) return -1;
  const seen = pairsOf(all.slice(Math.max(0, start - before), start));
  return [...next].filter((g) => seen.has(g)).length / next.size;
}

test('cohesion: the sliding windows give what the joined text gives, and a new topic scores low', () => {
  const units = unitsOf(LINES);
  const [narrow, wide] = cohesionByUnit(pagePairs(units), [12, 400], 20);
  LINES.forEach((_, i) => {
    assert.equal(narrow[i], naive(LINES, i, 12, 20), `narrow window at unit ${i}`);
    assert.equal(wide[i], naive(LINES, i, 400, 20), `wide window at unit ${i}`);
  });
  assert.equal(wide[0], -1);
  assert.ok(
    wide[1] > wide[2],
    'the library story shares less with the harbour text than the harbour text does',
  );
});

// Made-up lines: a story about a harbour under its subhead, then a new story under its headline.
const STORY = [
  '滨江港区今年新建三座集装箱码头，吞吐量比去年上升两成。',
  '夜班调度',
  '集装箱码头的调度员说，夜里进港的货轮更多了，吞吐量还在上升。',
  '城西图书馆开放夜间阅览',
  '图书馆延长开放时间，读者晚上也能来借书。',
];

test('content pairs: a subhead keeps the names and terms of its story, a new headline brings its own', () => {
  const shared = sharedRarePairs(pagePairs(unitsOf(STORY)), 400, 40);
  assert.equal(shared[0], -1, 'nothing before the first line');
  assert.ok(shared[1] >= 2, `the subhead's story goes on with 集装/装箱/吞吐 (got ${shared[1]})`);
  assert.equal(shared[3], 0, 'the library story shares no content pair with the harbour text');
  assert.equal(shared[4], -1, 'nothing after the last line');
});

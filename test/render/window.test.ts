/** The source view cut into pages: together the pages show all of the source and every edit. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mend } from '../../src/index.js';
import { rebuild } from '../../src/model/rebuild.js';
import { pageStarts, sourcePages, wholeWindow } from '../../src/render/html/window.js';
import { makeCorpus } from '../property/newspaper.js';

const PAGE_CHARS = 20_000;
const text = makeCorpus(77, 400_000).join('\n');
const edition = mend(text, { name: 'corpus.txt' });

test('pages start at line starts, never inside a surrogate pair, and cover the source in order', () => {
  const starts = pageStarts(text, PAGE_CHARS);
  assert.ok(starts.length > 5, `${starts.length} pages`);
  assert.equal(starts[0], 0);
  for (let i = 1; i < starts.length; i++) {
    assert.ok(starts[i] > starts[i - 1]);
    assert.equal(text[starts[i] - 1], '\n', `page ${i + 1} starts at a line start`);
  }
  const astral = '𠀀'.repeat(30_001); // no line breaks, surrogate pairs all the way
  for (const s of pageStarts(astral, PAGE_CHARS))
    assert.ok(s % 2 === 0, `cut at ${s} splits a pair`);
});

test('a page dump is one page: the whole window', () => {
  const small = makeCorpus(5, 8_000).join('\n');
  const e = mend(small, { name: 'small.txt' });
  assert.deepEqual(sourcePages(small, e), [wholeWindow(small, e)]);
});

test('the pages of a big source hold every segment, edit, article and residue item once or more', () => {
  assert.equal(rebuild(edition), text);
  const pages = sourcePages(text, edition, PAGE_CHARS);
  const whole = wholeWindow(text, edition);
  let at = 0;
  const edits = new Set<string>();
  const articles = new Set<string>();
  const residue = new Set<string>();
  for (const p of pages) {
    assert.equal(p.start, at, `page ${p.page} follows the one before`);
    assert.equal(p.pages, pages.length);
    for (const s of p.annotation.segments) assert.ok(s.start >= p.start && s.end <= p.end);
    // Segments tile the page: every character of it is shown exactly once.
    let seen = p.start;
    for (const s of p.annotation.segments) (assert.equal(s.start, seen), (seen = s.end));
    assert.equal(seen, p.end);
    for (const e of p.edits) edits.add(e.id);
    for (const a of p.articles) articles.add(a.id);
    for (const r of p.residue) residue.add(r.id);
    // A dropped repeat shown here knows where its kept copy is, even on another page.
    const kept = new Set(p.annotation.keptLinks.map((k) => k.edit));
    for (const s of p.annotation.segments)
      if (s.edit && whole.annotation.keptLinks.some((k) => k.edit === s.edit))
        assert.ok(kept.has(s.edit), `kept link of ${s.edit} on page ${p.page}`);
    at = p.end;
  }
  assert.equal(at, text.length);
  assert.deepEqual([...edits].sort(), edition.edits.map((e) => e.id).sort());
  assert.deepEqual([...articles].sort(), edition.articles.map((a) => a.id).sort());
  assert.deepEqual([...residue].sort(), edition.residue.map((r) => r.id).sort());
  const points = pages.reduce((n, p) => n + p.annotation.points.length, 0);
  assert.equal(points, whole.annotation.points.length, 'each point on exactly one page');
});

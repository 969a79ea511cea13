/**
 * Copies of a story across documents: MinHash signatures, the LSH index, and `newsmend run`
 * marking or dropping the second printing of a made-up story.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { CrossDuplicates, markedDuplicate } from '../../src/run/dedup/cross.js';
import { LshIndex } from '../../src/run/dedup/lsh.js';
import {
  estimatedJaccard,
  shingleCount,
  signature,
  SIGNATURE_BYTES,
  STORED_BYTES,
} from '../../src/run/dedup/minhash.js';
import { Rng } from '../../src/synth/prng.js';
import { Ajv } from 'ajv';
import { shardLines } from './shards.js';
import { newsmend, ROOT } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-dedup-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The made-up papers of the fixtures: the second reprints the first one's story, cut. */
const paragraphs = (name: string) =>
  readFileSync(join(ROOT, 'test', 'fixtures', 'pages', name), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
/** The story (headline aside), and the other story of the second paper. */
const STORY = paragraphs('reprint-a.txt').slice(1);
const OTHER = paragraphs('reprint-b.txt').slice(1, 3);

function agreeing(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < SIGNATURE_BYTES; i++) if (a[i] === b[i]) n++;
  return n;
}

test('a story and its reprint (other headline, a paragraph cut) estimate well over the threshold; other stories near 0', () => {
  const original = signature(['旧小区换新颜', ...STORY].join('\n'))!;
  const reprint = signature(['青州老旧小区改造惠及居民', STORY[0], STORY[2], STORY[3]].join('\n'))!;
  const other = signature(['春播玉米防病虫', ...OTHER].join('\n'))!;
  assert.equal(original.length, STORED_BYTES);
  assert.ok(shingleCount(original) > shingleCount(reprint), 'the reprint is shorter');
  assert.ok(estimatedJaccard(agreeing(original, reprint)) >= 0.5);
  assert.ok(estimatedJaccard(agreeing(original, other)) < 0.2);
  assert.deepEqual(signature(['旧小区换新颜', ...STORY].join('\n')), original, 'deterministic');
  assert.equal(signature('短讯：今天晴。'), null, 'too short to judge');
});

test('the LSH index finds a copy among many, before and after merging, and costs at most 64 bytes an article', () => {
  const rng = new Rng(7);
  // Random hash bytes; every article 300 shingles long.
  const random = () =>
    Uint8Array.from({ length: STORED_BYTES }, (_, i) =>
      i === SIGNATURE_BYTES ? 1 : i === SIGNATURE_BYTES + 1 ? 44 : rng.int(0, 255),
    );
  const index = new LshIndex();
  const planted = random();
  const nearCopy = Uint8Array.from(planted);
  for (let i = 0; i < 8; i++) nearCopy[i * 3] ^= 0x55; // 8 of 24 bytes differ
  index.add(random());
  const at = index.add(planted);
  assert.equal(index.query(nearCopy, 0.45)?.id, at, 'found while the index is unmerged');
  for (let i = 0; i < 9000; i++) index.add(random()); // two merges into the sorted lists
  assert.equal(index.query(nearCopy, 0.45)?.id, at, 'found after merging');
  assert.equal(index.query(random(), 0.45), undefined);
  const short = Uint8Array.from(planted);
  short[SIGNATURE_BYTES] = 0;
  short[SIGNATURE_BYTES + 1] = 100; // the same hash bytes, a third of the size: J ≤ 1/3
  assert.equal(index.query(short, 0.45), undefined, 'sizes bound the similarity');
  assert.ok(LshIndex.BYTES_PER_ARTICLE + 8 <= 64);
  assert.equal(CrossDuplicates.BYTES_PER_ARTICLE, LshIndex.BYTES_PER_ARTICLE + 8);
});

test('building the LSH index reads each article a bounded number of times, not once per merge', () => {
  const rng = new Rng(11);
  const index = new LshIndex();
  const n = 150_000;
  const signature = new Uint8Array(STORED_BYTES);
  for (let k = 0; k < n; k++) {
    for (let i = 0; i < SIGNATURE_BYTES; i++) signature[i] = rng.int(0, 255);
    index.add(signature);
  }
  // A fixed step of 4,096 would read about n² / 8,192 ≈ 2.7 million articles (18 per article);
  // a step of an eighth of the index reads about 8 per article.
  assert.ok(index.mergeWork <= 12 * n, `${index.mergeWork} articles read to build ${n}`);
});

test('copies join the cluster of the first article and name it', () => {
  const dup = new CrossDuplicates('mark');
  const sig = (text: string) => Buffer.from(signature(text)!).toString('base64');
  const first = sig(STORY.join('\n'));
  assert.equal(dup.judge('aaaaaaaaaaaa-a1', first), undefined);
  assert.equal(dup.judge('bbbbbbbbbbbb-a2', sig(OTHER.join('\n'))), undefined);
  const v = dup.judge('cccccccccccc-a1', sig(STORY.slice(0, 3).join('\n')));
  assert.equal(v?.of, 'aaaaaaaaaaaa-a1');
  const again = dup.judge('dddddddddddd-a4', sig(STORY.slice(1).join('\n')));
  assert.equal(again?.of, 'aaaaaaaaaaaa-a1', 'a copy of a copy names the first');
  assert.equal(dup.judge('eeeeeeeeeeee-a1', null), undefined);
  const marked = JSON.parse(markedDuplicate('{"id":"x","text":"t","metadata":{"a":1}}', v!));
  assert.deepEqual(marked.metadata.duplicate, v);
  assert.equal(new CrossDuplicates('off').judge('ffffffffffff-a1', first), undefined);
});

/** Two made-up papers (fixtures): the second reprints the first one's story, re-headlined and cut. */
function corpus(): string {
  const root = join(dir, 'papers');
  mkdirSync(root);
  for (const name of ['reprint-a.txt', 'reprint-b.txt'])
    copyFileSync(join(ROOT, 'test', 'fixtures', 'pages', name), join(root, name));
  return root;
}
const PAPERS = corpus();

test('newsmend run marks the reprint in the second paper, or drops it, naming the first printing', async () => {
  const marked = join(dir, 'marked');
  assert.equal((await newsmend(['run', PAPERS, '--out', marked])).code, 0);
  const records = shardLines(marked, 'articles-');
  const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'corpus-record.schema.json'), 'utf8'));
  const valid = new Ajv().compile(schema);
  for (const record of records) assert.ok(valid(record), JSON.stringify(valid.errors));
  const copies = records.filter((r) => r.metadata.duplicate);
  assert.equal(copies.length, 1, JSON.stringify(records.map((r) => r.text.slice(0, 20))));
  const first = records.find((r) => r.id === copies[0].metadata.duplicate.of);
  assert.match(first!.metadata.source, /reprint-a/);
  assert.match(copies[0].metadata.source, /reprint-b/);
  assert.ok(copies[0].metadata.duplicate.jaccard >= 0.45);
  assert.equal(JSON.parse(readFileSync(join(marked, 'stats.json'), 'utf8')).duplicates.copies, 1);

  const dropped = join(dir, 'dropped');
  assert.equal((await newsmend(['run', PAPERS, '--out', dropped, '--dedup', 'drop'])).code, 0);
  assert.equal(shardLines(dropped, 'articles-').length, records.length - 1);
  const drop = shardLines(dropped, 'drops-').find((d) => d.rule === 'near-duplicate');
  assert.equal(drop?.of, first!.id);
  assert.match(drop!.reason, /the same story as/);
  assert.match(drop!.text, /青州市今年启动老旧小区改造工程/);

  const off = join(dir, 'off');
  assert.equal((await newsmend(['run', PAPERS, '--out', off, '--dedup', 'off'])).code, 0);
  assert.equal(shardLines(off, 'articles-').filter((r) => r.metadata.duplicate).length, 0);
});

test('with --against, a story an archive holds is a copy when the run meets it again', async () => {
  const db = join(dir, 'archive.db');
  const first = join(ROOT, 'test', 'fixtures', 'pages', 'reprint-a.txt');
  assert.equal((await newsmend(['ingest', first, '--db', db])).code, 0);
  const later = join(dir, 'later');
  mkdirSync(later);
  copyFileSync(join(PAPERS, 'reprint-b.txt'), join(later, 'reprint-b.txt'));
  const out = join(dir, 'against');
  const r = await newsmend(['run', later, '--out', out, '--against', db]);
  assert.equal(r.code, 0, r.stderr);
  const copies = shardLines(out, 'articles-').filter((x) => x.metadata.duplicate);
  assert.equal(copies.length, 1);
  const sha = createHash('sha256').update(readFileSync(first)).digest('hex');
  assert.match(copies[0].metadata.duplicate.of, new RegExp(`^${sha.slice(0, 12)}-a\\d+$`));
  const runFile = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
  assert.equal(runFile.against.editions, 1);

  const missing = await newsmend([
    'run',
    later,
    '--out',
    join(dir, 'against-missing'),
    '--against',
    join(dir, 'none.db'),
  ]);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /--against/);
});

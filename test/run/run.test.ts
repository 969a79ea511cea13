/**
 * `newsmend run` as a user meets it: a corpus of files, a gzipped dump and a JSONL file of
 * dumps, bad inputs among them, mended on worker threads into JSONL shards — the records
 * valid against the documented schema, the same bytes whatever the number of workers, and
 * the same bytes after being killed and run again.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, test } from 'node:test';
import { Ajv } from 'ajv';
import type { Edition } from '../../src/model/types.js';
import { CRASH_ENV } from '../../src/run/output.js';
import { shardLines } from './shards.js';
import { newsmend, ROOT, STACK_TRACE } from '../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-run-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PAGES = join(ROOT, 'test', 'fixtures', 'pages');
const page = (name: string) => readFileSync(join(PAGES, name));

/** The dumps of the JSONL file's good lines, by document name. */
const JSONL_TEXTS: Record<string, string> = {};

/** A small corpus in every form `run` reads, with one of each kind of bad input. */
function corpus(): string {
  const root = join(dir, 'corpus');
  mkdirSync(join(root, 'more'), { recursive: true });
  for (const name of readdirSync(PAGES)) copyFileSync(join(PAGES, name), join(root, name));
  copyFileSync(join(PAGES, 'd1-echo.txt'), join(root, 'more', 'same-as-d1.txt'));
  // Other bytes than the fixtures they start from (a trailing line break), or they would be
  // repeats of them, not mended twice.
  const other = (name: string) => `${page(name).toString('utf8')}\n`;
  writeFileSync(join(root, 'more', 'zipped.txt.gz'), gzipSync(other('d3-lost.txt')));
  writeFileSync(join(root, 'more', 'binary.bin'), Buffer.from([0, 1, 2, 255, 0, 0, 7, 0, 0, 9]));
  JSONL_TEXTS['pages.jsonl:1'] = other('d2-split.txt');
  JSONL_TEXTS['pages.jsonl:4'] = other('wrap-indent.txt');
  const records = [
    JSON.stringify({ id: 'p1', date: '2020-01-05', text: other('d2-split.txt') }),
    '{not json',
    JSON.stringify({ id: 'p3', body: 'no text field' }),
    JSON.stringify({ id: 'p4', text: other('wrap-indent.txt') }),
  ];
  writeFileSync(join(root, 'more', 'pages.jsonl'), records.join('\n') + '\n');
  return root;
}
const CORPUS = corpus();

/** Every file of an output folder, name → bytes. */
function files(out: string): Map<string, Buffer> {
  return new Map(
    readdirSync(out)
      .sort()
      .map((n) => [n, readFileSync(join(out, n))]),
  );
}

const args = (out: string, ...more: string[]) => [
  'run',
  CORPUS,
  '--out',
  out,
  '--shard-docs',
  '3',
  ...more,
];

const reference = join(dir, 'reference');
const referenceRun = newsmend(args(reference, '--workers', '2', '--editions'));

test('run writes valid records, lists every document not mended, and counts what each stage did', async () => {
  const r = await referenceRun;
  assert.equal(r.code, 1, r.stderr); // the binary file and the bad JSONL lines are not mended
  assert.doesNotMatch(r.stderr, STACK_TRACE);
  assert.match(
    r.stdout,
    /run: 17 document\(s\): 13 mended into \d+ articles in 6 shard\(s\), 4 not mended/,
  );

  const schema = JSON.parse(readFileSync(join(ROOT, 'docs', 'corpus-record.schema.json'), 'utf8'));
  const valid = new Ajv({ allErrors: true }).compile(schema);
  const records = shardLines(reference, 'articles-');
  assert.ok(records.length >= 10);
  for (const record of records) assert.ok(valid(record), JSON.stringify(valid.errors));
  assert.equal(new Set(records.map((r) => r.id)).size, records.length, 'ids are unique');
  const carried = records.filter(
    (r) => (r.metadata as { input?: { id: string } }).input?.id === 'p1',
  );
  assert.ok(carried.length > 0, 'a JSONL record carries its other fields into metadata.input');

  const drops = shardLines(reference, 'drops-');
  const whole = (rule: string) => drops.filter((d) => d.stage === 'input' && d.rule === rule);
  assert.equal(whole('refused').length, 1);
  assert.equal(whole('repeated-input').length, 1);
  assert.match(String(whole('repeated-input')[0].reason), /d1-echo\.txt/);
  assert.deepEqual(
    whole('unreadable').map((d) => d.reason),
    ['not a JSON line', 'no text field "text" (a string)'],
  );
  const pieceDrops = drops.filter((d) => d.stage !== 'input');
  assert.ok(
    pieceDrops.length > 0 &&
      pieceDrops.every((d) => typeof d.text === 'string' && d.rule && d.reason),
  );

  const stats = JSON.parse(readFileSync(join(reference, 'stats.json'), 'utf8'));
  assert.equal(stats.documents, 17);
  assert.equal(stats.mended, 13);
  // Copies across documents: reprint-b.txt reprints reprint-a.txt's story, and the gzipped dump
  // and two JSONL records hold the stories of three fixtures again (a line break added). The
  // kill tests below resume runs after some of these: the decisions replay from the manifest.
  assert.equal(stats.duplicates.copies, 4);
  assert.deepEqual(stats.notMended, { refused: 1, 'repeated-input': 1, unreadable: 2 });
  assert.equal(stats.articles, records.length);
  const dropped = stats.stages.reduce(
    (n: number, s: { dropped: { chars: number } }) => n + s.dropped.chars,
    0,
  );
  assert.equal(
    dropped,
    pieceDrops.reduce((n, d) => n + String(d.text).length, 0),
  );
  assert.equal(stats.stages.at(-1).charsOut, stats.chars.source - dropped);
});

test('every Edition a run writes rebuilds its source', async () => {
  await referenceRun;
  const { rebuild } = await import('../../src/model/rebuild.js');
  const editions = shardLines(reference, 'editions-') as unknown as Edition[];
  assert.equal(editions.length, 13);
  for (const edition of editions) {
    const { name } = edition.source;
    const expected = name.endsWith('.gz')
      ? gunzipSync(readFileSync(join(CORPUS, 'more', name))).toString('utf8')
      : name.includes(':')
        ? JSONL_TEXTS[name]
        : page(name).toString('utf8');
    assert.equal(rebuild(edition), expected, name);
  }
});

test('one worker writes the same bytes as two', async () => {
  await referenceRun;
  const out = join(dir, 'one-worker');
  const r = await newsmend(args(out, '--workers', '1', '--editions'));
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(files(out), files(reference));
});

/** Start a run and kill it (SIGKILL) after `ms`; resolves when it is gone. */
function killedAfter(out: string, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', ...args(out, '--workers', '1', '--editions')],
      {
        cwd: ROOT,
        stdio: 'ignore',
      },
    );
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

test('a run killed while writing a shard, at each step, and run again, writes the same bytes', async () => {
  await referenceRun;
  for (const point of ['written:1', 'renamed:1', 'manifest:2']) {
    const out = join(dir, `crash-${point.replace(':', '-')}`);
    const killed = await newsmend(args(out, '--workers', '1', '--editions'), undefined, {
      [CRASH_ENV]: point,
    });
    assert.equal(killed.code, null, `the seam killed the run at ${point}`);
    const again = await newsmend(args(out, '--workers', '1', '--editions'));
    assert.equal(again.code, 1, again.stderr);
    assert.match(again.stdout, /done by the earlier run/);
    assert.deepEqual(files(out), files(reference), point);
  }
});

test('a run killed with kill -9 at five moments, and run again, writes the same bytes', async (t) => {
  await referenceRun;
  let midway = 0;
  // Moments from a fixed list spread over a run's life (start-up, mending, writing); wherever
  // each kill lands, the second run must finish the job with the same bytes.
  for (const ms of [300, 1500, 2600, 3400, 4500]) {
    const out = join(dir, `kill-${ms}`);
    await killedAfter(out, ms);
    if (!existsSync(join(out, 'stats.json'))) midway++;
    const again = await newsmend(args(out, '--workers', '1', '--editions'));
    assert.equal(again.code, 1, again.stderr);
    assert.deepEqual(files(out), files(reference), `killed after ${ms} ms`);
  }
  // Where the kills land depends on this machine's speed; the seam test above covers each step.
  t.diagnostic(`${midway} of 5 kills landed before the run had finished`);
});

test('run refuses a folder holding another run or other files, and inputs changed since it began', async () => {
  await referenceRun;
  const other = await newsmend(['run', join(PAGES, 'd1-echo.txt'), '--out', reference]);
  assert.equal(other.code, 1);
  assert.match(other.stderr, /holds a run with other inputs or options/);
  const busy = join(dir, 'busy');
  mkdirSync(busy);
  writeFileSync(join(busy, 'notes.txt'), 'mine');
  const r = await newsmend(['run', join(PAGES, 'd1-echo.txt'), '--out', busy]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /not empty and holds no run/);

  const moving = join(dir, 'moving');
  mkdirSync(moving);
  copyFileSync(join(PAGES, 'd1-echo.txt'), join(moving, 'a.txt'));
  const out = join(dir, 'moving-out');
  assert.equal((await newsmend(['run', moving, '--out', out, '--shard-docs', '1'])).code, 0);
  writeFileSync(join(moving, 'a.txt'), page('d2-split.txt'));
  const changed = await newsmend(['run', moving, '--out', out, '--shard-docs', '1']);
  assert.equal(changed.code, 1);
  assert.match(changed.stderr, /inputs changed since this run began/);
});

test('run explains its use and refuses a wrong call', async () => {
  const help = await newsmend(['run', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /Resumable/);
  for (const wrong of [
    ['run', CORPUS],
    ['run', '--out', join(dir, 'x')],
    ['run', CORPUS, '--out', join(dir, 'y'), '--workers', '0'],
  ]) {
    const r = await newsmend(wrong);
    assert.equal(r.code, 2, wrong.join(' '));
    assert.doesNotMatch(r.stderr, STACK_TRACE);
  }
});

/** Help texts, misuse (exit 2) and output options of the CLI. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { after, describe, test } from 'node:test';
import { fixtureDir, makeDump, utf8 } from '../fixtures/bad/make.js';
import { assertClean, assertRebuilds } from './expect.js';
import { newsmend } from './run.js';

const files = fixtureDir();
after(files.cleanup);
const PAGE = makeDump(5, { articles: 3 });
const page = files.write('page.txt', PAGE);

describe('help and misuse', { concurrency: availableParallelism() }, () => {
  test('newsmend --help lists the commands, exit 0', async () => {
    const run = await newsmend(['--help']);
    assertClean(run, 0);
    assert.match(run.stdout, /Usage: newsmend <command>/u);
    for (const name of ['mend', 'eval', 'synth', 'ingest', 'search', 'serve'])
      assert.match(run.stdout, new RegExp(`^  ${name} `, 'mu'));
  });

  test('newsmend without a command prints the overview on stderr, exit 2', async () => {
    const run = await newsmend([]);
    assertClean(run, 2);
    assert.equal(run.stdout, '', 'misuse writes nothing a pipe would take for output');
    assert.match(run.stderr, /Usage: newsmend/u);
  });

  test('newsmend --version', async () => {
    const run = await newsmend(['--version']);
    assertClean(run, 0);
    assert.match(run.stdout, /^\d+\.\d+\.\d+\n$/u);
  });

  test('newsmend mend --help documents every flag, exit 0', async () => {
    const run = await newsmend(['mend', '--help']);
    assertClean(run, 0);
    for (const flag of [
      '--format',
      '--output',
      '--encoding',
      '--date',
      '--restore',
      '--explain',
      '--quiet',
      'Exit codes',
    ])
      assert.ok(run.stdout.includes(flag), flag);
  });

  const misuse: [string, string[], RegExp][] = [
    ['unknown command', ['mangle'], /unknown command 'mangle'/u],
    ['unknown flag', ['mend', page, '--frobnicate'], /Unknown option '--frobnicate'/u],
    ['no input file', ['mend'], /give exactly one input file/u],
    ['two input files', ['mend', page, page], /give exactly one input file/u],
    ['unknown format', ['mend', page, '--format', 'pdf'], /unknown format 'pdf'/u],
    ['unknown encoding', ['mend', page, '--encoding', 'klingon'], /unknown encoding 'klingon'/u],
    ['bad date', ['mend', page, '--date', '5/9/2025'], /--date wants a calendar date YYYY-MM-DD/u],
    ['no such day', ['mend', page, '--date', '2025-02-30'], /--date wants a calendar date/u],
    [
      'no such month',
      ['ingest', page, '--db', 'unused.db', '--date', '2025-13-01'],
      /--date wants a calendar date/u,
    ],
    ['flag without value', ['mend', page, '--format'], /argument missing|--format/u],
  ];
  for (const [name, args, message] of misuse) {
    test(`misuse: ${name} → exit 2 with a message`, async () => {
      const run = await newsmend(args);
      assertClean(run, 2);
      assert.match(run.stderr, message);
      assert.equal(run.stdout, '');
    });
  }
});

describe('output formats', { concurrency: availableParallelism() }, () => {
  test('--format json is the full edition and rebuilds the input', async () => {
    const run = await newsmend(['mend', page, '--format', 'json']);
    assertClean(run, 0);
    const edition = assertRebuilds(run.stdout, utf8(PAGE));
    assert.equal(edition.schema, 'newsmend-edition@1');
    assert.equal(edition.source.name, 'page.txt');
  });

  test('json is byte-identical across runs (deterministic)', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map(() => newsmend(['mend', page, '--format', 'json'])),
    );
    assert.equal(a.stdout, b.stdout);
  });

  test('--format jsonl: one {id, text, metadata} object per article', async () => {
    const run = await newsmend(['mend', page, '--format', 'jsonl']);
    assertClean(run, 0);
    const lines = run.stdout.trimEnd().split('\n');
    assert.ok(lines.length >= 1);
    for (const line of lines) {
      const record = JSON.parse(line) as { id: string; text: string; metadata: object };
      assert.equal(typeof record.id, 'string');
      assert.ok(record.text.length > 0);
      assert.equal(typeof record.metadata, 'object');
    }
  });

  test('--format md (the default) prints headings', async () => {
    const [md, plain] = await Promise.all([
      newsmend(['mend', page, '--format', 'md']),
      newsmend(['mend', page]),
    ]);
    assertClean(md, 0);
    assert.equal(md.stdout, plain.stdout);
    assert.match(md.stdout, /^#/mu);
  });

  test('--format html prints a standalone page', async () => {
    const run = await newsmend(['mend', page, '--format', 'html']);
    assertClean(run, 0);
    assert.match(run.stdout, /^<!doctype html>/iu);
    assert.match(run.stdout, /<\/html>\s*$/u);
  });

  test('-o writes to a file and nothing to standard output', async () => {
    const out = `${files.dir}/out.json`;
    const run = await newsmend(['mend', page, '--format', 'json', '-o', out]);
    assertClean(run, 0);
    assert.equal(run.stdout, '');
    assertRebuilds(readFileSync(out, 'utf8'), utf8(PAGE));
  });

  test('--output to a folder that does not exist: exit 1, clear message', async () => {
    const run = await newsmend(['mend', page, '-o', `${files.dir}/no/such/dir/out.md`]);
    assertClean(run, 1);
    assert.match(run.stderr, /cannot write|no such/iu);
  });

  test('--quiet hides warnings on stderr', async () => {
    const bad = files.write(
      'bad.txt',
      new Uint8Array([...utf8('中文内容。'), 0xff, ...utf8('更多内容。\n')]),
    );
    const [loud, quiet] = await Promise.all([
      newsmend(['mend', bad]),
      newsmend(['mend', bad, '-q']),
    ]);
    assertClean(loud, 0);
    assertClean(quiet, 0);
    assert.match(loud.stderr, /warning/u);
    assert.equal(quiet.stderr, '');
  });

  test('--explain prints the source with the edits inline', async () => {
    const run = await newsmend(['mend', page, '--explain']);
    assertClean(run, 0);
    assert.ok(run.stdout.length > 0);
  });
});

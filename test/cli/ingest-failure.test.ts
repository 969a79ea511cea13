import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openArchive } from '../../src/archive/db.js';
import { archiveCounts } from '../../src/archive/read.js';
import { FAULT_ENV } from '../../src/cli/fault.js';
import { newsmend, ROOT, STACK_TRACE } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'newsmend-ingest-failure-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PAGES = join(ROOT, 'test', 'fixtures', 'pages');
const FILES = ['d1-echo.txt', 'd2-split.txt', 'd3-lost.txt'];

function batch(): string {
  const folder = join(dir, 'batch');
  mkdirSync(folder, { recursive: true });
  for (const f of FILES) copyFileSync(join(PAGES, f), join(folder, f));
  return folder;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function editions(db: string): number {
  const archive = openArchive(db);
  try {
    return archiveCounts(archive).editions;
  } finally {
    archive.close();
  }
}

test('ingest stores the rest of a batch when a stage fails on one file, and reports it', async () => {
  const folder = batch();
  const db = join(dir, 'a.db');
  const bad = join(folder, 'd2-split.txt');
  const fault = { [FAULT_ENV]: `segment:${sha256(bad)}` };
  const r = await newsmend(['ingest', folder, '--db', db], undefined, fault);
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stdout,
    /ingested 3 source\(s\): 2 added \(\d+ articles\), 0 already present, 1 failed/,
  );
  assert.match(r.stderr, /d2-split\.txt: not stored: stage segment failed/);
  assert.doesNotMatch(r.stderr, STACK_TRACE);
  assert.equal(editions(db), 2);
  // Once the stage works again, a second run picks up the file that failed.
  const again = await newsmend(['ingest', folder, '--db', db]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /1 added \(\d+ articles\), 2 already present, 0 failed/);
  assert.equal(editions(db), 3);
});

test('the fault seam ignores anything but a stage name and the exact hash of a file', async () => {
  const folder = batch();
  const db = join(dir, 'b.db');
  const near = { [FAULT_ENV]: `segment:${'0'.repeat(64)}` };
  const r = await newsmend(['ingest', folder, '--db', db], undefined, near);
  assert.equal(r.code, 0, r.stderr);
  const unknown = { [FAULT_ENV]: `nosuchstage:${sha256(join(folder, 'd1-echo.txt'))}` };
  const u = await newsmend(['ingest', folder, '--db', join(dir, 'c.db')], undefined, unknown);
  assert.equal(u.code, 0, u.stderr);
  assert.match(u.stdout, /3 added/);
  const help = await newsmend(['ingest', '--help']);
  assert.doesNotMatch(help.stdout + help.stderr, new RegExp(FAULT_ENV));
});

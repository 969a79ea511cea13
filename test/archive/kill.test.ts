import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import { openArchive } from '../../src/archive/db.js';
import { articleKey } from '../../src/search/key.js';

/** Enough dumps that the run is still going when the first one is reported. */
const FILES = 400;
/** Paragraphs per dump: makes each one take a while to mend and store. */
const PARAGRAPHS = 60;

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
const dir = mkdtempSync(join(tmpdir(), 'newsmend-kill-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PLACES = ['江北', '南岸', '沙坪', '渝中', '巴南', '长寿'];
const TOPICS = ['河道整治', '社区养老', '乡村公路', '校园安全', '夜间集市', '旧城改造'];

/** A made-up page dump, different for every n. */
function dump(n: number): string {
  const place = PLACES[n % PLACES.length];
  const topic = TOPICS[(n >> 2) % TOPICS.length];
  const lines = [
    `${place}区${topic}第${n}期工作推进`,
    '',
    `本报${place}3月${(n % 28) + 1}日电 ${place}区近日召开${topic}推进会。`,
    '',
  ];
  for (let i = 0; i < PARAGRAPHS; i++)
    lines.push(`第${n}号简报第${i}段：${place}区${topic}工作有序开展，群众反映良好。`, '');
  return lines.join('\n');
}

/** Articles with no row in the full-text index under their key. */
function unindexed(db: ReturnType<typeof openArchive>): number {
  const indexed = db.prepare('SELECT 1 FROM article_fts WHERE rowid = ?');
  const rows = db.prepare('SELECT id, date FROM articles').all() as {
    id: number;
    date: string | null;
  }[];
  return rows.filter((a) => indexed.get(articleKey(a.id, a.date)) === undefined).length;
}

function counts(path: string) {
  const db = openArchive(path);
  try {
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      sources: one('SELECT count(*) AS n FROM sources'),
      editions: one('SELECT count(*) AS n FROM editions'),
      distinct: one('SELECT count(DISTINCT sha256) AS n FROM sources'),
      orphanSources: one(
        'SELECT count(*) AS n FROM sources s WHERE NOT EXISTS (SELECT 1 FROM editions e WHERE e.source_id = s.id)',
      ),
      partial: one(
        'SELECT count(*) AS n FROM editions e WHERE e.articles != (SELECT count(*) FROM articles a WHERE a.edition_id = e.id) OR e.edits != (SELECT count(*) FROM edits x WHERE x.edition_id = e.id)',
      ),
      unindexed: unindexed(db),
    };
  } finally {
    db.close();
  }
}

test('an ingest killed mid-run leaves no partial edition, and a rerun completes it', async () => {
  const inputs = join(dir, 'dumps');
  mkdirSync(inputs);
  for (let n = 0; n < FILES; n++)
    writeFileSync(join(inputs, `page-${String(n).padStart(4, '0')}.txt`), dump(n));
  const db = join(dir, 'archive.db');

  const child = spawn(process.execPath, [...CLI, 'ingest', inputs, '--db', db, '--verbose'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let seen = 0;
  const exited = new Promise<NodeJS.Signals | null>((done) =>
    child.on('exit', (_code, signal) => done(signal)),
  );
  child.stderr.on('data', (chunk: Buffer) => {
    seen += chunk
      .toString()
      .split('\n')
      .filter((l) => l.startsWith('added ')).length;
    if (seen >= 3) child.kill('SIGKILL');
  });
  assert.equal(await exited, 'SIGKILL', 'the ingest was killed, not finished');

  const mid = counts(db);
  assert.equal(mid.integrity, 'ok');
  assert.ok(
    mid.editions >= 3 && mid.editions < FILES,
    `killed mid-run (${mid.editions} of ${FILES} stored)`,
  );
  assert.equal(mid.sources, mid.editions);
  assert.equal(mid.orphanSources, 0);
  assert.equal(mid.partial, 0);
  assert.equal(mid.unindexed, 0);

  const rerun = spawnSync(process.execPath, [...CLI, 'ingest', inputs, '--db', db], {
    encoding: 'utf8',
  });
  assert.equal(rerun.status, 0, rerun.stderr);
  assert.match(
    rerun.stdout,
    new RegExp(
      `ingested ${FILES} source\\(s\\): ${FILES - mid.editions} added .* ${mid.editions} already present, 0 failed`,
    ),
  );

  const end = counts(db);
  assert.deepEqual(end, {
    integrity: 'ok',
    sources: FILES,
    editions: FILES,
    distinct: FILES,
    orphanSources: 0,
    partial: 0,
    unindexed: 0,
  });
});

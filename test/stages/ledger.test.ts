/**
 * The ledger's promises, checked on the code and on real output: every rule id the code can
 * write is in the registry, defined in one file (its stage's rules.ts) and documented in
 * docs/rules.md; every registry rule is used by code and is written on some input; entries
 * lead to their rule and their refs resolve; every piece of every article is labelled and
 * every article start is a split.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { articleParts } from '../../src/model/parts.js';
import type { Edition, MendOptions } from '../../src/model/types.js';
import { mend } from '../../src/pipeline.js';
import { ALL_RULES, RULE_TABLES, categoryOf, ruleById } from '../../src/stages/registry.js';
import { FURNITURE } from '../../src/text/furniture.js';
import { furnitureKey } from '../../src/text/furniture-key.js';
import { makeCorpus } from '../property/newspaper.js';
import { readFixture, ROOT } from '../helpers.js';

const SRC = join(ROOT, 'src');
const STAGE_NAMES = Object.keys(RULE_TABLES);
const REGISTERED = new Set<string>(ALL_RULES.map((r) => r.id));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const FILES = new Map(sourceFiles(SRC).map((p) => [relative(ROOT, p), readFileSync(p, 'utf8')]));

/** Quoted strings shaped like a rule id (`stage.name`) in the source. */
const ID_LITERAL = new RegExp(
  `(['"\`])((?:${[...STAGE_NAMES, 'metadata'].join('|')})\\.[a-z][a-z-]*)\\1`,
  'g',
);
const FILE_NAME = /\.(?:js|ts|json)$/;

function idLiterals(): Map<string, Set<string>> {
  const where = new Map<string, Set<string>>();
  for (const [file, text] of FILES)
    for (const m of text.matchAll(ID_LITERAL)) {
      if (FILE_NAME.test(m[2])) continue;
      if (!where.has(m[2])) where.set(m[2], new Set());
      where.get(m[2])!.add(file);
    }
  return where;
}

test('the registry: unique ids named after their stage, each with its docs anchor and confidence note', () => {
  assert.equal(REGISTERED.size, ALL_RULES.length, 'rule ids are unique');
  for (const [stage, table] of Object.entries(RULE_TABLES))
    for (const rule of Object.values(table)) {
      assert.equal(rule.stage, stage, rule.id);
      assert.ok(rule.id.startsWith(`${stage}.`), rule.id);
      assert.equal(rule.docs, `docs/rules.md#${rule.id}`);
      assert.ok(rule.confidenceNote.length > 10, `${rule.id} says how its confidence was set`);
      assert.equal(ruleById(rule.id), rule);
    }
});

test('docs/rules.md has one row per registry rule and no row for anything else', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'rules.md'), 'utf8');
  const anchors = [...doc.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
  assert.equal(new Set(anchors).size, anchors.length, 'each id has one row');
  assert.deepEqual([...anchors].sort(), [...REGISTERED].sort());
});

test('every rule id in the source is registered and defined in one file, its stage’s rules.ts', () => {
  const where = idLiterals();
  for (const [id, files] of where) {
    if (REGISTERED.has(id)) {
      const stage = id.slice(0, id.indexOf('.'));
      assert.deepEqual([...files], [`src/stages/${stage}/rules.ts`], `${id} is defined once`);
    } else {
      // Ids of editions stored before the rule tables are only named to read those editions.
      assert.deepEqual([...files], ['src/stages/registry.ts'], `${id} is not in the registry`);
      const actions = ['join', 'flag', 'label'] as const;
      assert.ok(
        actions.some((action) => categoryOf({ rule: id, action }) !== undefined),
        `${id} has a category for stored editions`,
      );
    }
  }
  for (const id of REGISTERED)
    assert.ok(where.has(id), `${id} is written literally where it is defined`);
});

test('only the stage context writes to the ledger', () => {
  for (const [file, text] of FILES)
    if (file !== 'src/stages/context.ts')
      assert.doesNotMatch(text, /ledger\.add\(/, `${file} writes to the ledger directly`);
});

/**
 * Tables a stage reads with a computed key (`RULES[kind]`): the keys it can reach. Boilerplate
 * picks its rule by the furniture kind, segment its labels by the part's role.
 */
const DYNAMIC_KEYS: Record<string, ReadonlySet<string>> = {
  boilerplate: new Set(FURNITURE.map((f) => f.kind)),
  segment: new Set([
    'kicker',
    'headline',
    'subheadline',
    'dateline',
    'sourceTag',
    'related',
    'subhead',
  ]),
};

test('every registry rule is used by its stage’s code', () => {
  assert.deepEqual(
    Object.keys(RULE_TABLES.boilerplate).sort(),
    [...DYNAMIC_KEYS.boilerplate, 'learned', 'layout'].sort(),
    "one boilerplate rule per kind of furniture, one for furniture a corpus run learned, one for a PDF page's bands",
  );
  for (const [stage, table] of Object.entries(RULE_TABLES)) {
    const code = [...FILES]
      .filter(([f]) => f.startsWith(`src/stages/${stage}/`) && !f.endsWith('/rules.ts'))
      .map(([, text]) => text)
      .join('\n');
    const computed = /\bRULES\[(?!['"])/.test(code);
    for (const key of Object.keys(table)) {
      const named =
        new RegExp(`\\bRULES\\.${key}\\b`).test(code) || code.includes(`RULES['${key}']`);
      const reached = computed && (DYNAMIC_KEYS[stage]?.has(key) ?? false);
      assert.ok(named || reached, `${stage} rule ${key} is used by no code`);
    }
  }
});

/** Short inputs for the rules the fixtures and synthetic pages do not reach. */
const CRAFTED = [
  [
    '分享到微信',
    '————————',
    '发布时间：2025-05-08 10:00',
    '上一版 下一版 返回目录',
    'A03 要闻',
    '— 4 —',
  ].join('\n\n') + '\n\n河道整治\n\n本报讯  近日，河道整治完成，沿岸群众纷纷点赞。\n',
  '城乡生态治理新观察\n\n编者按：本版聚焦城乡生态治理。\n\n本报讯  近日，北碚区召开推进会，部署河道整治工作。\n',
  '中日青年交流活动举行\n\n本报讯  他在日本留学。日本的樱花开了。他访问日本，了解日本企业，后来又去了曰本。\n',
];

/** A page mended with furniture a corpus run learned for its source. */
const LEARNED: { name: string; text: string; options: MendOptions } = {
  name: 'learned furniture',
  text: '青山日报社出版  第8版\n\n河道整治\n\n本报讯  近日，河道整治完成，沿岸群众纷纷点赞。\n',
  options: {
    furniture: {
      source: 'papers/qingshan',
      documents: 40,
      lines: { [furnitureKey('青山日报社出版  第1版')]: 38 },
    },
  },
};

/** A PDF page as its layout was read (src/pdf/): a header band, and the display lines' roles. */
const LAYOUT_TEXT = '山城晚报\n\n第5版\n\n河道整治\n\n近日，河道整治完成，沿岸群众纷纷点赞。\n';
const LAYOUT: { name: string; text: string; options: MendOptions } = {
  name: 'pdf layout',
  text: LAYOUT_TEXT,
  options: {
    layout: {
      furniture: [
        { start: 0, end: 4, band: 'header', page: 1 },
        { start: 6, end: 9, band: 'header', page: 1 },
      ],
      display: [
        {
          start: LAYOUT_TEXT.indexOf('河道整治'),
          end: LAYOUT_TEXT.indexOf('近日'),
          role: 'headline',
          opens: true,
        },
      ],
    },
  },
};

function corpus(): { name: string; text: string; options?: MendOptions }[] {
  const pages = readdirSync(join(ROOT, 'test', 'fixtures', 'pages')).map((f) => ({
    name: f,
    text: readFixture(f),
  }));
  const seed = join(ROOT, '..', 'shared', 'eval', 'real', 'seed-2025-05-09', 'input.txt');
  return [
    ...pages,
    { name: 'examples/page.txt', text: readFixture('../../../examples/page.txt') },
    ...(statSync(seed, { throwIfNoEntry: false })
      ? [{ name: 'seed', text: readFileSync(seed, 'utf8') }]
      : []),
    ...CRAFTED.map((text, i) => ({ name: `crafted ${i}`, text })),
    LEARNED,
    LAYOUT,
    ...makeCorpus(20250509, 400_000).map((text, i) => ({ name: `synthetic ${i}`, text })),
  ];
}

/** Ids an entry may refer to: articles, residue items, edits. */
function ids(e: Edition): Set<string> {
  return new Set([
    ...e.articles.map((a) => a.id),
    ...e.residue.map((r) => r.id),
    ...e.edits.map((x) => x.id),
  ]);
}

function checkEntries(name: string, e: Edition): void {
  const known = ids(e);
  for (const x of e.edits) {
    const rule = ruleById(x.rule);
    assert.ok(rule, `${name} ${x.id}: ${x.rule} is not in the registry`);
    assert.equal(x.stage, rule.stage, `${name} ${x.id}`);
    assert.equal(x.action, rule.action, `${name} ${x.id}`);
    assert.equal(x.category, rule.category, `${name} ${x.id}`);
    assert.ok(x.confidence >= 0 && x.confidence <= 1, `${name} ${x.id} confidence`);
    for (const ref of x.refs ?? [])
      assert.ok(known.has(ref), `${name} ${x.id}: ref ${ref} resolves`);
    for (const s of x.spans) assert.ok(0 <= s.start && s.start <= s.end && s.end <= e.source.chars);
    if (x.action === 'split')
      assert.equal(typeof x.facts?.at, 'number', `${name} ${x.id}: a cut has facts.at`);
  }
}

/** Every piece of every article has one segment label; every article one split at its start. */
function checkStructure(name: string, e: Edition): void {
  const labels = new Map<string, string[]>();
  const splits = new Map<string, number[]>();
  for (const x of e.edits) {
    if (x.stage !== 'segment') continue;
    const article = x.refs?.[0] ?? '';
    if (x.action === 'label')
      labels.set(article, [...(labels.get(article) ?? []), JSON.stringify([x.role, x.spans])]);
    if (x.action === 'split')
      splits.set(article, [...(splits.get(article) ?? []), x.spans[0].start]);
  }
  for (const a of e.articles) {
    const parts = articleParts(a).filter((p) => p.spans.length > 0);
    const want = parts.map((p) => JSON.stringify([p.role, p.spans])).sort();
    assert.deepEqual(
      [...(labels.get(a.id) ?? [])].sort(),
      want,
      `${name} ${a.id}: one label per piece`,
    );
    const first = Math.min(...parts.map((p) => p.spans[0].start));
    assert.deepEqual(splits.get(a.id), [first], `${name} ${a.id}: one split, at its first span`);
  }
}

test('on fixtures, the example, the seed page and synthetic pages every entry leads to its rule', () => {
  const emitted = new Set<string>();
  for (const { name, text, options } of corpus()) {
    // Segment decides by the page-structure model, or by the hand rules when asked: both write.
    for (const structure of ['model', 'rules'] as const) {
      const e = mend(text, { ...options, structure });
      checkEntries(name, e);
      checkStructure(name, e);
      for (const x of e.edits) emitted.add(x.rule);
    }
  }
  const never = [...REGISTERED].filter((id) => !emitted.has(id));
  assert.deepEqual(never, [], 'every registry rule is written on some input');
});

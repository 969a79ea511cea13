import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rebuild } from '../../src/model/rebuild.js';
import { mendWith, STAGES } from '../../src/pipeline.js';
import { RULES as BLOCKS } from '../../src/stages/blocks/rules.js';
import type { Stage, StageName } from '../../src/stages/stage.js';
import { readFixture } from '../helpers.js';

const PAGE = readFixture('../../../examples/page.txt');

/** The pipeline with stage `name` replaced by `stage`. */
function replacing(name: StageName, stage: Stage): Stage[] {
  return STAGES.map((s) => (s.name === name ? stage : s));
}

function throwing(name: StageName, thrown: unknown = new Error('boom')): Stage {
  return {
    name,
    run() {
      throw thrown;
    },
  };
}

function failures(edition: ReturnType<typeof mendWith>) {
  return edition.messages.filter((m) => m.code === 'stage-failed');
}

test('a stage that throws becomes an error naming it; the rest runs and the source rebuilds', () => {
  const e = mendWith(replacing('segment', throwing('segment')), PAGE);
  assert.deepEqual(failures(e), [
    { severity: 'error', code: 'stage-failed', text: 'stage segment failed: boom' },
  ]);
  assert.equal(rebuild(e), PAGE);
  assert.equal(e.articles.length, 0);
  // What segment would have placed is kept in the residue by the coverage guard.
  assert.ok(e.residue.some((r) => r.text.includes('临江市全面推行河湖长制取得新进展')));
  // The stages before and after it ran: furniture is dropped, every stage has its stats row.
  assert.ok(e.edits.some((x) => x.rule === 'boilerplate.qr-code'));
  assert.deepEqual(
    e.stats.stages.map((s) => s.stage),
    STAGES.map((s) => s.name),
  );
  assert.equal(e.stats.stages.find((s) => s.stage === 'segment')?.failed, 1);
});

test('the first stage failing leaves the whole text in the residue, rebuilt exactly', () => {
  const e = mendWith(replacing('blocks', throwing('blocks', 'not even an Error')), PAGE);
  assert.equal(failures(e).length, 1);
  assert.match(failures(e)[0].text, /^stage blocks failed/);
  assert.equal(rebuild(e), PAGE);
  assert.ok(e.residue.length > 0);
});

test('a stage that fails half way keeps what it recorded and the source still rebuilds', () => {
  const dedupe = STAGES.find((s) => s.name === 'dedupe')!;
  const halfway: Stage = {
    name: 'dedupe',
    run(doc, ctx) {
      dedupe.run(doc, ctx);
      throw new Error('after dropping');
    },
  };
  const e = mendWith(replacing('dedupe', halfway), PAGE);
  assert.equal(failures(e).length, 1);
  assert.ok(e.edits.some((x) => x.rule === 'dedupe.exact'));
  assert.equal(rebuild(e), PAGE);
  assert.equal(
    e.messages.filter((m) => m.severity === 'error').length,
    1,
    'no overlap or lost text besides the failure',
  );
});

test("a stage using another stage's rule is a programming error, contained like any other", () => {
  const wrong: Stage = {
    name: 'dedupe',
    run(doc, ctx) {
      // Deliberately wrong: the context is bound to dedupe, the rule belongs to blocks.
      ctx.join(BLOCKS.hardWrap as never, []);
      return {};
    },
  };
  const e = mendWith(replacing('dedupe', wrong), PAGE);
  assert.match(failures(e)[0].text, /the dedupe stage used blocks\.hard-wrap/);
  assert.equal(rebuild(e), PAGE);
});

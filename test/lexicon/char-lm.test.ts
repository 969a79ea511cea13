import assert from 'node:assert/strict';
import test from 'node:test';
import {
  CLAUSE,
  PARAGRAPH,
  SENTENCE_END,
  lmSymbols,
  logProb,
  shippedLm,
  type GramCounts,
} from '../../src/lexicon/char-lm.js';
import { openingGain, opensLikeSentence } from '../../src/text/sentence-lm.js';

test('the language model reads punctuation by class and skips whitespace', () => {
  assert.equal(
    lmSymbols('山城！夜 班，3号\n'),
    `山城${SENTENCE_END}夜班${CLAUSE}00号${PARAGRAPH}`.replace('00', '0'),
  );
});

/** Counts of a made-up corpus, by hand: 城 follows 山 often, 海 never. */
function tiny(): GramCounts {
  const grams = new Map(
    Object.entries({ 山: 10, 城: 10, 海: 5, 山城: 8, 城海: 0, 夜: 4, 山城夜: 6 }),
  );
  return { count: (g) => grams.get(g) ?? 0, total: 100 };
}

test('log probability interpolates the trigram, bigram and unigram estimates', () => {
  const lm = tiny();
  const unigram = (n: number) => (n + 0.5) / (100 + 8000);
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-12, `${a} vs ${b}`);
  close(logProb(lm, '山城', '夜'), Math.log(0.6 * (6 / 8) + 0.1 * unigram(4)));
  close(logProb(lm, '山', '城'), Math.log((0.3 * (8 / 10) + 0.1 * unigram(10)) / 0.4));
  // 海 after 山城: no trigram, no bigram — only the unigram's share is left.
  close(logProb(lm, '山城', '海'), Math.log(0.1 * unigram(5)));
});

test(
  'the shipped model knows running news text from a broken seam',
  { skip: !shippedLm() && 'no data/char-lm.txt.gz' },
  () => {
    const lm = shippedLm()!;
    assert.ok(lm.total > 1_000_000);
    // 发展 is a word of every news page; 展 after 发 is far likelier than on its own.
    assert.ok(logProb(lm, '经济发', '展') > logProb(lm, '', '展') + 2);
    // A full stop after 发展 is plausible, after 的 it is not.
    assert.ok(logProb(lm, '发展', SENTENCE_END) > logProb(lm, '发展的', SENTENCE_END) + 2);
  },
);

test(
  'the opening gain reads connective openers as sentence starts and broken heads as not',
  { skip: !shippedLm() && 'no data/char-lm.txt.gz' },
  () => {
    const lm = shippedLm()!;
    // The figures text/sentence-lm.ts quotes for OPENER_GAIN.
    for (const opener of ['比如，每年组织', '例如，有些音乐', '经查，该同志']) {
      const gain = openingGain(lm, opener);
      assert.ok(gain >= 1.5, `${opener}: ${gain}`);
      assert.equal(opensLikeSentence(opener), true);
    }
    for (const head of ['的红毯两端相向', '们对县级规划', '宣布，美国将']) {
      const gain = openingGain(lm, head);
      assert.ok(gain < -1, `${head}: ${gain}`);
      assert.equal(opensLikeSentence(head), false);
    }
  },
);

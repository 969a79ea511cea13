import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { nonSourceText, robustnessSweep } from '../../src/eval/robustness.js';
import { mend } from '../../src/index.js';

/** A made-up page whose only dateline is its closing source tag. */
const PAGE =
  '城西公园完成改造重新开放\n\n' +
  '经过半年施工，城西公园昨日重新向市民开放。改造后的公园新增步道三公里，种植树木两千余株。\n\n' +
  '公园管理处负责人介绍，园内还增设了儿童游乐区和健身器材。\n\n' +
  '（新华社南京3月5日电）\n';

describe('robustness sweep', () => {
  it('a dateline read from the source tag is source text (checked against the tag)', () => {
    const edition = mend(PAGE);
    const [article] = edition.articles;
    assert.equal(article.dateline?.fromSourceTag, true, 'the page must give such a dateline');
    assert.deepEqual(article.dateline?.spans, []);
    assert.equal(nonSourceText(edition, PAGE), undefined);

    const dir = mkdtempSync(join(tmpdir(), 'newsmend-robustness-'));
    try {
      writeFileSync(join(dir, 'pages.jsonl'), `${JSON.stringify({ content: PAGE })}\n`);
      const report = robustnessSweep(dir);
      assert.equal(report.records, 1);
      assert.equal(report.nonSource, 0, JSON.stringify(report.examples));
      assert.equal(report.crashes + report.rebuildFailures + report.emptyOutput, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('still finds text that is not the source: a retyped part, a dateline unlike its tag', () => {
    const retyped = mend(PAGE);
    retyped.articles[0].body[0].text = retyped.articles[0].body[0].text.replace('半年', '一年');
    assert.match(nonSourceText(retyped, PAGE) ?? '', /^a1 body\[0\]: /);

    const wrongDateline = mend(PAGE);
    wrongDateline.articles[0].dateline!.text = '（新华社上海3月5日电）';
    assert.match(nonSourceText(wrongDateline, PAGE) ?? '', /^a1 dateline: .*source tag/);
  });
});

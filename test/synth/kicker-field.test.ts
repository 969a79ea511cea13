import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRecord } from '../../src/synth/parse.js';
import { articleBlocks } from '../../src/synth/render.js';

// A made-up record in the shape of page files that carry the kicker (引题) as a field.
const RECORD = {
  date: '2020-03-02',
  page: 4,
  order: 1,
  kicker: '春耕时节走田间',
  title: '新式农机开进了山村',
  subtitle: null,
  content: '本报长沙3月1日电  清晨，村口的晒谷场上停着三台新买的插秧机。\n村民们围着机手问个不停。',
};

describe('synth: kicker as a record field', () => {
  it('takes the kicker from the field into the gold', () => {
    const article = parseRecord(RECORD);
    assert.equal(article.kicker, '春耕时节走田间');
    assert.equal(article.headline, '新式农机开进了山村');
  });

  it('prints the kicker above the headline in the dump', () => {
    const texts = articleBlocks(parseRecord(RECORD), 0).map((b) => b.text);
    assert.deepEqual(texts.slice(0, 2), ['春耕时节走田间', '新式农机开进了山村']);
  });
});

import assert from 'node:assert/strict';
import test from 'node:test';
import { DATELINE, parseDateline } from '../../src/text/dateline.js';

test("a news site's lead (…网消息（programme）：) is a dateline; 据…消息， inside a sentence is not", () => {
  // Made-up lines in the style of web and broadcast news.
  const lead = '人民网消息（晚间快报）：城东新修的步道今天向市民开放。';
  assert.equal(DATELINE.exec(lead)?.[0], '人民网消息（晚间快报）：');
  assert.equal(parseDateline('人民网消息（晚间快报）：')?.agency, '人民网');
  assert.equal(DATELINE.exec('央广网消息:河边的新公园开园。')?.[0], '央广网消息:');
  assert.equal(DATELINE.exec('据新华社消息，河边的新公园开园。'), null);
  assert.equal(DATELINE.exec('有关方面消息：新公园开园。'), null);
});

test('the agency datelines still read as before', () => {
  const parts = parseDateline('新华社南宁3月5日电');
  assert.deepEqual(parts, { agency: '新华社', place: '南宁', monthDay: { month: 3, day: 5 } });
  assert.equal(DATELINE.exec('本报讯（记者 林某）社区食堂开张。')?.[0], '本报讯（记者 林某）');
});

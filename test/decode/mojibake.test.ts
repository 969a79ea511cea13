/** Mojibake is reported with a repaired sample; the text itself is never changed. */
import assert from 'node:assert/strict';
import test from 'node:test';
import { decode, detectMojibake } from '../../src/decode/index.js';
import { encodeGbk } from './encode.js';

const TEXT = '本报讯 今年以来，社区居民建成了一批便民服务点，受到群众欢迎。\n';
const utf8 = (s: string) => Buffer.from(s, 'utf8');

test('UTF-8 read as Windows-1252 and saved again', () => {
  const damaged = new TextDecoder('windows-1252').decode(utf8(TEXT));
  const found = detectMojibake(damaged);
  assert.equal(found?.kind, 'utf8-as-latin1');
  assert.ok(TEXT.startsWith(found.repaired.slice(0, 3)));
  const d = decode(new Uint8Array(utf8(damaged)));
  assert.equal(d.text, damaged, 'text stays source text');
  const m = d.messages.find((x) => x.code === 'mojibake');
  assert.equal(m?.severity, 'warning');
  assert.match(m.text, /Latin-1/);
  assert.match(m.text, /本报讯/);
});

test('UTF-8 read as Latin-1 (C1 controls kept) is recognised too', () => {
  const damaged = utf8(TEXT).toString('latin1');
  assert.equal(detectMojibake(damaged)?.kind, 'utf8-as-latin1');
});

test('GBK read as Windows-1252', () => {
  const damaged = new TextDecoder('windows-1252').decode(encodeGbk(TEXT));
  const found = detectMojibake(damaged);
  assert.equal(found?.kind, 'gbk-as-latin1');
  assert.match(found.repaired, /^本报讯/);
});

test('UTF-8 read as GBK', () => {
  const damaged = new TextDecoder('gbk').decode(utf8(TEXT));
  const found = detectMojibake(damaged);
  assert.equal(found?.kind, 'utf8-as-gbk');
  assert.ok(found.span.end > found.span.start);
  assert.ok(/[\u4e00-\u9fff]{3}/u.test(found.repaired));
  assert.ok(TEXT.includes(found.repaired.replace(/\ufffd/gu, '').slice(0, 3)));
});

test('clean Chinese, English and accented text are not mojibake', () => {
  assert.equal(detectMojibake(TEXT.repeat(20)), undefined);
  assert.equal(detectMojibake('The café served crème brûlée to the naïve.'), undefined);
  assert.equal(detectMojibake('Äpfel, Öl und Übermut — schön!'), undefined);
  assert.equal(detectMojibake(''), undefined);
});

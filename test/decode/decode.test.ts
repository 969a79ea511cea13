/** One test per branch of src/decode/index.ts, with fixtures written here. */
import assert from 'node:assert/strict';
import test from 'node:test';
import { decode } from '../../src/decode/index.js';
import { encodeGbk, hasIconv, iconvEncode } from './encode.js';

const SIMPLIFIED =
  '新华社北京3月2日电 今天上午，市政府召开新闻发布会，介绍春季农业生产情况。\n记者从会上获悉，全市已完成播种面积三十万亩。\n';
const TRADITIONAL =
  '臺北電 今天上午，市政府召開記者會，說明春季農業生產情況。\n全市已經完成播種面積三十萬畝。\n';
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const codes = (d: { messages: { code: string }[] }) => d.messages.map((m) => m.code);
const noIconv = hasIconv() ? false : 'the iconv binary is not installed';

test('a string is taken as it is', () => {
  const d = decode(SIMPLIFIED);
  assert.equal(d.text, SIMPLIFIED);
  assert.equal(d.encoding, 'utf-16 (string)');
  assert.deepEqual(d.messages, []);
  assert.equal(d.bytes, Buffer.byteLength(SIMPLIFIED));
});

test('empty bytes decode to empty text without messages', () => {
  const d = decode(new Uint8Array());
  assert.equal(d.text, '');
  assert.equal(d.binary, false);
  assert.deepEqual(d.messages, []);
});

test('strict UTF-8', () => {
  const d = decode(utf8(SIMPLIFIED));
  assert.equal(d.text, SIMPLIFIED);
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.confidence, 1);
  assert.match(d.sha256, /^[0-9a-f]{64}$/);
});

test('UTF-8 BOM is removed from the text and reported', () => {
  const d = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(SIMPLIFIED)]));
  assert.equal(d.text, SIMPLIFIED);
  assert.equal(d.encoding, 'utf-8');
  assert.deepEqual(codes(d), ['bom']);
  assert.equal(d.bytes, Buffer.byteLength(SIMPLIFIED) + 3);
});

test('UTF-16LE and UTF-16BE with BOM', () => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SIMPLIFIED, 'utf16le')]);
  const be = Buffer.from(le).swap16();
  for (const [bytes, label] of [
    [le, 'utf-16le'],
    [be, 'utf-16be'],
  ] as const) {
    const d = decode(new Uint8Array(bytes));
    assert.equal(d.text, SIMPLIFIED, label);
    assert.equal(d.encoding, label);
  }
});

test('UTF-16 without BOM is recognised from its zero bytes (Chinese and ASCII-rich)', () => {
  for (const text of [SIMPLIFIED, 'Page 3: the city opened a new library today.\n']) {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    assert.equal(decode(new Uint8Array(le)).encoding, 'utf-16le');
    assert.equal(decode(new Uint8Array(le)).text, text);
    assert.equal(decode(new Uint8Array(be)).encoding, 'utf-16be');
    assert.equal(decode(new Uint8Array(be)).text, text);
  }
});

test('UTF-16 without BOM whose zero bytes mislead: 一 (U+4E00), 开 (U+5F00) put zeros on the other side', () => {
  // Few line breaks and many characters whose code unit ends in 00: the zero-byte pattern is mixed,
  // so only reading the text tells the byte order. A page of it, and a line without any zero.
  const page = `一年一度的开学季到了。${'一所所学校开门迎新，一位位老师开讲第一课，一切井然有序。'.repeat(40)}\n市教育局开通了一条咨询热线。\n`;
  for (const text of [page, '一所学校开门迎新一位老师开讲第一课一切顺利']) {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, label] of [
      [le, 'utf-16le'],
      [be, 'utf-16be'],
    ] as const) {
      const d = decode(new Uint8Array(bytes));
      assert.equal(d.encoding, label);
      assert.equal(d.text, text);
      assert.ok(!d.messages.some((m) => m.code === 'binary-input'));
    }
  }
});

test('UTF-32 with BOM (both byte orders)', () => {
  const code = [...SIMPLIFIED].map((c) => c.codePointAt(0)!);
  const le = new Uint8Array(4 + 4 * code.length);
  const view = new DataView(le.buffer);
  le.set([0xff, 0xfe, 0, 0]);
  code.forEach((c, i) => view.setUint32(4 + 4 * i, c, true));
  const d = decode(le);
  assert.equal(d.encoding, 'utf-32le');
  assert.equal(d.text, SIMPLIFIED);
  const be = new Uint8Array(le.length);
  const beView = new DataView(be.buffer);
  be.set([0, 0, 0xfe, 0xff]);
  code.forEach((c, i) => beView.setUint32(4 + 4 * i, c, false));
  assert.equal(decode(be).text, SIMPLIFIED);
});

test('GBK bytes (in-process encoder) are detected as GB18030', () => {
  const d = decode(encodeGbk(SIMPLIFIED));
  assert.equal(d.encoding, 'gb18030');
  assert.equal(d.text, SIMPLIFIED);
  assert.ok(codes(d).includes('encoding-detected'));
});

test('GB18030 bytes from iconv, including a four-byte character', { skip: noIconv }, () => {
  const text = `${SIMPLIFIED}生僻字：𠀀。\n`;
  const d = decode(iconvEncode(text, 'GB18030'));
  assert.equal(d.encoding, 'gb18030');
  assert.equal(d.text, text);
});

test('Big5 bytes are detected as Big5', { skip: noIconv }, () => {
  const d = decode(iconvEncode(TRADITIONAL, 'BIG5'));
  assert.equal(d.encoding, 'big5');
  assert.equal(d.text, TRADITIONAL);
});

test('a forced encoding wins over detection, and its BOM is removed', () => {
  const gbk = encodeGbk(SIMPLIFIED);
  assert.equal(decode(gbk, 'GB18030').text, SIMPLIFIED);
  assert.equal(decode(gbk, 'gb18030').encoding, 'gb18030');
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('中文', 'utf16le')]);
  assert.equal(decode(new Uint8Array(le), 'utf-16le').text, '中文');
  const wrong = decode(utf8(SIMPLIFIED), 'big5');
  assert.equal(wrong.encoding, 'big5');
});

test('damaged UTF-8 stays UTF-8: bad bytes become U+FFFD, with a warning and position', () => {
  const bytes = new Uint8Array([
    ...utf8('新华社北京'),
    0xff,
    0xe4,
    0xb8,
    ...utf8('电。今天上午。'),
  ]);
  const d = decode(bytes);
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.text, '新华社北京\ufffd\ufffd电。今天上午。');
  const warning = d.messages.find((m) => m.code === 'invalid-bytes');
  assert.ok(warning);
  assert.equal(warning.severity, 'warning');
  assert.deepEqual(warning.span, { start: 5, end: 6 });
  assert.ok(d.confidence < 1);
});

test('a few garbage bytes are not mistaken for a legacy encoding', () => {
  const d = decode(new Uint8Array([0xe4, 0xb8, 0x41, 0x0a, 0xff]));
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.binary, false);
  assert.ok(codes(d).includes('invalid-bytes'));
});

test('file signatures mark binary input (PNG, PDF, ZIP…)', () => {
  const png = new Uint8Array(64);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const d = decode(png);
  assert.equal(d.binary, true);
  assert.equal(d.encoding, 'binary');
  assert.match(d.messages[0].text, /PNG image/);
  assert.match(decode(utf8('%PDF-1.7\n中文')).messages[0].text, /PDF/);
  assert.match(decode(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2])).messages[0].text, /ZIP/);
});

test('bytes full of control codes are binary; the decoded text is still kept', () => {
  const bytes = new Uint8Array(256).map((_, i) => i);
  const d = decode(bytes);
  assert.equal(d.binary, true);
  assert.equal(d.text.length > 0, true);
  assert.equal(d.messages.find((m) => m.code === 'binary-input')?.severity, 'error');
});

test('a long run of bytes that is valid in no encoding is binary', () => {
  const bytes = new Uint8Array(400).map((_, i) => (i % 2 ? 0xff : 0xfe) ^ (i % 3));
  const d = decode(bytes);
  assert.equal(d.binary, true);
});

test('one NUL inside Chinese text is a warning, not binary', () => {
  const d = decode(utf8('中文\u0000内容。'));
  assert.equal(d.binary, false);
  assert.equal(d.text, '中文\u0000内容。');
  const m = d.messages.find((x) => x.code === 'control-characters');
  assert.ok(m);
  assert.match(m.text, /NUL/);
  assert.deepEqual(m.span, { start: 2, end: 3 });
});

test('unpaired surrogates in string input are reported and kept', () => {
  const d = decode('甲\ud800乙');
  assert.equal(d.text, '甲\ud800乙');
  assert.match(d.messages[0].text, /unpaired surrogate/);
});

test('English text with accents is plain UTF-8 without mojibake warnings', () => {
  const text = 'The café on Rue Dupré reopened; a naïve résumé of crème brûlée followed.\n';
  const d = decode(utf8(text));
  assert.equal(d.encoding, 'utf-8');
  assert.deepEqual(d.messages, []);
});

test('tab, form feed, vertical tab and ESC are not stray controls', () => {
  assert.deepEqual(decode('甲\t乙\f丙\v丁\u001b[0m').messages, []);
});

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

/** A file cut short: its last character lost one or more of its bytes. */
const CUT_SIMPLIFIED =
  '本报讯 昨日，区文化馆举办少儿书法展览，展出作品二百余幅。\n展览持续至本月底，市民可免费参观。\n主办方表示，今后每年都将举办类似活动';
const CUT_TRADITIONAL =
  '本報訊 昨日，區文化館舉辦少兒書法展覽，展出作品二百餘幅。\n展覽持續至本月底，市民可免費參觀。\n主辦方表示，今後每年都將舉辦類似活動';
const cutBy = (bytes: Uint8Array, n: number) => bytes.subarray(0, bytes.length - n);
/** The text of a cut file: intact but for its last character, which is U+FFFD. */
const cutText = (text: string) => `${[...text].slice(0, -1).join('')}\ufffd`;

function assertCut(bytes: Uint8Array, encoding: string, text: string, label = encoding): void {
  const d = decode(bytes);
  assert.equal(d.binary, false, label);
  assert.equal(d.encoding, encoding, label);
  assert.equal(d.text, cutText(text), label);
  const m = d.messages.find((x) => x.code === 'incomplete-character');
  assert.ok(m, `${label}: no incomplete-character message`);
  assert.equal(m.severity, 'warning');
  assert.match(m.text, /ends inside a .* character/);
  assert.deepEqual(m.span, { start: d.text.length - 1, end: d.text.length }, label);
  assert.ok(!codes(d).includes('invalid-bytes'), `${label}: the cut end is not an invalid byte`);
  assert.ok(!codes(d).includes('binary-input'), label);
}

test('GBK cut by one byte is read as GB18030; its last character becomes U+FFFD', () => {
  assertCut(cutBy(encodeGbk(CUT_SIMPLIFIED), 1), 'gb18030', CUT_SIMPLIFIED);
  const withStop = `${CUT_SIMPLIFIED}。`;
  assertCut(cutBy(encodeGbk(withStop), 1), 'gb18030', withStop, 'ending in 。');
});

test('GB18030 cut inside a four-byte character (1 to 3 bytes short)', { skip: noIconv }, () => {
  const text = `${CUT_SIMPLIFIED}，另有生僻字𠀀`;
  const bytes = iconvEncode(text, 'GB18030');
  for (const n of [1, 2, 3]) assertCut(cutBy(bytes, n), 'gb18030', text, `${n} byte(s) short`);
});

test('Big5 cut by one byte is read as Big5', { skip: noIconv }, () => {
  assertCut(cutBy(iconvEncode(CUT_TRADITIONAL, 'BIG5'), 1), 'big5', CUT_TRADITIONAL);
});

test('UTF-16LE and UTF-16BE without BOM and with an odd length are read as UTF-16', () => {
  const le = new Uint8Array(Buffer.from(CUT_SIMPLIFIED, 'utf16le'));
  const be = new Uint8Array(Buffer.from(le).swap16());
  assert.equal(cutBy(le, 1).length % 2, 1);
  assertCut(cutBy(le, 1), 'utf-16le', CUT_SIMPLIFIED, 'LE');
  assertCut(cutBy(be, 1), 'utf-16be', CUT_SIMPLIFIED, 'BE');
  const ascii = 'Page 3: the city library reopened today after two years of repairs.';
  const asciiLe = new Uint8Array(Buffer.from(ascii, 'utf16le'));
  assertCut(cutBy(asciiLe, 1), 'utf-16le', ascii, 'ASCII-rich LE');
});

test('UTF-16 cut inside a surrogate pair', () => {
  const text = `${CUT_SIMPLIFIED}𠀀`;
  const le = new Uint8Array(Buffer.from(text, 'utf16le'));
  for (const n of [1, 2, 3]) assertCut(cutBy(le, n), 'utf-16le', text, `${n} byte(s) short`);
});

test('UTF-8 cut inside a three-byte character stays UTF-8', () => {
  const bytes = utf8(CUT_SIMPLIFIED);
  for (const n of [1, 2]) assertCut(cutBy(bytes, n), 'utf-8', CUT_SIMPLIFIED, `${n} byte(s) short`);
  const d = decode(cutBy(bytes, 1));
  assert.equal(d.confidence, 1);
  // A few characters only: still UTF-8, not GB18030 read from the same bytes.
  const short = '市民踊跃参观';
  assertCut(cutBy(utf8(short), 1), 'utf-8', short, 'short text');
});

test('a forced encoding and a BOM report a cut end too', () => {
  const gbk = cutBy(encodeGbk(CUT_SIMPLIFIED), 1);
  const forced = decode(gbk, 'gbk');
  assert.equal(forced.text, cutText(CUT_SIMPLIFIED));
  assert.ok(codes(forced).includes('incomplete-character'));
  assert.ok(!codes(forced).includes('invalid-bytes'));
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...cutBy(utf8(CUT_SIMPLIFIED), 2)]);
  const withBom = decode(bom);
  assert.equal(withBom.text, cutText(CUT_SIMPLIFIED));
  assert.deepEqual(codes(withBom), ['bom', 'incomplete-character']);
});

test('invalid bytes inside the text and a cut end are told apart', () => {
  const bytes = new Uint8Array([...utf8('新华社北京'), 0xff, ...cutBy(utf8(CUT_SIMPLIFIED), 1)]);
  const d = decode(bytes);
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.text, `新华社北京\ufffd${cutText(CUT_SIMPLIFIED)}`);
  assert.match(d.messages.find((m) => m.code === 'invalid-bytes')?.text ?? '', /^1 byte/);
  assert.ok(codes(d).includes('incomplete-character'));
});

test('binary data of odd length with zeros on one side is not UTF-16 cut short', () => {
  // 16-bit little-endian numbers 1..31, one byte more: read as UTF-16LE they are controls.
  const bytes = new Uint8Array(301).map((_, i) => (i % 2 ? 0 : 1 + ((i * 7) % 31)));
  const d = decode(bytes);
  assert.equal(d.binary, true);
  assert.ok(!codes(d).includes('incomplete-character'));
});

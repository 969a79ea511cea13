/** The helper modules of src/decode on their own. */
import assert from 'node:assert/strict';
import test from 'node:test';
import { binaryKind, countControls } from '../../src/decode/binary.js';
import { controlMessage } from '../../src/decode/controls.js';
import { cjkShare, rankEncodings, tryDecode, tryDecodeCut } from '../../src/decode/detect.js';
import { fold } from '../../src/decode/fold.js';
import { decodeUtf32, sniffUtf16 } from '../../src/decode/utf16.js';
import { utf8Shape } from '../../src/decode/utf8.js';
import { encodeGbk } from './encode.js';

test('fold keeps length and maps full-width ASCII and ideographic space', () => {
  const text = 'ＡＢＣ\u3000１２３！中文\u00a0';
  const folded = fold(text);
  assert.equal(folded.length, text.length);
  assert.equal(folded, 'ABC 123!中文 ');
  const plain = '没有需要折叠的字符';
  assert.equal(fold(plain), plain);
});

test('cjkShare counts ideographs among non-space characters', () => {
  assert.equal(cjkShare(''), 0);
  assert.equal(cjkShare('中文'), 1);
  assert.equal(cjkShare('中a'), 0.5);
  assert.equal(cjkShare('  \n'), 0);
});

test('tryDecode is strict', () => {
  assert.equal(tryDecode(new Uint8Array([0xff]), 'utf-8'), undefined);
  assert.equal(tryDecode(new Uint8Array([0x41]), 'utf-8'), 'A');
});

test('tryDecodeCut: strict, but the input may end inside one character', () => {
  const b = (...bytes: number[]) => new Uint8Array(bytes);
  assert.deepEqual(tryDecodeCut(b(0x41, 0xe4, 0xb8, 0xad), 'utf-8'), { text: 'A中', cut: false });
  assert.deepEqual(tryDecodeCut(b(0x41, 0xe4, 0xb8), 'utf-8'), { text: 'A\ufffd', cut: true });
  assert.deepEqual(tryDecodeCut(b(0x41, 0xd6), 'gb18030'), { text: 'A\ufffd', cut: true });
  assert.deepEqual(tryDecodeCut(b(0x41, 0x81, 0x30, 0x81), 'gb18030'), {
    text: 'A\ufffd',
    cut: true,
  });
  assert.deepEqual(tryDecodeCut(b(0x41, 0xa4), 'big5'), { text: 'A\ufffd', cut: true });
  assert.deepEqual(tryDecodeCut(b(0x2d, 0x4e, 0x2d), 'utf-16le'), { text: '中\ufffd', cut: true });
  // Invalid bytes anywhere, or a complete but invalid sequence at the end, are no cut.
  assert.equal(tryDecodeCut(b(0x41, 0xff), 'utf-8'), undefined);
  assert.equal(tryDecodeCut(b(0xff, 0x41, 0xe4, 0xb8), 'utf-8'), undefined);
  assert.equal(tryDecodeCut(b(0x41, 0xe0, 0x80), 'utf-8'), undefined);
  assert.equal(tryDecodeCut(b(0x41, 0xff), 'gb18030'), undefined);
});

test('rankEncodings ranks GB18030 first for GBK bytes', () => {
  const bytes = encodeGbk('今年以来，社区居民建成了一批便民服务点，受到群众欢迎。'.repeat(4));
  assert.equal(rankEncodings(bytes)[0]?.label, 'gb18030');
});

test('utf8Shape counts well-formed sequences and stray bytes', () => {
  assert.deepEqual(utf8Shape(new Uint8Array(Buffer.from('中文a'))), { valid: 2, invalid: 0 });
  assert.deepEqual(utf8Shape(new Uint8Array([0xe4, 0xb8, 0x41, 0xff])), { valid: 0, invalid: 3 });
  assert.deepEqual(
    utf8Shape(new Uint8Array([0xe0, 0x80, 0x80])),
    { valid: 0, invalid: 3 },
    'overlong',
  );
  assert.deepEqual(
    utf8Shape(new Uint8Array([0xed, 0xa0, 0x80])),
    { valid: 0, invalid: 3 },
    'surrogate',
  );
  assert.deepEqual(utf8Shape(new Uint8Array([0xf0, 0x9f, 0x98, 0x80])), { valid: 1, invalid: 0 });
});

test('sniffUtf16: strong, weak and no pattern', () => {
  assert.deepEqual(sniffUtf16(new Uint8Array(Buffer.from('plain ascii', 'utf16le'))), {
    label: 'utf-16le',
    strong: true,
  });
  assert.equal(
    sniffUtf16(new Uint8Array(Buffer.from('中文内容很多字符数字\n\n', 'utf16le')))?.strong,
    false,
  );
  assert.equal(
    sniffUtf16(new Uint8Array(Buffer.from('中文内容'))),
    undefined,
    'UTF-8 has no zeros',
  );
  assert.equal(sniffUtf16(new Uint8Array([0, 1, 2])), undefined, 'odd length');
});

test('decodeUtf32 replaces invalid units and a trailing partial unit', () => {
  const bytes = new Uint8Array([0x2d, 0x4e, 0, 0, 0, 0xd8, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x41]);
  assert.deepEqual(decodeUtf32(bytes, true), { text: '中\ufffd\ufffd\ufffd', bad: 3 });
});

test('binaryKind: signatures, control share, and text', () => {
  assert.match(binaryKind(new Uint8Array([0x1f, 0x8b, 8, 0])) ?? '', /gzip/);
  assert.match(binaryKind(new Uint8Array(100)) ?? '', /control bytes/);
  assert.equal(binaryKind(new Uint8Array(Buffer.from('中文\u0000\u0000内容'))), undefined);
  assert.equal(countControls(new Uint8Array([0, 9, 10, 13, 0x1b, 0x7f])), 2);
});

test('controlMessage names the characters and points at the first', () => {
  const m = controlMessage('甲乙\u0001丙\u0000');
  assert.ok(m);
  assert.deepEqual(m.span, { start: 2, end: 3 });
  assert.match(m.text, /2 control character\(s\) \(U\+0001, NUL\)/);
  assert.equal(controlMessage('普通文字\n'), undefined);
});

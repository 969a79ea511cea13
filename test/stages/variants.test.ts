import assert from 'node:assert/strict';
import test from 'node:test';
import { findLookalikeVariants, findVariants, misprint } from '../../src/stages/variants/find.js';
import { mendChecked } from '../helpers.js';

test('a rare form beside a frequent one, both neighbours agreeing, is a variant', () => {
  const texts = ['滨河区的湿地', '滨河区的公园', '滨河区的学校', '滨词区举办展销会'];
  const [pair] = findVariants(texts);
  assert.equal(misprint(pair), '词→河');
});

test('look-alike characters are found even when the misread one is common elsewhere', () => {
  const texts = ['他在日本留学', '日本的樱花', '访问日本', '日本企业', '他去了曰本。'];
  assert.deepEqual(findLookalikeVariants(texts).map(misprint), ['曰→日']);
});

test('a legitimate rare pair next to a frequent look-alike pair is not flagged', () => {
  // 问的 is rare and 间的 frequent, but 问 is common on the page and 提间的 never occurs.
  const texts = [
    '两国之间的合作',
    '城乡之间的差距',
    '新旧之间的交替',
    '记者提问的时候',
    '问题不少',
    '访问学者',
    '问卷调查',
  ];
  assert.deepEqual(findLookalikeVariants(texts), []);
});

test('variants are flagged on the article, never rewritten', () => {
  const edition = mendChecked(
    '老城区雨污分流改造开工\n\n本报讯 老城区雨污分流改造日前开工。老城区街巷多，老城区管网旧，老城区居民盼了多年。老域区的改造预计年底完工。\n',
  );
  const [article] = edition.articles;
  assert.deepEqual(
    article.variants.map((v) => misprint({ rare: v.text, likely: v.likely })),
    ['域→城'],
  );
  assert.ok(article.body[0].text.includes('老域区'), 'the source text stays as printed');
});

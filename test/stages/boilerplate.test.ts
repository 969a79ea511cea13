import assert from 'node:assert/strict';
import test from 'node:test';
import { mendChecked, rules } from '../helpers.js';

test('scraped-page furniture: separator rules and publication stamps are dropped with their rule', () => {
  const e = mendChecked(
    '江边步道全线贯通\n\n本报讯 全长十二公里的江边步道日前全线贯通。\n\n---\n\n更新时间：2024-01-02 10:00\n',
  );
  assert.deepEqual(
    rules(e).filter((r) => r.startsWith('boilerplate')),
    ['boilerplate.separator', 'boilerplate.timestamp'],
  );
  assert.equal(e.articles.length, 1);
});

test('a paragraph that mentions a QR code is not furniture', () => {
  const e = mendChecked(
    '扫码点餐成了新习惯\n\n本报讯 越来越多的小店开通了扫码点餐，顾客用手机扫一扫就能下单，店主说这样既省人手又少出错。\n',
  );
  assert.equal(rules(e).filter((r) => r.startsWith('boilerplate')).length, 0);
});

test('the page header date becomes the edition date and completes datelines', () => {
  const e = mendChecked(
    '2024年3月2日 星期六\n\n第5版 要闻\n\n古镇办起非遗市集\n\n本报杭州3月1日电 古镇非遗市集开市首日，吸引游客上万人次。\n',
  );
  assert.equal(e.options.editionDate, '2024-03-02');
  assert.equal(e.articles[0].dateline?.date, '2024-03-01');
});

test('e-paper viewer navigation and section codes are furniture', () => {
  const e = mendChecked(
    'A03 要闻\n\n上一版  下一版  返回目录\n\n江边步道全线贯通\n\n本报讯 全长十二公里的江边步道日前全线贯通。\n\n上一篇 下一篇\n',
  );
  assert.deepEqual(
    rules(e).filter((r) => r.startsWith('boilerplate')),
    ['boilerplate.section-code', 'boilerplate.viewer-nav', 'boilerplate.viewer-nav'],
  );
  assert.deepEqual(
    e.articles.map((a) => a.headline),
    ['江边步道全线贯通'],
  );
});

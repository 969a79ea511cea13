/** The most common Chinese surnames (they cover most of the population). */
export const SURNAMES = new Set([
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
]);

/** A bare personal name as printed under a headline: 任寰宇, 金  歆 (spaces pad two-character names). */
const BARE_NAME = /^[\u4e00-\u9fa5](?:[\s\u3000]*[\u4e00-\u9fa5]){1,2}$/u;

export function isBareName(text: string): boolean {
  return BARE_NAME.test(text) && SURNAMES.has(text[0]);
}

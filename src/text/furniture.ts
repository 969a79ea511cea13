/**
 * Page furniture: lines that belong to the printed page, not to any article (QR captions, page
 * headers, editor lines, viewer navigation…). A pattern only ever matches a whole block, and
 * only a short one, so a paragraph that merely mentions a QR code is never furniture.
 *
 * The boilerplate stage drops what matches (its rule table names each kind); the segment stage
 * asks whether the furniture dropped before a line ends a story. Both read this one lexicon.
 */

export type FurnitureKind =
  | 'qr-code'
  | 'continuation'
  | 'page-header'
  | 'editor-line'
  | 'edition-date'
  | 'share-prompt'
  | 'separator'
  | 'timestamp'
  | 'viewer-nav'
  | 'section-code'
  | 'page-number';

export interface Furniture {
  kind: FurnitureKind;
  pattern: RegExp;
  /** Longest block (in characters) the pattern may match. */
  maxChars: number;
  /** Flag to set on the article the block sits in. */
  flag?: 'continued-elsewhere';
  /**
   * Printed where a story ends (QR code to the full text, continuation note, editor line), so
   * a heading right after it starts a new story. Page headers are not: a running header can
   * fall at a column break inside a story.
   */
  endsStory?: boolean;
}

/** Tried in this order; the first pattern that matches a block names its kind. */
export const FURNITURE: readonly Furniture[] = [
  {
    kind: 'qr-code',
    // A scan prompt followed by what it gives (看视频, 阅读全文, 就看到): a headline about
    // scanning (扫码点餐成了新习惯) has no such reward.
    pattern:
      /(?:[扫掃]一[扫掃]|[扫掃][码碼]|[扫掃]描|长按)[^，。]{0,10}?(?:看|[阅閱][读讀]|观看|[关關]注|了解|收听|下载|进入|查看|浏览|[识識]别|获取|参与|听)|二维[码碼]/u,
    maxChars: 30,
    endsStory: true,
  },
  {
    kind: 'continuation',
    pattern:
      /^[（(](?:下转|上接|转第|接第|转[０-９0-9一二三四五六七八九十]+版)[^（）()]{0,12}[）)]$/u,
    maxChars: 20,
    flag: 'continued-elsewhere',
    endsStory: true,
  },
  {
    kind: 'page-header',
    pattern:
      /^(?:第\s*[０-９0-9一二三四五六七八九十]+\s*版(?:\s*[:：|｜·]?\s*\S{0,12})?|[A-Za-z]?[０-９0-9]{1,2}\s*版)$/u,
    maxChars: 40,
  },
  {
    kind: 'editor-line',
    pattern:
      /^(?:本版)?(?:[责責]任[编編][辑輯]|[责責][编編]|[编編][辑輯]|版式设计|版式|美术[编編][辑輯]|美[编編]|校对)\s*[:：].{0,20}$/u,
    maxChars: 40,
    endsStory: true,
  },
  {
    kind: 'edition-date',
    pattern:
      /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*第\s*[０-９0-9一二三四五六七八九十]+\s*版(?:\s*\S{0,12})?)?$/u,
    maxChars: 40,
  },
  {
    kind: 'share-prompt',
    pattern:
      /分享到|点击(?:[阅閱][读讀]|查看)原文|[阅閱][读讀]原文|[关關]注.{0,8}(?:公众号|客户端)|下载.{0,6}客户端|(?:微信|微博)\s*(?:[扫掃]|[关關]注)/u,
    maxChars: 30,
  },
  {
    kind: 'separator',
    pattern: /^[-—–_=*·•~～]{3,}$/u,
    maxChars: 80,
    endsStory: true,
  },
  {
    kind: 'timestamp',
    pattern: /^(?:更新时间|发布时间|发稿时间|来源|稿源)[:：]\s*\S.{0,40}$/u,
    maxChars: 50,
    endsStory: true,
  },
  {
    kind: 'viewer-nav',
    pattern:
      /^(?:[<《\[【]?\s*(?:上一[版篇期页]|下一[版篇期页]|返回(?:目录|首页|顶部|上一页)?|本版(?:新闻|导航|目录)|版面(?:导航|目录)|往期回顾|PDF\s*[版下载]*|放大|缩小|默认|打印|关闭(?:窗口)?|全文检索|日期检索)\s*[>》\]】]?[\s|｜·]*){1,8}$/u,
    maxChars: 60,
  },
  {
    kind: 'section-code',
    pattern: /^[A-Z]{1,2}\s*[0-9０-９]{1,3}(?:\s*[|｜·:：]?\s*[\u4e00-\u9fa5]{2,6})?$/u,
    maxChars: 16,
  },
  {
    kind: 'page-number',
    pattern: /^[-—–\s]*[０-９0-9]{1,3}[-—–\s]*$/u,
    maxChars: 8,
  },
];

const BY_KIND = new Map(FURNITURE.map((f) => [f.kind, f]));

/** The lexicon entry of a kind of furniture. */
export function furniture(kind: FurnitureKind): Furniture {
  return BY_KIND.get(kind)!;
}

/** The kind of furniture a whole block is, if any. */
export function furnitureOf(text: string): Furniture | undefined {
  return FURNITURE.find((f) => text.length <= f.maxChars && f.pattern.test(text));
}

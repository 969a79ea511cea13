/**
 * Page furniture: lines that belong to the printed page, not to any article. Each rule names
 * what it catches and why; a rule only ever matches a whole block, and only a short one, so a
 * paragraph that merely mentions a QR code is never dropped.
 */
export interface BoilerplateRule {
  id: string;
  pattern: RegExp;
  reason: string;
  /** Longest block (in characters) the rule may drop. */
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

export const BOILERPLATE_RULES: readonly BoilerplateRule[] = [
  {
    id: 'boilerplate.qr-code',
    // A scan prompt followed by what it gives (看视频, 阅读全文, 就看到): a headline about
    // scanning (扫码点餐成了新习惯) has no such reward.
    pattern:
      /(?:扫一扫|扫码|扫描|长按)[^，。]{0,10}?(?:看|阅读|观看|关注|了解|收听|下载|进入|查看|浏览|识别|获取|参与|听)|二维码/u,
    reason: 'QR-code caption printed next to an article',
    maxChars: 30,
    endsStory: true,
  },
  {
    id: 'boilerplate.continuation',
    pattern:
      /^[（(](?:下转|上接|转第|接第|转[０-９0-9一二三四五六七八九十]+版)[^（）()]{0,12}[）)]$/u,
    reason: 'continuation note: the article goes on on another page',
    maxChars: 20,
    flag: 'continued-elsewhere',
    endsStory: true,
  },
  {
    id: 'boilerplate.page-header',
    pattern:
      /^(?:第\s*[０-９0-9一二三四五六七八九十]+\s*版(?:\s*[:：|｜·]?\s*\S{0,12})?|[A-Za-z]?[０-９0-9]{1,2}\s*版)$/u,
    reason: 'page header',
    maxChars: 40,
  },
  {
    id: 'boilerplate.editor-line',
    pattern: /^(?:本版)?(?:责任编辑|责编|编辑|版式设计|版式|美术编辑|美编|校对)\s*[:：].{0,20}$/u,
    reason: 'editor line printed at the end of a story or page',
    maxChars: 40,
    endsStory: true,
  },
  {
    id: 'boilerplate.edition-date',
    pattern:
      /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*第\s*[０-９0-9一二三四五六七八九十]+\s*版(?:\s*\S{0,12})?)?$/u,
    reason: 'edition date line of the page header',
    maxChars: 40,
  },
  {
    id: 'boilerplate.share-prompt',
    pattern:
      /分享到|点击(?:阅读|查看)原文|阅读原文|关注.{0,8}(?:公众号|客户端)|下载.{0,6}客户端|(?:微信|微博)\s*(?:扫|关注)/u,
    reason: 'share or follow prompt of an e-paper viewer',
    maxChars: 30,
  },
  {
    id: 'boilerplate.separator',
    pattern: /^[-—–_=*·•~～]{3,}$/u,
    reason: 'a rule between stories in a scraped page',
    maxChars: 80,
    endsStory: true,
  },
  {
    id: 'boilerplate.timestamp',
    pattern: /^(?:更新时间|发布时间|发稿时间|来源|稿源)[:：]\s*\S.{0,40}$/u,
    reason: 'publication stamp or source line of a web page',
    maxChars: 50,
    endsStory: true,
  },
  {
    id: 'boilerplate.page-number',
    pattern: /^[-—–\s]*[０-９0-9]{1,3}[-—–\s]*$/u,
    reason: 'bare page number',
    maxChars: 8,
  },
];

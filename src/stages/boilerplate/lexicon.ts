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
      /(?:[扫掃]一[扫掃]|[扫掃][码碼]|[扫掃]描|长按)[^，。]{0,10}?(?:看|[阅閱][读讀]|观看|[关關]注|了解|收听|下载|进入|查看|浏览|[识識]别|获取|参与|听)|二维[码碼]/u,
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
    pattern:
      /^(?:本版)?(?:[责責]任[编編][辑輯]|[责責][编編]|[编編][辑輯]|版式设计|版式|美术[编編][辑輯]|美[编編]|校对)\s*[:：].{0,20}$/u,
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
      /分享到|点击(?:[阅閱][读讀]|查看)原文|[阅閱][读讀]原文|[关關]注.{0,8}(?:公众号|客户端)|下载.{0,6}客户端|(?:微信|微博)\s*(?:[扫掃]|[关關]注)/u,
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
    id: 'boilerplate.viewer-nav',
    pattern:
      /^(?:[<《\[【]?\s*(?:上一[版篇期页]|下一[版篇期页]|返回(?:目录|首页|顶部|上一页)?|本版(?:新闻|导航|目录)|版面(?:导航|目录)|往期回顾|PDF\s*[版下载]*|放大|缩小|默认|打印|关闭(?:窗口)?|全文检索|日期检索)\s*[>》\]】]?[\s|｜·]*){1,8}$/u,
    reason: 'navigation of an e-paper viewer scraped with the page',
    maxChars: 60,
  },
  {
    id: 'boilerplate.section-code',
    pattern: /^[A-Z]{1,2}\s*[0-9０-９]{1,3}(?:\s*[|｜·:：]?\s*[\u4e00-\u9fa5]{2,6})?$/u,
    reason: 'page code of an e-paper section (A01 要闻)',
    maxChars: 16,
  },
  {
    id: 'boilerplate.page-number',
    pattern: /^[-—–\s]*[０-９0-9]{1,3}[-—–\s]*$/u,
    reason: 'bare page number',
    maxChars: 8,
  },
];

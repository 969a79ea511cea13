/**
 * Dateline (电头) shapes of Chinese news: `新华社莫斯科5月8日电`, `据新华社…电`,
 * `本报北京5月8日电  （记者史自强）`, `本报讯（记者 方圆）`, `中新社北京3月2日电 (记者 …)`,
 * `央视网消息（新闻联播）：`.
 */

/** News agencies and papers that open datelines; a generic `…社/报/网` form is also accepted. */
const AGENCIES = [
  '新华社',
  '中新社',
  '中国新闻社',
  '本报',
  '人民日报',
  '人民网',
  '新华网',
  '中新网',
  '央视网',
  '央广网',
  '光明日报',
  '经济日报',
  '法治日报',
  '工人日报',
  '解放军报',
  '中国日报',
  '路透社',
  '美联社',
  '法新社',
  '塔斯社',
  '共同社',
  '韩联社',
  '埃菲社',
  '德新社',
  '安莎社',
  // Traditional-script papers and agencies (Big5 dumps from Taiwan and Hong Kong).
  '新華社',
  '中央社',
  '本報',
  '美聯社',
  '韓聯社',
  '聯合報',
  '中國時報',
];
const AGENCY = `(?:${AGENCIES.join('|')}|[\\u4e00-\\u9fa5]{2,6}(?:日报|日報|晚报|晚報|通讯社|通訊社|社))`;
/** A place is a short run of Chinese (with ·) before the date, e.g. 莫斯科, 里约热内卢. */
const PLACE = '[\\u4e00-\\u9fa5·]{1,10}?';
/** 5月8日, or the day alone as Taiwan's CNA prints it (台北2日電). */
const DATE = '(?:(?:\\d{1,2}|[０-９]{1,2})月)?(?:\\d{1,2}|[０-９]{1,2})日';
/** Reporter note right after the dateline: （记者史自强）, (记者 张三 李四). */
const REPORTER =
  '(?:[\\s\\u3000]*[（(](?:记者|記者|通讯员|通訊員|特派记者|本报记者|本報記者|实习生)[^（）()]{1,40}[）)])?';

/**
 * A news site's lead: `央视网消息（新闻联播）：`, `人民网消息：` — the site, 消息, the programme or
 * channel it came from, and a colon. The colon tells it from 据新华社消息， inside a sentence.
 */
const SITE_NEWS = '消息(?:[（(][^（）()]{1,20}[）)])?[：:]';

/** `[据]AGENCY[记者…]PLACE DATE [专]电`, `AGENCY讯` or `AGENCY消息：`, at the start of a block. */
export const DATELINE = new RegExp(
  `^([据據])?(${AGENCY})(?:(?:特派)?[记記]者[\\u4e00-\\u9fa5·]{0,6})?(?:(${PLACE})(${DATE})(?:[专專])?[电電]|([讯訊])|${SITE_NEWS})${REPORTER}`,
  'u',
);

/** A closing source tag: the whole block is a parenthesised dateline, e.g. (新华社莫斯科5月8日电). */
export const SOURCE_TAG = new RegExp(
  `^[（(]([据據])?(${AGENCY})(?:(${PLACE})(${DATE})(?:[专專])?[电電]|[^（）()]{0,60}?(?:[电電]|报道|報導|報道))(?:[\\s\\u3000]*(?:记者|記者|通讯员|通訊員)[^（）()]{1,80})?[）)]$`,
  'u',
);

export interface DatelineParts {
  agency?: string;
  place?: string;
  monthDay?: { month: number; day: number };
}

function toNumber(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
}

export function parseDate(date: string | undefined): DatelineParts['monthDay'] {
  // Without a month (台北2日電) the date cannot be completed; the text keeps it.
  const m = date && /^(\S+)月(\S+)日$/u.exec(date);
  return m ? { month: toNumber(m[1]), day: toNumber(m[2]) } : undefined;
}

/** Parse a dateline's text into agency, place and month/day. */
export function parseDateline(text: string): DatelineParts | undefined {
  const core = text.replace(/^[（(]|[）)]$/g, '');
  const m = DATELINE.exec(core);
  if (!m) return undefined;
  return { agency: m[2], place: m[3] || undefined, monthDay: parseDate(m[4]) };
}

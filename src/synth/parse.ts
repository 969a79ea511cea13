import type { BodyKind } from '../model/types.js';
import {
  item,
  type CleanRecord,
  type SynthArticle,
  type SynthDateline,
  type SynthItem,
} from './model.js';

/**
 * Read the paper's own structure from a clean article's `content` lines, following the labelling
 * conventions of docs/format.md, so the generated gold labels what the page shows.
 */

/** Subheads and bylines are short; a longer line is running text. */
const MAX_SHORT_LINE = 40;
/** An article kicker (引题) at the top of the content is at most this long. */
const MAX_KICKER = 30;
/** A photo description printed before its credit line is at most this long. */
const MAX_CAPTION = 120;

const KICKER_DASH = /——$/u;
/** 电头 as the sources print them; a news site's lead (央视网消息（新闻联播）：) is one too. */
const DATELINE =
  /^((?:据)?(?:新华社|本报|人民日报|中新社)(?:[^\s，。、“”（）()\d]{0,12}?)(?:\d{1,2}月\d{1,2}日)?(?:专)?电|本报讯|(?:央视网|央广网|人民网|新华网|中新网)消息(?:（[^（）]{1,20}）)?：)([ \t\u3000]*[（(](?:记者|通讯员|本报记者)[^）)]{0,40}[）)])?([ \t\u3000]*)/u;
/** An author credited by affiliation and name: 中国国际问题研究院研究员 杨希雨. */
const AFFILIATION_BYLINE =
  /^[\u4e00-\u9fa5（）()·、]{2,30}(?:研究员|教授|主任|所长|院长|学者|博士|讲师|副教授|特约评论员|评论员|专家)[\s\u3000]+[\u4e00-\u9fa5·]{2,4}$/u;
/** A byline line, including correspondents posted abroad: 本报驻德国记者 李 强. */
const BYLINE =
  /^(?:本报记者|新华社记者|人民日报记者|本报特约记者|本报通讯员|特约记者|记者|通讯员|(?:本报|新华社)驻[^\s\u3000记]{1,8}记者)(?:[\s\u3000]|$)/u;
const CREDIT = /(?:摄|供图|提供|资料照片|制图|绘)(?:（[^）]{1,12}）)?$/u;
const CAPTION_START = /^(?:图[①-⑳\d一二三四五六七八九十]*[：:]|图为|上图|下图|左图|右图)/u;
const NOTE = /^(?:编者按|【编者按】|——编\s*者$|（[^（）]{2,80}）$)/u;
/** Closing source tag, with the reporters when the paper names them: （新华社济南7月9日电  记者王志）. */
const SOURCE_TAG =
  /^[（(](?:据)?(?:新华社|本报|人民日报|中新社)[^（）()]{0,60}电(?:[\s\u3000]*(?:记者|通讯员)[^（）()]{1,80})?[）)]$/u;
/** Sentence-closing punctuation: a line ending in one is running text, not a subhead. */
const CLOSING = /[。！？；：…，、!?;:,.]$/u;
const TRAILING_QUOTES = /[”’」』）)》]+$/u;

function isSubhead(line: string): boolean {
  if (line.length > MAX_SHORT_LINE || line.includes('。')) return false;
  const core = line.replace(TRAILING_QUOTES, '');
  return core.length > 0 && !CLOSING.test(core);
}

function isByline(line: string): boolean {
  if (AFFILIATION_BYLINE.test(line)) return true;
  return BYLINE.test(line) && line.length <= MAX_SHORT_LINE && !/[。，；！？]/u.test(line);
}

function classify(line: string, next: string | undefined): BodyKind {
  if (CREDIT.test(line) && line.length <= MAX_CAPTION) return 'caption';
  if (CAPTION_START.test(line)) return 'caption';
  if (NOTE.test(line)) return 'note';
  if (isByline(line)) return 'byline';
  if (
    next !== undefined &&
    CREDIT.test(next) &&
    next.length <= MAX_SHORT_LINE &&
    line.length <= MAX_CAPTION
  )
    return 'caption';
  if (isSubhead(line)) return 'subhead';
  return 'paragraph';
}

function parseDateline(
  line: string,
  year: string,
): { dateline: SynthDateline; rest: string } | undefined {
  const m = DATELINE.exec(line);
  if (!m) return undefined;
  const text = (m[1] + (m[2] ?? '')).trim();
  const rest = line.slice(m[0].length);
  if (rest.length === 0) return undefined;
  const agency = /^(?:据)?(新华社|本报|人民日报|中新社)/u.exec(m[1])?.[1];
  const md = /(\d{1,2})月(\d{1,2})日/u.exec(m[1]);
  const place = md
    ? m[1].slice(m[1].indexOf(agency ?? '') + (agency ?? '').length, md.index)
    : undefined;
  const date = md ? `${year}-${md[1].padStart(2, '0')}-${md[2].padStart(2, '0')}` : undefined;
  return {
    dateline: { text, agency, place: place || undefined, date, gap: m[0].slice(text.length) },
    rest,
  };
}

function lines(content: string): string[] {
  return content
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * Some records of the undated-page file are scrapes of several stories run together: each later
 * story is its headline line(s) followed by a `时间：YYYY-MM-DD` line. Those marker lines are
 * scrape artefacts, not print, so they are left out and each story becomes its own record.
 */
const STORY_MARKER = /^时间[：:]\s*\d{4}-\d{2}-\d{2}$/u;
/** Headline lines of a run-in story: at most two (kicker + headline), each this short. */
const MAX_RUN_IN_HEAD = 2;
const MAX_HEAD_LINE = 50;

const headShaped = (line: string) =>
  line.length <= MAX_HEAD_LINE &&
  !/[。！？；：]$/u.test(line) &&
  !SOURCE_TAG.test(line) &&
  !NOTE.test(line);

export function splitRecord(record: CleanRecord): CleanRecord[] {
  const ls = lines(record.content);
  if (!ls.some((l) => STORY_MARKER.test(l))) return [record];
  const out: CleanRecord[] = [];
  let current = { ...record, content: [] as string[] };
  const flush = () => out.push({ ...current, content: current.content.join('\n') });
  for (const line of ls) {
    if (!STORY_MARKER.test(line)) {
      current.content.push(line);
      continue;
    }
    const head: string[] = [];
    while (
      head.length < MAX_RUN_IN_HEAD &&
      current.content.length > 1 &&
      headShaped(current.content[current.content.length - 1])
    )
      head.unshift(current.content.pop()!);
    if (head.length === 0) continue;
    flush();
    // A second head line starting with —— is a subtitle (副题); otherwise the first is a kicker.
    const subtitle = head.length === 2 && head[1].startsWith('——') ? head.pop()! : null;
    const title = head.pop()!;
    const date = /\d{4}-\d{2}-\d{2}/u.exec(line)![0];
    const kickers = head.map((k) => (KICKER_DASH.test(k) ? k : `${k}——`));
    current = { ...record, date, title, subtitle, content: kickers };
  }
  flush();
  return out.filter((r) => r.content.trim().length > 0);
}

/** A separator rule or an update stamp closing a scraped file (---, 更新时间：2023-09-04T…). */
const SCRAPE_TRAILER = /^(?:[-—_=*]{3,}|(?:更新时间|发布时间)[:：].*)$/u;

/** Structure one clean article: kicker, headline, subheadline, byline, dateline, body, source tag. */
export function parseRecord(record: CleanRecord): SynthArticle {
  const ls = lines(record.content);
  // The transcripts' files end with a rule and an update stamp: metadata of the source, not text.
  while (ls.length > 1 && SCRAPE_TRAILER.test(ls[ls.length - 1])) ls.pop();
  const article: SynthArticle = {
    headline: record.title.trim(),
    subheadline: record.subtitle?.trim() || undefined,
    datelineItem: -1,
    body: [],
    related: [],
    flags: [],
    variants: [],
    echo: false,
  };
  if (record.kicker?.trim()) article.kicker = record.kicker.trim();
  else if (
    ls.length > 1 &&
    KICKER_DASH.test(ls[0]) &&
    ls[0].length <= MAX_KICKER &&
    !ls[0].includes('。')
  ) {
    // In the page files a kicker line ends with ——; on the page (and in dumps) it stands alone.
    article.kicker = ls.shift()!.replace(KICKER_DASH, '');
  }
  if (ls.length > 1 && SOURCE_TAG.test(ls[ls.length - 1])) article.sourceTag = ls.pop();
  const year = record.date.slice(0, 4);
  let seenParagraph = false;
  ls.forEach((line, i) => {
    const kind = classify(line, ls[i + 1]);
    if (kind === 'byline' && !seenParagraph && !article.byline && article.body.length === 0) {
      article.byline = line;
      return;
    }
    if (kind === 'paragraph' && !seenParagraph) {
      seenParagraph = true;
      const d = parseDateline(line, year);
      if (d) {
        article.dateline = d.dateline;
        article.datelineItem = article.body.length;
        article.body.push(item('paragraph', d.rest));
        return;
      }
    }
    if (kind === 'paragraph') seenParagraph = true;
    article.body.push(item(kind, line));
  });
  return article;
}

/** Gold text of an item as it will stand in the dump. */
export function firstLine(article: SynthArticle, index: number, it: SynthItem): string {
  const text = it.pieces[0];
  if (index !== article.datelineItem || !article.dateline || article.echo) return text;
  return article.dateline.text + article.dateline.gap + text;
}

import type { Block } from '../model/doc.js';
import { isHeadlineShaped } from './shape.js';

/** What a live block looks like on its own, before its place in an article is decided. */
export type Shape =
  'dateline' | 'sourceTag' | 'byline' | 'caption' | 'note' | 'heading' | 'paragraph';

/** `本报记者  方  圆`, `新华社记者 张三 李四`, `通讯员 王五` — a name line, nothing else. */
export const BYLINE =
  /^(?:(?:本[报報]|新[华華]社|人民日[报報]|中新社|央视)(?:特约|特派|驻\S{1,6})?(?:[记記]者|通[讯訊][员員]|[评評][论論][员員])|(?:(?:本[报報]|新[华華]社|人民日[报報]|中新社|央视)?(?:特约|特派|驻\S{1,6})?(?:[记記]者|通[讯訊][员員]|[实實][习習]生|[评評][论論][员員]|撰稿人|作者)[:：]?[\s\u3000]*[\u4e00-\u9fa5·]{1,4}(?:[\s\u3000、，,]+(?:(?:本[报報]|新[华華]社)?(?:驻\S{1,6})?[记記]者[\s\u3000]*)?[\u4e00-\u9fa5·]{1,4}){0,8})|[\u4e00-\u9fa5·](?:[\s\u3000]*[\u4e00-\u9fa5·]){1,3})$/u;
/** An author credited by affiliation and name: 中国国际问题研究院研究员 杨希雨. */
const AFFILIATION_BYLINE =
  /^[\u4e00-\u9fa5（）()·、]{2,30}(?:研究员|教授|主任|所长|院长|学者|博士|讲师|副教授|特约评论员|评论员|专家)[\s\u3000]+[\u4e00-\u9fa5·]{2,4}$/u;
/** Photo captions (`图①：…`, `…（新华社发）`) and credits (`于子恒摄`, `受访者供图`). */
const CAPTION =
  /^(?:[图圖][①-⑳\d一二三四五六七八九十]*[:：为為]|(?:上|下|左|右)[图圖][:：])|(?:[摄攝]|供[图圖]|制[图圖]|绘[图圖]|绘|[图圖]片来源[:：].{0,20})(?:[（(][^（）()]{1,12}[）)])?$|[（(](?:新[华華]社|本[报報]|中新社)?(?:[记記]者)?\S{0,8}(?:[摄攝]|发)[）)]$/u;
/** Chart and data credits: 数据来源：…, 制图：…. */
const CHART_CREDIT = /^(?:数据来源|资料来源|图表来源|制图|图表制作|图片来源)[:：]/u;
/** Photo agencies and stock credits printed alone under a picture. */
const AGENCY_CREDIT =
  /^(?:人民视觉|人民图片|视觉中国|新华社发|资料图片|资料照片|网络图片|CFP|IC\s*photo|东方IC)$/iu;
/** A credit for several photos: 以上图片均为…提供, 本版图片由…提供. */
const PHOTO_SET_CREDIT =
  /^(?:以上|上述|本版|组图)?图片(?:均)?(?:为|由|来源[:：]?)?[^，。]{0,30}(?:提供|供图|摄)$/u;
/** An author's note that ends an essay: （作者为…）, （作者单位：…）. */
export const CLOSING_NOTE = /^[（(](?:作者|本文作者|作者单位|作者系)[^（）()]{1,60}[）)]$/u;
/** The reporters credited at the end of a story or of a section: （记者张三、李四）, （本报记者…参与采写）. */
const CREDIT_NOTE =
  /^[（(](?:参与)?(?:本[报報])?(?:[记記]者|[实實][习習]生|通[讯訊][员員])[^（）()]{1,80}[）)]$/u;
/** The signature closing an editor's note: ——编  者. */
const NOTE_SIGNATURE = /^[—–-]{1,2}[\s\u3000]*[编編][\s\u3000]*者$/u;
/** A pointer to coverage elsewhere: （相关报道见第四版）, （更多内容详见…）. */
const SEE_ALSO = /^[（(](?:相关|更多)[^（）()]{0,80}(?:见|详见)[^（）()]*[）)]$/u;
/** Editor's notes and column notes. */
const NOTE =
  /^(?:[编編]者按|[编編]者的话|[编編]后|[记記]者手[记記]|[链鏈]接|背景资料|相[关關][阅閱][读讀])[:：]|^[（(]本(?:栏|版|文|期)[^）)]{2,40}[）)]$/u;

/** The longest credit line we call a caption without a caption marker (e.g. 本报记者 张三摄). */
const MAX_CREDIT_CHARS = 30;

export function shapeOf(block: Block): Shape {
  if (block.role === 'dateline') return 'dateline';
  if (block.role === 'sourceTag') return 'sourceTag';
  return shapeOfText(block.text);
}

/** Notes printed at the end of a story: the author, the reporters, where to read more. */
export function isTrailingNote(text: string): boolean {
  return (
    CLOSING_NOTE.test(text) ||
    CREDIT_NOTE.test(text) ||
    SEE_ALSO.test(text) ||
    NOTE_SIGNATURE.test(text)
  );
}

/** A photo credit at the end of a line: …新华社记者 李涛摄, …受访者供图（人民视觉）. */
const CREDIT_TAIL = /(?:[摄攝]|供[图圖]|[制製][图圖])(?:[（(][^（）()]{1,12}[）)])?$/u;
/** The longest line taken for a credit alone (李永光摄（人民视觉）) rather than a caption with one. */
const MAX_CREDIT_LINE = 24;

/** Whether a line ends with a photo credit (a caption does; running text does not). */
export function endsWithCredit(text: string): boolean {
  return CREDIT_TAIL.test(text);
}

/** A credit line on its own, printed under a photo: 李永光摄（人民视觉）, 受访者供图. */
export function isCreditLine(text: string): boolean {
  return text.length <= MAX_CREDIT_LINE && !/[，。]/u.test(text) && CREDIT_TAIL.test(text);
}

/** The shape of a line of text on its own. */
export function shapeOfText(text: string): Shape {
  if (
    NOTE.test(text) ||
    CLOSING_NOTE.test(text) ||
    CREDIT_NOTE.test(text) ||
    NOTE_SIGNATURE.test(text) ||
    SEE_ALSO.test(text)
  )
    return 'note';
  if (PHOTO_SET_CREDIT.test(text) || AGENCY_CREDIT.test(text) || CHART_CREDIT.test(text))
    return 'caption';
  if (
    CAPTION.test(text) &&
    (text.length <= MAX_CREDIT_CHARS || /^(?:图|上图|下图|左图|右图)/u.test(text))
  )
    return 'caption';
  if (
    isHeadlineShaped(text) &&
    BYLINE.test(text) &&
    /记者|通讯员|实习生|评论员|撰稿|作者|[\s\u3000]/u.test(text)
  )
    return 'byline';
  if (AFFILIATION_BYLINE.test(text)) return 'byline';
  if (isHeadlineShaped(text)) return 'heading';
  return 'paragraph';
}

/** Marks that tell kinds of heading lines apart: dashes, numbering, box labels, column tags. */

/** A line opening with a dash hangs on what precedes it (——记…, a subheadline under its headline). */
export const DASH_OPENER = /^[—–-]{1,2}/u;
/** A line ending in a dash introduces what follows: a kicker (…——), a section (河南信阳——). */
export const DASH_CLOSER = /——$/u;
/** Numbered lines are sections of one article: （一）…, 二、…, 3. … */
export const NUMBERED =
  /^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．.])/u;
/** Labels of boxes printed inside a story (a comment, a link, background). */
export const SECTION_LABEL =
  /^(?:点评|短评|链接|相关链接|背景|背景资料|延伸阅读|记者手记|编后|小贴士)|[（(](?:链接|相关链接|背景|点评)[）)]$/u;
/** A bracketed column name at the end of a headline, as papers print them. */
export const COLUMN_TAG = /[（(][^（）()。]{2,30}[）)]$/u;

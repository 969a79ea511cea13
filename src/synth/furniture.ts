/**
 * Page furniture (D6) and QR captions, in our own wording, modelled on what e-paper dumps carry.
 * Every line here is dropped by the engine and listed in gold `boilerplate`.
 */
export const QR_CAPTIONS = [
  '扫一扫 看全文',
  '扫码阅读全文',
  '扫一扫 就看到',
  '扫描二维码 观看视频',
];

/** Made-up editor names for `责任编辑：` lines. */
const EDITORS = ['林小舟', '赵  青', '周明远', '许  岚', '郑一帆', '何晓静'];

const CN_DIGITS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function pageHeader(pageNo: number, date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日  第${pageNo}版`;
}

export function editorLine(pick: <T>(xs: readonly T[]) => T): string {
  return `责任编辑：${pick(EDITORS)}`;
}

/** `（下转第N版）` pointing at a later page, numbered as the paper prints it. */
export function continuationNote(pageNo: number): string {
  const next = pageNo + 1;
  return `（下转第${next <= CN_DIGITS.length ? CN_DIGITS[next - 1] : next}版）`;
}

/**
 * Each paper's own furniture: lines a real paper prints on every page (imprint, address,
 * hotline, price) that no lexicon can know in advance. Made up, one set per paper; a page's
 * paper is picked by its records' source.
 */
const PAPER_FURNITURE: readonly (readonly string[])[] = [
  [
    '青山日报社出版  国内统一连续出版物号 CN 99-0001',
    '社址：青山市滨江路88号  邮编100001',
    '本报发行热线：（010）6500 1234',
    '零售价：每份1.50元',
  ],
  [
    '南岭晚报全媒体新闻中心出品',
    '新闻热线 0771-555 0101  广告热线 0771-555 0202',
    '本报法律顾问：南岭明德律师事务所',
    '印刷：南岭日报印务中心',
  ],
  [
    '东湖商报  东湖传媒集团主管主办',
    '地址：东湖市解放大道1号  邮政编码430000',
    '每周一至周五出版  今日十六版',
    '订报请拨打 027-8888 6666',
  ],
];

/** The furniture set of the paper `source`. */
export function paperFurniture(source: string): readonly string[] {
  let h = 0;
  for (const ch of source) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return PAPER_FURNITURE[h % PAPER_FURNITURE.length];
}

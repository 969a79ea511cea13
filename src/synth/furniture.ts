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

/**
 * HTML pages typeset into PDF by Chromium (Debian's, driven by playwright-core, a development
 * dependency: the generator is a tool for tests and evaluation, not part of mending).
 */
import { CHROMIUM, CHROMIUM_ARGS } from '../../browser/chromium.js';

export { CHROMIUM };

/** A broadsheet's width (350 mm at 96 px per inch), its least height, and the margin. */
const PAGE_WIDTH_PX = 1323;
const MIN_PAGE_HEIGHT_PX = 1890;
const MARGIN_PX = 38;
/** Room for rounding between screen and print layout, so the last line never spills over. */
const SLACK_PX = 24;

/** Each HTML page as a PDF, in one browser. */
export async function renderPdfs(pages: readonly string[]): Promise<Uint8Array[]> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const out: Uint8Array[] = [];
    // Laid out at the printed width, so the height measured is the height printed.
    await page.setViewportSize({ width: PAGE_WIDTH_PX - 2 * MARGIN_PX, height: 1000 });
    for (const html of pages) {
      await page.setContent(html, { waitUntil: 'load' });
      // A printed page holds its stories whole: the sheet is as tall as they need (at least a
      // broadsheet's proportion), never cut into a second sheet mid-story.
      const content = await page.evaluate(() => document.documentElement.scrollHeight);
      const height = Math.max(MIN_PAGE_HEIGHT_PX, content + 2 * MARGIN_PX + SLACK_PX);
      // The footer stands at the foot of the sheet, as printed, however short the stories.
      await page.evaluate(
        (min) => {
          const body = document.body.style;
          body.display = 'flex';
          body.flexDirection = 'column';
          body.minHeight = `${min}px`;
          const footer = document.querySelector('footer') as HTMLElement | null;
          if (footer) footer.style.marginTop = 'auto';
        },
        height - 2 * MARGIN_PX - SLACK_PX,
      );
      const pdf = await page.pdf({
        width: `${PAGE_WIDTH_PX}px`,
        height: `${height}px`,
        margin: {
          top: `${MARGIN_PX}px`,
          bottom: `${MARGIN_PX}px`,
          left: `${MARGIN_PX}px`,
          right: `${MARGIN_PX}px`,
        },
        printBackground: true,
      });
      out.push(new Uint8Array(pdf));
    }
    return out;
  } finally {
    await browser.close();
  }
}

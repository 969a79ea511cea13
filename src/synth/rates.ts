/**
 * The corruption model: how often each kind of damage (DESIGN.md D1–D10) is applied. Each rate
 * is a probability per opportunity (the unit is named on each line). All zero = a clean dump.
 */
export interface Rates {
  /** D2, per paragraph: a column break cuts it mid-sentence (printed as two blocks). */
  columnBreak: number;
  /** D3, per column break: 1–3 characters are lost at the break (gold: a lacuna). */
  lostAtBreak: number;
  /** D3, per paragraph: its tail is lost (gold: lacunaAfter; truncated-end on the last one). */
  lostTail: number;
  /** D8, per article: it starts mid-sentence, dateline gone (gold: lacunaBefore, truncated-start). */
  truncatedStart: number;
  /** D4, per article: a run of 1–3 paragraphs is printed again with a damaged first character. */
  repeatBlock: number;
  /** D5, per article: headline + a cut lead are printed again 2–4 times. */
  repeatLead: number;
  /** D1, per article with a dateline: the headline is echoed right after the dateline. */
  echo: number;
  /** D6, per article: page furniture (QR caption, editor line, continuation note) after it. */
  boilerplate: number;
  /** D7, per article: a box of related titles (with a QR caption) after it. */
  related: number;
  /** Per page: one paragraph is printed after the next article instead of in its place. */
  outOfOrder: number;
  /** D9, per article: one occurrence of a frequent word gets a look-alike character. */
  variant: number;
  /** Per page: lines are hard-wrapped at a fixed width (18–36 characters). */
  hardWrap: number;
  /** Per page: ASCII digits and letters are printed full-width. */
  fullWidth: number;
  /** Per page: the dump is written as GB18030 bytes instead of UTF-8. */
  gb18030: number;
  /**
   * Per page: the paper's own furniture (imprint, hotline, price lines the lexicon does not
   * know) is printed at the head and foot of the page, the same set on every page of a paper.
   * 0 in the profiles; `--rates paperFurniture=1` (and `npm run eval:furniture`) turn it on.
   */
  paperFurniture: number;
}

export const ZERO_RATES: Rates = {
  columnBreak: 0,
  lostAtBreak: 0,
  lostTail: 0,
  truncatedStart: 0,
  repeatBlock: 0,
  repeatLead: 0,
  echo: 0,
  boilerplate: 0,
  related: 0,
  outOfOrder: 0,
  variant: 0,
  hardWrap: 0,
  fullWidth: 0,
  gb18030: 0,
  paperFurniture: 0,
};

/**
 * Rates of the `dev` profile (a web-viewer scrape): damage of the kinds and rough density seen in the seed dump (a few
 * column breaks and repeats per page, one or two losses), so every defect occurs many times
 * over ~90 pages without making a page unreadable.
 */
export const DEV_RATES: Rates = {
  columnBreak: 0.12,
  lostAtBreak: 0.35,
  lostTail: 0.02,
  truncatedStart: 0.08,
  repeatBlock: 0.2,
  repeatLead: 0.12,
  echo: 0.3,
  boilerplate: 0.3,
  related: 0.12,
  outOfOrder: 0.1,
  variant: 0.15,
  hardWrap: 0.15,
  fullWidth: 0.15,
  gb18030: 0.15,
  paperFurniture: 0,
};

/**
 * Rates of a PDF text extractor (pdftotext and the like) run over a printed page: the text layer
 * is the typeset text, so characters are rarely lost or misprinted and nothing is printed twice,
 * but every printed line ends in a hard break, columns are cut wherever the layout cuts them, and
 * blocks come out in the order they were drawn rather than the order they are read. Clearly
 * unlike the dev profile (a viewer scrape), so a rule fitted to one shows on the other.
 */
export const EXTRACTOR_RATES: Rates = {
  // A multi-column page breaks most long paragraphs at a column foot at least once.
  columnBreak: 0.35,
  // The text layer holds every typeset character; a loss at a break is rare (a clipped glyph).
  lostAtBreak: 0.05,
  // A paragraph tail is lost only where a text box is clipped at the page edge.
  lostTail: 0.01,
  // Stories continued from another page (转版) start mid-sentence about as often as in print.
  truncatedStart: 0.05,
  // Overlapping text boxes drawn twice are uncommon in PDFs.
  repeatBlock: 0.03,
  // Headline + lead teasers repeated are a web-viewer habit, almost never in a PDF.
  repeatLead: 0.02,
  // A dateline set on its own line with the headline echoed is a viewer habit too.
  echo: 0.05,
  // Running heads and folios (page header, 责任编辑 line, 下转 note) are on nearly every page.
  boilerplate: 0.5,
  // Related-title boxes with QR codes are web furniture.
  related: 0.03,
  // Extraction follows drawing order: a block out of reading order is common.
  outOfOrder: 0.45,
  // A font without a proper ToUnicode map gives a wrong character now and then.
  variant: 0.05,
  // One text line per printed line: nearly every page is hard-wrapped at the column width.
  hardWrap: 0.85,
  // Digits and Latin letters set full-width in the font come out full-width.
  fullWidth: 0.3,
  // Extractors write UTF-8; a GB18030 file is a rare re-save.
  gb18030: 0.03,
  // Learned per source by `run`, measured on its own (npm run eval:furniture).
  paperFurniture: 0,
};

/** Named rate profiles: every evaluation split is scored under each. */
export const PROFILES = { dev: DEV_RATES, extractor: EXTRACTOR_RATES } as const;
export type ProfileName = keyof typeof PROFILES;
/** What each profile stands for, for reports. */
export const PROFILE_NOTES: Record<ProfileName, string> = {
  dev: 'web-viewer scrape damage (DEV_RATES)',
  extractor: 'PDF text extractor damage (EXTRACTOR_RATES)',
};
export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

/** Parse `--rates name=value,…` (or `all=value`) over a base; throws on unknown names. */
export function parseRates(spec: string | undefined, base: Rates): Rates {
  const rates = { ...base };
  if (!spec) return rates;
  for (const part of spec
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [name, raw] = part.split('=');
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0 || value > 1)
      throw new Error(`rate '${part}' wants a number in [0, 1]`);
    if (name === 'all') for (const key of Object.keys(rates) as (keyof Rates)[]) rates[key] = value;
    else if (name in rates) rates[name as keyof Rates] = value;
    else throw new Error(`unknown rate '${name}'; known: all, ${Object.keys(rates).join(', ')}`);
  }
  return rates;
}

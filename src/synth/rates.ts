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
};

/**
 * Rates of the dev set: damage of the kinds and rough density seen in the seed dump (a few
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
};

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

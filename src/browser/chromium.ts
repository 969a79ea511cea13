/**
 * The browser newsmend's tools drive (playwright-core): Debian's Chromium, headless, with no
 * network of its own. Used by the PDF page generator and the reader's browser tests.
 */
export const CHROMIUM = process.env.NEWSMEND_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

import type { Doc } from '../../model/doc.js';

const PRINTED_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;

/**
 * The page header prints the edition's date (2025年3月12日 星期三). When the caller gave no
 * edition date, take it from there: it completes datelines that lack a year and dates the
 * articles that have no dateline.
 */
export function adoptEditionDate(doc: Doc, headerText: string): void {
  if (doc.options.editionDate) return;
  const m = PRINTED_DATE.exec(headerText);
  if (!m) return;
  const date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  doc.options.editionDate = date;
  doc.messages.push({
    severity: 'info',
    code: 'edition-date',
    text: `edition date ${date} read from the page header`,
  });
}

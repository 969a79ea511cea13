import type { Doc } from '../../model/doc.js';
import type { Dateline, Span } from '../../model/types.js';
import { parseDateline } from '../../text/dateline.js';
import { inferYear } from './year.js';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A dateline field with agency, place and ISO date (year from the edition date or the dump). */
export function parseDatelineField(block: { text: string; spans: Span[] }, doc: Doc): Dateline {
  const parts = parseDateline(block.text);
  const dateline: Dateline = { text: block.text, spans: block.spans };
  if (block.spans.length === 0) dateline.fromSourceTag = true;
  if (parts?.agency) dateline.agency = parts.agency.replace(/^据/u, '');
  if (parts?.place) dateline.place = parts.place;
  if (parts?.monthDay) {
    const year = inferYear(doc, parts.monthDay);
    const md = `${pad(parts.monthDay.month)}-${pad(parts.monthDay.day)}`;
    dateline.date = year ? `${year}-${md}` : `--${md}`;
  }
  return dateline;
}

/**
 * The PDF path scored: newspaper pages typeset by Chromium from clean articles of a split
 * (src/pdf/generate/), read back by newsmend's PDF reader, and — the baseline a user has
 * today — by poppler's pdftotext (raw and -layout), whose dumps newsmend then mends as text.
 * The gold of a page is its articles: the page is made from them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mendPdf } from '../pdf/index.js';
import { extractPdf } from '../pdf/extract.js';
import { pageHtml, TEMPLATES, type Template } from '../pdf/generate/html.js';
import { renderPdfs } from '../pdf/generate/render.js';
import { mend } from '../pipeline.js';
import { parseRecord } from '../synth/parse.js';
import { goldArticle } from '../synth/page.js';
import { addCounts, zeroCounts, type Counts } from './counts.js';
import { GOLD_SCHEMA, droppedBoilerplate, fromArticle, type GoldFile } from './gold.js';
import { metricsOf, type Metrics } from './metrics.js';
import { scoreCase } from './score.js';
import { samplePlans, splitPlans, type SplitName } from './splits.js';

export interface PdfEvalPage {
  id: string;
  template: Template;
  gold: GoldFile;
  pdf: Uint8Array;
}

/** `max` pages of a split, each typeset with a template in turn. */
export async function pdfEvalPages(
  sharedEval: string,
  split: SplitName,
  max: number,
  seed: number,
): Promise<PdfEvalPage[]> {
  const plans = samplePlans(splitPlans(sharedEval, split, seed), max);
  const made = plans.map((plan, i) => {
    const articles = plan.records.map(parseRecord);
    const template = TEMPLATES[i % TEMPLATES.length];
    const date = plan.records[0].date;
    const html = pageHtml(articles, template, {
      paper: '新闻日报',
      date,
      pageNo: plan.pageNo,
      editor: '王编辑',
    });
    const gold: GoldFile = {
      schema: GOLD_SCHEMA,
      id: plan.id,
      articles: articles.map(goldArticle),
    };
    return { id: plan.id, template, gold, html };
  });
  const pdfs = await renderPdfs(made.map((m) => m.html));
  return made.map((m, i) => ({ id: m.id, template: m.template, gold: m.gold, pdf: pdfs[i] }));
}

export type PdfReader = 'newsmend' | 'pdftotext' | 'pdftotext -layout';

/** pdftotext's dump of a PDF, or undefined when poppler-utils is not installed. */
export function pdftotext(pdf: Uint8Array, layout: boolean): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'newsmend-pdf-'));
  try {
    const file = join(dir, 'page.pdf');
    writeFileSync(file, pdf);
    const args = [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'];
    const r = spawnSync('pdftotext', args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    return r.status === 0 ? r.stdout : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One page read one way and scored. */
export async function scorePdfPage(page: PdfEvalPage, reader: PdfReader): Promise<Counts> {
  let edition;
  if (reader === 'newsmend') edition = await mendPdf(page.pdf, { name: page.id });
  else {
    const text = pdftotext(page.pdf, reader === 'pdftotext -layout');
    if (text === undefined)
      throw new Error('pdftotext is not installed (apt-get install poppler-utils)');
    edition = mend(text, { name: page.id });
  }
  return scoreCase(page.gold, edition.articles.map(fromArticle), droppedBoilerplate(edition))
    .counts;
}

export interface PdfEvalRow {
  name: string;
  pages: number;
  metrics: Metrics;
}

/** Scores of each reader over the pages (and of newsmend on the held-out template alone). */
export async function pdfEvalReport(
  pages: readonly PdfEvalPage[],
  readers: readonly PdfReader[],
): Promise<PdfEvalRow[]> {
  const rows: PdfEvalRow[] = [];
  for (const reader of readers) {
    const all = zeroCounts();
    const held = zeroCounts();
    let heldPages = 0;
    for (const page of pages) {
      const counts = await scorePdfPage(page, reader);
      addCounts(all, counts);
      if (page.template.heldOut) {
        addCounts(held, counts);
        heldPages++;
      }
    }
    rows.push({ name: reader, pages: pages.length, metrics: metricsOf(all) });
    if (reader === 'newsmend' && heldPages > 0)
      rows.push({
        name: 'newsmend, held-out template',
        pages: heldPages,
        metrics: metricsOf(held),
      });
  }
  return rows;
}

/** Pages per second: newsmend's whole PDF path, and PDF.js's bare text extraction (the floor). */
export async function pdfSpeed(
  pages: readonly PdfEvalPage[],
): Promise<{ mend: number; floor: number }> {
  const time = async (f: (p: PdfEvalPage) => Promise<unknown>) => {
    const started = performance.now();
    for (const p of pages) await f(p);
    return pages.length / ((performance.now() - started) / 1000);
  };
  const floor = await time((p) => extractPdf(p.pdf));
  const mendRate = await time((p) => mendPdf(p.pdf));
  return { mend: mendRate, floor };
}

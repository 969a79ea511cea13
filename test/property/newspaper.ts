/**
 * A generator of made-up newspaper page dumps, written for the tests: articles with kickers,
 * headlines, datelines, bylines, source tags and captions, run together and damaged the way
 * real dumps are (split and cut paragraphs, repeats, page furniture, hard wraps, mixed line
 * endings). Vocabulary and sentences are our own; deterministic for a given seed.
 */

/** A small deterministic PRNG (mulberry32): the same seed gives the same dump everywhere. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)];
const chance = (rand: Rand, p: number) => rand() < p;
const between = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

const PLACES = ['北京', '上海', '重庆', '成都', '杭州', '西安', '武汉', '南宁', '兰州', '青岛'];
const SUBJECTS = [
  '市政府',
  '区教育局',
  '村委会',
  '科研团队',
  '志愿者们',
  '当地企业',
  '社区居民',
  '农技人员',
  '文化馆',
  '港口公司',
];
const ADVERBIALS = [
  '近日',
  '今年以来',
  '在春耕时节',
  '本周',
  '上个月',
  '连续三年',
  '在各方支持下',
  '从年初开始',
];
const VERBS = ['推出了', '完成了', '启动了', '改造了', '建成了', '举办了', '签订了', '发布了'];
const OBJECTS = [
  '一批便民服务点',
  '新的灌溉工程',
  '乡村阅读计划',
  '老旧小区的管网',
  '一条城市绿道',
  '青少年科普周',
  '合作框架协议',
  '季度经济数据',
];
const TAILS = [
  '受到群众欢迎',
  '为当地增加了就业岗位',
  '预计年底前全面投用',
  '参与人数超过两万人次',
  '相关工作将持续推进',
  '各项指标好于预期',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄'];
const GIVEN = ['明', '华', '丽', '强', '芳', '伟', '静', '磊', '新宇', '晓燕'];

export function sentence(rand: Rand): string {
  const core = `${pick(rand, ADVERBIALS)}，${pick(rand, PLACES)}${pick(rand, SUBJECTS)}${pick(rand, VERBS)}${pick(rand, OBJECTS)}`;
  return chance(rand, 0.6) ? `${core}，${pick(rand, TAILS)}。` : `${core}。`;
}

function paragraph(rand: Rand): string {
  return Array.from({ length: between(rand, 1, 4) }, () => sentence(rand)).join('');
}

function headline(rand: Rand): string {
  return `${pick(rand, PLACES)}${pick(rand, OBJECTS).replace(/^一(批|条)/u, '')}${pick(rand, ['顺利落地', '取得实效', '惠及万家', '按期完成', '全面铺开'])}`;
}

function person(rand: Rand): string {
  return `${pick(rand, SURNAMES)}${pick(rand, GIVEN)}`;
}

function dateline(rand: Rand): string {
  const date = `${between(rand, 1, 12)}月${between(rand, 1, 28)}日电`;
  return pick(rand, [
    `新华社${pick(rand, PLACES)}${date}`,
    `据新华社${pick(rand, PLACES)}${date}`,
    `本报${pick(rand, PLACES)}${date}  （记者${person(rand)}）`,
    '本报讯',
  ]);
}

function sourceTag(rand: Rand): string {
  return `（新华社${pick(rand, PLACES)}${between(rand, 1, 12)}月${between(rand, 1, 28)}日电）`;
}

/** The blocks (logical lines) of one article, before damage. */
function article(rand: Rand): string[] {
  const lines: string[] = [];
  if (chance(rand, 0.2)) lines.push(`${pick(rand, ['聚焦民生实事', '奋进新征程', '一线观察'])}`);
  if (chance(rand, 0.9)) lines.push(headline(rand));
  if (chance(rand, 0.3)) lines.push(`本报记者  ${person(rand)}`);
  const paragraphs = Array.from({ length: between(rand, 1, 5) }, () => paragraph(rand));
  if (chance(rand, 0.6)) paragraphs[0] = `${dateline(rand)} ${paragraphs[0]}`;
  lines.push(...paragraphs);
  if (chance(rand, 0.2)) lines.push(`${person(rand)}摄`);
  if (chance(rand, 0.2))
    lines.push(
      `（新华社${pick(rand, PLACES)}${between(rand, 1, 12)}月${between(rand, 1, 28)}日电）`,
    );
  return lines;
}

const FURNITURE = [
  '扫一扫 看视频',
  '第3版',
  '责任编辑：周 密',
  '（下转第四版）',
  '（上接第一版）',
  '本版编辑  吴 桐',
];

/** Damage a list of blocks: split and cut paragraphs, repeat blocks, insert page furniture. */
function damage(rand: Rand, blocks: string[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    if (block.length > 12 && chance(rand, 0.2)) {
      const cut = between(rand, 3, block.length - 3);
      out.push(block.slice(0, cut), block.slice(cut + (chance(rand, 0.3) ? 1 : 0)));
    } else out.push(block);
    if (chance(rand, 0.1)) out.push(pick(rand, FURNITURE));
    if (chance(rand, 0.03)) out.push(sourceTag(rand)); // a stray closing tag from another column
    if (chance(rand, 0.1)) out.push(block.slice(between(rand, 0, Math.min(3, block.length))));
  }
  if (out.length > 2 && chance(rand, 0.2)) {
    const from = between(rand, 0, out.length - 2);
    out.push(...out.slice(from, from + 2));
  }
  return out;
}

/** Cut long blocks into lines of a fixed number of characters (a hard-wrapped dump). */
function hardWrap(blocks: string[], width: number): string[] {
  return blocks.flatMap((b) =>
    b.length <= width ? [b] : (b.match(new RegExp(`.{1,${width}}`, 'gsu')) ?? [b]),
  );
}

export interface DumpOptions {
  /** Number of articles (default 1–5). */
  articles?: number;
}

/** One made-up page dump. */
export function makeDump(seed: number, options: DumpOptions = {}): string {
  const rand = prng(seed);
  const count = options.articles ?? between(rand, 1, 5);
  let blocks = damage(rand, Array.from({ length: count }, () => article(rand)).flat());
  if (chance(rand, 0.2)) blocks = hardWrap(blocks, between(rand, 16, 30));
  const eol = pick(rand, ['\n', '\n', '\r\n', '\r']);
  const indent = pick(rand, ['', '', '\u3000\u3000', '  ']);
  const gap = chance(rand, 0.5) ? eol + eol : eol;
  return blocks.map((b) => indent + b).join(gap) + (chance(rand, 0.7) ? eol : '');
}

/** Page dumps joined until at least `bytes` UTF-8 bytes (a corpus, or one huge dump). */
export function makeCorpus(seed: number, bytes: number): string[] {
  const pages: string[] = [];
  let total = 0;
  for (let i = 0; total < bytes; i++) {
    const page = makeDump(seed + i, { articles: 3 + (i % 6) });
    pages.push(page);
    total += Buffer.byteLength(page);
  }
  return pages;
}

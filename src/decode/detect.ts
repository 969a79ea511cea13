import chardet from 'chardet';

/** Encodings we try when bytes are not valid UTF-8, as WHATWG TextDecoder labels. */
export const LEGACY_CANDIDATES = ['gb18030', 'big5', 'shift_jis', 'euc-kr', 'utf-16le', 'utf-16be'];

/** chardet's names → TextDecoder labels for the encodings that matter for Chinese dumps. */
const CHARDET_TO_LABEL: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
};

export interface Candidate {
  label: string;
  confidence: number;
}

/** chardet's ranked guesses mapped to decoder labels (confidence 0..1). */
export function rankEncodings(bytes: Uint8Array): Candidate[] {
  const seen = new Set<string>();
  const ranked: Candidate[] = [];
  for (const match of chardet.analyse(bytes)) {
    const label = CHARDET_TO_LABEL[match.name];
    if (!label || seen.has(label)) continue;
    seen.add(label);
    ranked.push({ label, confidence: match.confidence / 100 });
  }
  return ranked;
}

/** Decode strictly; undefined when the bytes are not valid in that encoding. */
export function tryDecode(bytes: Uint8Array, label: string): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Decode strictly, except that the input may end inside a character (a file cut short, e.g. a
 * truncated download). A decoder holds back at most one character's bytes at the end (1 byte of
 * GBK/Big5, up to 3 of a GB18030 four-byte or UTF-8 sequence, of UTF-16 an odd byte or half a
 * surrogate pair); those become one U+FFFD, exactly as a lossy decoding writes them, so the text
 * is the lossy decoding of the bytes. undefined when any other byte is invalid; `cut` says whether
 * the end was incomplete.
 */
export function tryDecodeCut(
  bytes: Uint8Array,
  label: string,
): { text: string; cut: boolean } | undefined {
  const decoder = new TextDecoder(label, { fatal: true, ignoreBOM: true });
  let head: string;
  try {
    head = decoder.decode(bytes, { stream: true });
  } catch {
    return undefined;
  }
  try {
    return { text: head + decoder.decode(), cut: false };
  } catch {
    return { text: `${head}\ufffd`, cut: true };
  }
}

/** Share of CJK ideographs among the non-space characters: how Chinese a decoding reads. */
export function cjkShare(text: string): number {
  let cjk = 0;
  let total = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code <= 0x20) continue;
    total++;
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) cjk++;
  }
  return total === 0 ? 0 : cjk / total;
}

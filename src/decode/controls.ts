import type { Message } from '../model/types.js';

/** C0 controls other than tab, LF, VT, FF, CR and ESC, plus DEL: never part of a page's text. */
const STRAY_CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\u007f]/gu;
/** Unpaired UTF-16 surrogates (only possible in string input). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/gu;

function describe(code: number): string {
  return code === 0 ? 'NUL' : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A warning about characters a text dump should not contain; they are kept as they are. */
export function controlMessage(text: string): Message | undefined {
  const controls = text.match(STRAY_CONTROL);
  const surrogates = text.match(LONE_SURROGATE);
  if (!controls && !surrogates) return undefined;
  const parts: string[] = [];
  if (controls) {
    const kinds = [...new Set(controls.map((c) => describe(c.charCodeAt(0))))].slice(0, 4);
    parts.push(`${controls.length} control character(s) (${kinds.join(', ')})`);
  }
  if (surrogates) parts.push(`${surrogates.length} unpaired surrogate(s)`);
  const first = text.search(controls ? STRAY_CONTROL : LONE_SURROGATE);
  return {
    severity: 'warning',
    code: 'control-characters',
    text: `text contains ${parts.join(' and ')}; kept as they are`,
    span: { start: first, end: first + 1 },
  };
}

import { guessEncoding, guessUtf16 } from './encodingGuess';

export interface LineColumn {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units (as VS Code reports it). */
  readonly column: number;
}

/** Line breaks as editors count them: CRLF, a lone LF and a lone CR (old Mac files) each end a line. */
const LINE_BREAK = /\r\n?|\n/g;

/** The lines of a text, split at CRLF, LF or CR (so that line numbers agree with LineIndex). */
export function splitLines(text: string): string[] {
  return text.split(LINE_BREAK);
}

/** 1-based line and column of a UTF-16 offset, for one error message (many: use LineIndex). */
export function lineColumnAt(text: string, offset: number): LineColumn {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Line starts of a text, for many offset → line/column conversions (O(log n) each). */
export class LineIndex {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    LINE_BREAK.lastIndex = 0;
    for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) this.starts.push(m.index + m[0].length);
  }

  /** Offset where a 1-based line starts (the end of the text for lines past it). */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1];
  }

  at(offset: number): LineColumn {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }
}

/** An error located in a file, printed as `file:line:column message`. */
export class LocatedError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column} ${reason}`);
    this.name = 'LocatedError';
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** What `decodeUtf8` tells a user; the extension passes localised ones, the CLI the English default. */
export interface TextLabels {
  /** The file starts with a UTF-16 byte-order mark (`encoding` is UTF-16LE or UTF-16BE). */
  readonly utf16Bom: (encoding: string) => string;
  /** The whole file looks like another encoding (`like`, e.g. "GB18030"). */
  readonly looksLike: (like: string) => string;
  readonly invalidByte: (hex: string) => string;
  readonly invalidByteLooksLike: (like: string, hex: string) => string;
  readonly nulByte: () => string;
}

export const ENGLISH_TEXT_LABELS: TextLabels = {
  utf16Bom: (encoding) => `not UTF-8 (${encoding}: it starts with a UTF-16 byte-order mark); save it as UTF-8`,
  looksLike: (like) => `not UTF-8 (looks like ${like}); save it as UTF-8`,
  invalidByte: (hex) => `not UTF-8: invalid byte 0x${hex}; save it as UTF-8`,
  invalidByteLooksLike: (like, hex) => `not UTF-8 (looks like ${like}): invalid byte 0x${hex}; save it as UTF-8`,
  nulByte: () => 'NUL byte (0x00): not a text file',
};

/**
 * Decodes UTF-8 bytes, dropping a byte-order mark so offsets match what an editor shows. Anything
 * that is not UTF-8 text is refused with where it goes wrong and what it looks like instead, rather
 * than read as U+FFFD (which would put replacement characters into glossaries and annotations).
 */
export function decodeUtf8(bytes: Uint8Array, file = 'input', labels: TextLabels = ENGLISH_TEXT_LABELS): string {
  const bom = (a: number, b: number) => bytes[0] === a && bytes[1] === b;
  const bom16 = bom(0xff, 0xfe) ? 'UTF-16LE' : bom(0xfe, 0xff) ? 'UTF-16BE' : '';
  if (bom16) {
    throw new LocatedError(file, 1, 1, labels.utf16Bom(bom16));
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8(bytes);
    const like = guessEncoding(bytes);
    // In UTF-16 every position read as UTF-8 is wrong: the whole file is, from its start.
    const utf16 = like?.startsWith('UTF-16');
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, bad));
    const at = utf16 ? { line: 1, column: 1 } : lineColumnAt(before, before.length);
    const hex = bytes[bad].toString(16).toUpperCase().padStart(2, '0');
    const reason =
      like && utf16 ? labels.looksLike(like) : like ? labels.invalidByteLooksLike(like, hex) : labels.invalidByte(hex);
    throw new LocatedError(file, at.line, at.column, reason);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    // ASCII in UTF-16 without a byte-order mark is valid UTF-8 with a NUL after every letter.
    const like = guessUtf16(bytes);
    const at = like ? { line: 1, column: 1 } : lineColumnAt(text, nul);
    const reason = like ? labels.looksLike(like) : labels.nulByte();
    throw new LocatedError(file, at.line, at.column, reason);
  }
  return text;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (RFC 3629). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= b.length) return i;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlongs, surrogates or > U+10FFFF).
    const lo = c === 0xe0 ? 0xa0 : c === 0xf0 ? 0x90 : 0x80;
    const hi = c === 0xed ? 0x9f : c === 0xf4 ? 0x8f : 0xbf;
    for (let k = 1; k <= n; k++) {
      const t = b[i + k];
      if (t < (k === 1 ? lo : 0x80) || t > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return b.length;
}

/**
 * Character-set decoding for inbound mail. Node's WHATWG TextDecoder (full ICU) covers the
 * charsets mail really uses (windows-125x, KOI8, GBK/GB18030, Big5, EUC-KR, Shift_JIS,
 * ISO-2022-JP …); this module adds the aliases mail clients invent (ks_c_5601-1987, iso-gb2312,
 * cp1251 …) and UTF-7, which TextDecoder and mailparser both refuse. UTF-7 decodes to text like
 * any other charset: whatever it spells (even `<script>`) is escaped or sanitized downstream.
 */
import { Transform, type TransformCallback } from 'node:stream';

/** Private charset name UTF-7 parts are given, so mailparser (which refuses UTF-7) hands them to us. */
export const UTF7_ALIAS = 'x-frontdesk-utf-7';
/** Private charset name for parts declared UTF-8/ASCII that are not: decoded by {@link decodeGuess}. */
export const GUESS_ALIAS = 'x-frontdesk-guess';

const UTF7_NAMES = new Set(['utf-7', 'utf7', 'unicode-1-1-utf-7', 'csunicode11utf7', UTF7_ALIAS]);

/** Names TextDecoder does not know, mapped to the label of the superset it does know. */
const ALIASES = new Map<string, string>(
  Object.entries({
    'iso-gb2312': 'gbk',
    gb_2312: 'gbk',
    cp936: 'gbk',
    ms936: 'gbk',
    'windows-936': 'gbk',
    ks_c_5601: 'euc-kr',
    cp949: 'euc-kr',
    ms949: 'euc-kr',
    uhc: 'euc-kr',
    'windows-949': 'euc-kr',
    'x-windows-949': 'euc-kr',
    'ks_c_5601-1989': 'euc-kr',
    'big5-hkscs': 'big5',
    cp950: 'big5',
    'x-x-big5': 'big5',
    cp932: 'shift_jis',
    ms932: 'shift_jis',
    sjis: 'shift_jis',
    'x-sjis': 'shift_jis',
    'euc-jp-ms': 'euc-jp',
    utf8: 'utf-8',
    ascii: 'utf-8',
    'us-ascii': 'utf-8',
    'ansi_x3.4-1968': 'utf-8',
    '7bit': 'utf-8',
    '8bit': 'utf-8',
  }),
);

type Resolved = { kind: 'utf7' } | { kind: 'label'; label: string } | { kind: 'guess' };

const cache = new Map<string, Resolved>();

function knownLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

/** Maps a declared charset name to a decoder, remembering the answer. */
function resolve(charset: string): Resolved {
  const name = charset
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  const hit = cache.get(name);
  if (hit) return hit;
  let result: Resolved = { kind: 'guess' };
  if (UTF7_NAMES.has(name)) result = { kind: 'utf7' };
  else if (name === GUESS_ALIAS) result = { kind: 'guess' };
  else {
    const normalized = name
      .replace(/^win(?:dows)?[-_]?(\d{3,4})$/, 'windows-$1')
      .replace(/^cp[-_]?(125\d)$/, 'windows-$1')
      .replace(/^iso[-_]?8859[-_]?(\d+)(?::\d+)?$/, 'iso-8859-$1')
      .replace(/^utf[-_]?(8|16)(le|be)?$/, 'utf-$1$2');
    for (const candidate of [ALIASES.get(name), ALIASES.get(normalized), normalized, name]) {
      if (candidate && knownLabel(candidate)) {
        result = { kind: 'label', label: candidate };
        break;
      }
    }
  }
  if (cache.size < 500) cache.set(name, result);
  return result;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...BASE64].map((c, i) => [c, i]));

/** Decodes UTF-7 (RFC 2152): `+` opens modified base64 of UTF-16, `-` or any non-base64 char closes it. */
export function decodeUtf7(input: string): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c !== '+') {
      out += c;
      i++;
      continue;
    }
    i++;
    if (input[i] === '-') {
      out += '+';
      i++;
      continue;
    }
    let bits = 0;
    let bitCount = 0;
    while (i < input.length && B64_VALUE.has(input[i])) {
      bits = ((bits << 6) | (B64_VALUE.get(input[i]) ?? 0)) & 0xffffff;
      bitCount += 6;
      if (bitCount >= 16) {
        bitCount -= 16;
        out += String.fromCharCode((bits >> bitCount) & 0xffff);
      }
      i++;
    }
    if (input[i] === '-') i++;
  }
  return out;
}

const decoders = new Map<string, TextDecoder>();

/** The bytes as text in `label` (a TextDecoder label), or null when they are not valid in it. */
function strict(bytes: Uint8Array, label: string): string | null {
  let decoder = decoders.get(label);
  if (!decoder) {
    decoder = new TextDecoder(label, { fatal: true });
    decoders.set(label, decoder);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** The bytes in a declared charset without any guessing, or null when they are not valid in it (or it is unknown). */
export function decodeStrict(bytes: Uint8Array, charset: string): string | null {
  const r = resolve(charset);
  return r.kind === 'label' ? strict(bytes, r.label) : null;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

const WINDOWS_1252 = new TextDecoder('windows-1252').decode(Uint8Array.from({ length: 256 }, (_, i) => i));

/** Length of the valid UTF-8 sequence starting at `i`, or 0 when none starts there. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k] >= lo && bytes[i + k] <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const second = b === 0xe0 ? cont(1, 0xa0) : b === 0xed ? cont(1, 0x80, 0x9f) : cont(1);
    return second && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const second = b === 0xf0 ? cont(1, 0x90) : b === 0xf4 ? cont(1, 0x80, 0x8f) : cont(1);
    return second && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * Share of double-byte characters whose lead byte is in GB2312's punctuation and level-1 range
 * (0xA1–0xD7): most of real Chinese text, a minority of Cyrillic read as GB (lower-case
 * windows-1251 letters are 0xE0–0xFF).
 */
function commonHanziShare(bytes: Uint8Array): number {
  let common = 0;
  let total = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x81) continue;
    total++;
    if (b >= 0xa1 && b <= 0xd7) common++;
    i++;
  }
  return total === 0 ? 0 : common / total;
}

/**
 * Undeclared text in a script with no ASCII letters: within words that hold 8-bit bytes, nearly
 * every byte is 8-bit (European text has one or two per word). Chinese (GB18030) when the bytes
 * are valid GB18030 and look like common hanzi, otherwise Cyrillic (windows-1251).
 */
function nonLatinGuess(bytes: Uint8Array): string | null {
  let high = 0;
  let total = 0;
  let wordHigh = 0;
  let wordTotal = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i] : 0x20;
    if (b <= 0x20) {
      if (wordHigh > 0) {
        high += wordHigh;
        total += wordTotal;
      }
      wordHigh = 0;
      wordTotal = 0;
    } else {
      wordTotal++;
      if (b >= 0x80) wordHigh++;
    }
  }
  if (high < 4 || high < 0.7 * total) return null;
  const chinese = commonHanziShare(bytes) >= 0.6 ? strict(bytes, 'gb18030') : null;
  return chinese ?? new TextDecoder('windows-1251').decode(bytes);
}

/**
 * Reads bytes as UTF-8 where they form valid UTF-8 and as windows-1252 where they do not.
 * `utf8Bytes` counts the bytes of valid multi-byte sequences, `strayBytes` the 8-bit bytes outside them.
 */
function mixedUtf8(bytes: Uint8Array): { text: string; utf8Bytes: number; strayBytes: number } {
  const parts: string[] = [];
  let utf8Bytes = 0;
  let strayBytes = 0;
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const length = utf8SequenceAt(bytes, i);
    if (length > 0) {
      utf8Bytes += length;
      i += length;
      continue;
    }
    // A stray byte: the UTF-8 run before it is decoded as a whole, the byte as windows-1252.
    parts.push(
      Buffer.from(bytes.buffer, bytes.byteOffset + runStart, i - runStart).toString('utf8'),
      WINDOWS_1252[bytes[i]],
    );
    strayBytes++;
    i++;
    runStart = i;
  }
  parts.push(Buffer.from(bytes.buffer, bytes.byteOffset + runStart, bytes.length - runStart).toString('utf8'));
  return { text: parts.join(''), utf8Bytes, strayBytes };
}

/**
 * Text of unlabeled (or mislabeled UTF-8) bytes. Valid UTF-8 is UTF-8. Mostly-UTF-8 with stray
 * bytes (text pasted from one program into another) keeps the UTF-8 and reads the stray bytes
 * as windows-1252. Otherwise it is legacy 8-bit text: a non-Latin script when the 8-bit bytes
 * dominate its words (nonLatinGuess), else windows-1252, what such mail almost always is.
 */
export function decodeGuess(bytes: Uint8Array): string {
  const whole = strict(bytes, 'utf-8');
  if (whole !== null) return whole;
  const mixed = mixedUtf8(bytes);
  if (mixed.utf8Bytes > mixed.strayBytes) return mixed.text;
  return nonLatinGuess(bytes) ?? mixed.text;
}

/**
 * Decodes bytes in the declared charset. Unknown or missing names fall back to
 * {@link decodeGuess}. Two common mislabels are corrected: text that is mostly valid multi-byte
 * UTF-8 under another label is UTF-8 (legacy text is practically never valid UTF-8 by chance),
 * and 8-bit bytes under the 7-bit ISO-2022-JP label are Shift_JIS or EUC-JP.
 */
export function decodeBytes(bytes: Uint8Array, charset: string | null | undefined): string {
  const r = resolve(charset ?? '');
  if (r.kind === 'utf7') return decodeUtf7(Buffer.from(bytes).toString('latin1'));
  if (r.kind === 'guess' || r.label === 'utf-8') return decodeGuess(bytes);
  if (!hasHighBytes(bytes)) return new TextDecoder(r.label).decode(bytes);
  const utf8 = strict(bytes, 'utf-8');
  if (utf8 !== null) return utf8;
  const mixed = mixedUtf8(bytes);
  if (mixed.utf8Bytes > 2 * mixed.strayBytes) return mixed.text;
  if (r.label === 'iso-2022-jp') return strict(bytes, 'shift_jis') ?? strict(bytes, 'euc-jp') ?? decodeGuess(bytes);
  return new TextDecoder(r.label).decode(bytes);
}

/**
 * Stream decoder in the shape mailparser's `Iconv` option expects (`new Iconv(from, to)`, a
 * writable/readable stream producing UTF-8). A part is decoded once complete: the mislabel checks
 * of {@link decodeBytes} need all of it, and simpleParser holds every part in memory anyway.
 */
export class CharsetDecodeStream extends Transform {
  private readonly charset: string;
  private readonly pending: Buffer[] = [];

  constructor(charset: string, _target?: string) {
    super();
    this.charset = charset;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.pending.push(Buffer.from(chunk));
    done();
  }

  override _flush(done: TransformCallback): void {
    const text = decodeBytes(Buffer.concat(this.pending), this.charset);
    if (text) this.push(Buffer.from(text, 'utf8'));
    done();
  }
}

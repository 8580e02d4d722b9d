/**
 * Address-list parsing (From, To, Cc, Reply-To) that copes with what mail really contains:
 * encoded words with commas in them, addresses only inside a comment (`Name (a@b.example)`),
 * bare `MAILER-DAEMON`, unquoted names before a bare address, empty `<>`. Display names are
 * RFC 2047-decoded only after the structure is known, so a decoded name can never turn into an
 * address; encoded words in an addr-spec are decoded only where that cannot change the domain.
 */
import type { MailAddress } from './mail.model.ts';
import { decodeWords } from './mail-parse.headers.ts';

type TokenKind = 'atom' | 'quoted' | 'comment' | 'angle' | 'comma' | 'semicolon' | 'colon';

interface Token {
  kind: TokenKind;
  value: string;
  /** Whitespace (or the start) came before it: adjacent tokens form one word (`"a b"@example.com`). */
  spaced: boolean;
}

const ENCODED_WORD_AT = /=\?[^?\s]{1,64}\?[bBqQ]\?.{0,1000}?\?=/y;
const SPECIAL = /[\s"(<,;:]/;

/** Reads a quoted string or comment starting at `start` (the opening char); returns [value, end]. */
function readDelimited(text: string, start: number, open: string, close: string): [string, number] {
  let depth = 1;
  let value = '';
  let i = start + 1;
  for (; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      value += text[++i];
      continue;
    }
    if (open !== close && c === open) depth++;
    else if (c === close && --depth === 0) return [value, i + 1];
    value += c;
  }
  return [value, i];
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let spaced = true;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      spaced = true;
      i++;
      continue;
    }
    let token: Token;
    if (c === '"') {
      const [value, end] = readDelimited(text, i, '"', '"');
      token = { kind: 'quoted', value, spaced };
      i = end;
    } else if (c === '(') {
      const [value, end] = readDelimited(text, i, '(', ')');
      token = { kind: 'comment', value, spaced };
      i = end;
    } else if (c === '<') {
      const end = text.indexOf('>', i + 1);
      token = { kind: 'angle', value: text.slice(i + 1, end < 0 ? text.length : end), spaced };
      i = end < 0 ? text.length : end + 1;
    } else if (c === ',' || c === ';' || c === ':') {
      token = { kind: c === ',' ? 'comma' : c === ';' ? 'semicolon' : 'colon', value: c, spaced };
      i++;
    } else {
      // An atom; an encoded word is read whole, so a comma or colon inside it does not split.
      let end = i;
      while (end < text.length && !SPECIAL.test(text[end])) {
        ENCODED_WORD_AT.lastIndex = end;
        const word = text.startsWith('=?', end) ? ENCODED_WORD_AT.exec(text) : null;
        end = word ? end + word[0].length : end + 1;
      }
      token = { kind: 'atom', value: text.slice(i, end), spaced };
      i = end;
    }
    tokens.push(token);
    spaced = false;
  }
  return tokens;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
const SAFE_LOCAL_PART = /^[^\s@<>()[\]\\,;:"\x00-\x1f\x7f]+$/;

/**
 * The addr-spec as written, lower-cased. RFC 2047 forbids encoded words in an addr-spec; senders
 * still put them in the local part, so those are decoded when the result is a plain local part,
 * never in the domain (`=?utf-8?q?ceo=40bank.example?=@evil.example` stays literal).
 */
function cleanAddrSpec(raw: string): string {
  const address = raw.trim();
  const at = address.lastIndexOf('@');
  if (!address.includes('=?') || at <= 0) return address.toLowerCase();
  const domain = address.slice(at + 1);
  const local = decodeWords(address.slice(0, at));
  if (domain.includes('=?') || !SAFE_LOCAL_PART.test(local)) return address.toLowerCase();
  return `${local}@${domain}`.toLowerCase();
}

function displayName(parts: string[]): string {
  return decodeWords(parts.join(' '))
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

const ADDR_SPEC = /[^\s<>()[\]\\,;:"@]+@[^\s<>()[\]\\,;:"@]+/;
const BARE_LOCAL = /^[a-z0-9._+-]+$/i;

/** One mailbox from the tokens between separators, or null when it names no address. */
function mailbox(tokens: Token[], allowLocalOnly: boolean): MailAddress | null {
  const comments = tokens.filter((t) => t.kind === 'comment').map((t) => t.value);
  const angles = tokens.filter((t) => t.kind === 'angle');
  // Words: atoms and quoted strings, joined when nothing separates them.
  const words: { text: string; quotedOnly: boolean }[] = [];
  for (const t of tokens) {
    if (t.kind !== 'atom' && t.kind !== 'quoted') continue;
    const text = t.kind === 'quoted' ? (t.spaced ? t.value : `"${t.value}"`) : t.value;
    const last = words[words.length - 1];
    if (last && !t.spaced) {
      last.text = last.quotedOnly ? `"${last.text}"${text}` : last.text + text;
      last.quotedOnly = false;
    } else words.push({ text, quotedOnly: t.kind === 'quoted' });
  }
  let address = '';
  let nameParts: string[];
  if (angles.length > 0) {
    address = angles[angles.length - 1].value.trim();
    nameParts = words.map((w) => w.text);
  } else {
    // Prefer a written address over a quoted string that merely contains '@'.
    let index = words.findIndex((w) => !w.quotedOnly && w.text.includes('@'));
    if (index < 0) index = words.findIndex((w) => w.text.includes('@'));
    if (index >= 0) {
      address = words[index].text;
      nameParts = words.filter((_, i) => i !== index).map((w) => w.text);
    } else {
      nameParts = words.map((w) => w.text);
      const inComment = comments.map((c) => ADDR_SPEC.exec(c)?.[0]).find((a) => a !== undefined);
      if (inComment) address = inComment;
      else if (allowLocalOnly && words.length === 1 && BARE_LOCAL.test(words[0].text)) {
        address = words[0].text;
        nameParts = [];
      }
    }
  }
  if (!address) return null;
  const name = displayName(nameParts.length > 0 ? nameParts : comments.filter((c) => !c.includes(address)));
  return { address: cleanAddrSpec(address), name };
}

/**
 * Parses an address header value into mailboxes; groups are flattened and entries without an
 * address dropped. `allowLocalOnly` accepts a bare local part (`MAILER-DAEMON`) as an address.
 */
export function parseAddressList(value: string, allowLocalOnly = false): MailAddress[] {
  const result: MailAddress[] = [];
  let current: Token[] = [];
  const flush = () => {
    const box = mailbox(current, allowLocalOnly);
    if (box) result.push(box);
    current = [];
  };
  for (const token of tokenize(value)) {
    if (token.kind === 'comma' || token.kind === 'semicolon') flush();
    else if (token.kind === 'colon')
      current = []; // a group name ends; its members follow
    else current.push(token);
  }
  flush();
  return result;
}

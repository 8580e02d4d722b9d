/**
 * Loader for the expected-result files of the Zammad mail corpus (Ruby YAML dumps of a
 * HashWithIndifferentAccess). Ruby's `!ruby/hash:…` / `!ruby/object:…` tags become plain maps and
 * `!binary` scalars (base64) become Buffers, so the generic `yaml` package can read them.
 */
import { readFileSync } from 'node:fs';
import { type CollectionTag, isMap, parse, type ScalarTag, type YAMLMap } from 'yaml';

/** One expected attachment: its bytes, file name and Zammad's preferences (Mime-Type, Content-ID …). */
export interface ZammadAttachment {
  data: Buffer;
  filename: string;
  preferences: Record<string, unknown>;
}

/** The expected parse of one corpus message, as Zammad stores it. */
export interface ZammadExpected {
  from: string | null;
  fromEmail: string | null;
  fromDisplayName: string | null;
  to: string | null;
  cc: string | null;
  replyTo: string | null;
  subject: string | null;
  body: string;
  contentType: string;
  attachments: ZammadAttachment[];
}

/** Plain map for a tagged Ruby hash or object: the tag only names the Ruby class. */
function rubyMapTag(tag: string): CollectionTag {
  return {
    tag,
    collection: 'map',
    resolve: (map) => (isMap(map) ? (map as YAMLMap.Parsed).toJSON() : map),
  };
}

// A Uint8Array, not a Buffer: yaml's toJSON would turn a Buffer (it has toJSON) into {type, data}.
const binaryTag: ScalarTag = {
  tag: '!binary',
  resolve: (value: string) => new Uint8Array(Buffer.from(value.replace(/\s+/g, ''), 'base64')),
};

/** Every tag in the corpus, plus the generic object form in case newer fixtures use it. */
const TAGS = [
  rubyMapTag('!ruby/hash:ActiveSupport::HashWithIndifferentAccess'),
  rubyMapTag('!ruby/hash'),
  rubyMapTag('!ruby/object'),
  binaryTag,
];

function str(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  return String(value);
}

function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !(value instanceof Uint8Array)
    ? (value as Record<string, unknown>)
    : {};
}

/** Parses the text of a Zammad expected-result .yml into a typed structure. */
export function parseZammadYml(text: string): ZammadExpected {
  // Unknown `!ruby/...` variants only warn; the structure below tolerates any shape.
  const doc = record(parse(text, { customTags: TAGS, logLevel: 'error', maxAliasCount: -1 }));
  const rawAttachments = Array.isArray(doc.attachments) ? doc.attachments : [];
  const attachments = rawAttachments.map((entry: unknown): ZammadAttachment => {
    const a = record(entry);
    const data = a.data instanceof Uint8Array ? Buffer.from(a.data) : Buffer.from(str(a.data) ?? '', 'utf8');
    return { data, filename: str(a.filename) ?? '', preferences: record(a.preferences) };
  });
  return {
    from: str(doc.from),
    fromEmail: str(doc.from_email),
    fromDisplayName: str(doc.from_display_name),
    to: str(doc.to),
    cc: str(doc.cc),
    replyTo: str(doc['reply-to']),
    subject: str(doc.subject),
    body: str(doc.body) ?? '',
    contentType: str(doc.content_type) ?? 'text/plain',
    attachments,
  };
}

/** Reads and parses one expected-result file. */
export function loadZammadYml(path: string): ZammadExpected {
  return parseZammadYml(readFileSync(path, 'utf8'));
}

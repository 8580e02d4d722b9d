import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { corporaDir } from '../../test/corpora.ts';
import type { ParsedMail } from './mail.model.ts';
import { parseMail } from './mail-parse.ts';

/** A message from header lines and a body, with CRLF line ends. */
function mail(headers: string[], body = ''): Buffer {
  return Buffer.from(`${headers.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`, 'latin1');
}

/** Bytes of `text` in a legacy charset, as a latin1 string for `mail()`. */
function bytesIn(text: string, charset: string): string {
  const encoders: Record<string, (t: string) => number[]> = {
    'windows-1251': (t) => [...t].map((c) => (c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))),
    'koi8-r': (t) =>
      [...t].map((c) => ({ П: 0xf0, р: 0xd2, и: 0xc9, в: 0xd7, е: 0xc5, т: 0xd4 })[c] ?? c.charCodeAt(0)),
  };
  return Buffer.from(encoders[charset](text)).toString('latin1');
}

describe('parseMail: envelope', () => {
  it('reads addresses, ids, subject and date', async () => {
    const parsed = await parseMail(
      mail(
        [
          'From: "Smith, John" <John.Smith@Example.COM>',
          'To: support@example.org, =?utf-8?Q?J=C3=BCrgen?= <JUERGEN@example.org>',
          'Cc: Undisclosed recipients:;',
          'Reply-To: <replies@example.com>',
          'Subject: =?utf-8?B?0JfQsNC/0YDQvtGB?= about =?iso-8859-1?Q?Gr=FC=DFe?=',
          'Message-ID: <abc.123@example.com>',
          'In-Reply-To: <parent@example.com>',
          'References: <root@example.com>\r\n <parent@example.com>',
          'Date: Tue, 1 Apr 2025 10:11:12 +0200',
        ],
        'Hello',
      ),
    );
    expect(parsed.from).toEqual({ address: 'john.smith@example.com', name: 'Smith, John' });
    expect(parsed.to).toEqual([
      { address: 'support@example.org', name: '' },
      { address: 'juergen@example.org', name: 'Jürgen' },
    ]);
    expect(parsed.cc).toEqual([]);
    expect(parsed.replyTo).toEqual([{ address: 'replies@example.com', name: '' }]);
    expect(parsed.subject).toBe('Запрос about Grüße');
    expect(parsed.messageId).toBe('abc.123@example.com');
    expect(parsed.inReplyTo).toEqual(['parent@example.com']);
    expect(parsed.references).toEqual(['root@example.com', 'parent@example.com']);
    expect(parsed.date).toBe('2025-04-01T08:11:12.000Z');
    expect(parsed.text.trim()).toBe('Hello');
    expect(parsed.html).toBeNull();
    expect(parsed.automatic.kind).toBe('none');
  });

  it('joins encoded words that split a multi-byte character', async () => {
    // "Привет" in UTF-8, cut in the middle of the second letter across two B-words
    const bytes = Buffer.from('Привет', 'utf8');
    const words = [bytes.subarray(0, 3), bytes.subarray(3)].map((b) => `=?UTF-8?B?${b.toString('base64')}?=`);
    const parsed = await parseMail(mail([`Subject: ${words.join('\r\n ')}`, 'From: a@example.com'], 'x'));
    expect(parsed.subject).toBe('Привет');
  });

  it('never lets an encoded word move an address to another domain (spoofing)', async () => {
    const cases: [string, string, string][] = [
      // Zammad mail118: encoded local part, real domain kept
      ['=?utf-8?Q?agent?=@example.com', 'agent@example.com', ''],
      // decodes to ceo@bank.example@evil.example: stays the literal addr-spec at evil.example
      ['=?utf-8?Q?ceo=40bank.example?=@evil.example', '=?utf-8?q?ceo=40bank.example?=@evil.example', ''],
      // the display name decodes to an address in brackets: still only a name
      [
        '=?utf-8?Q?ceo=40bank.example_=3Cceo=40bank.example=3E?= <attacker@evil.example>',
        'attacker@evil.example',
        'ceo@bank.example <ceo@bank.example>',
      ],
    ];
    for (const [from, address, name] of cases) {
      const parsed = await parseMail(mail([`From: ${from}`, 'Subject: t'], 'x'));
      expect(parsed.from, from).toEqual({ address, name });
    }
  });

  it('finds the sender in awkward From fields', async () => {
    const sender = async (...fields: string[]) => (await parseMail(mail([...fields, 'Subject: t'], 'x'))).from;
    expect(await sender('From: MAILER-DAEMON (Mail Delivery System)')).toEqual({
      address: 'mailer-daemon',
      name: 'Mail Delivery System',
    });
    expect(await sender('From: Namedy (hans@example.com)')).toEqual({ address: 'hans@example.com', name: 'Namedy' });
    expect(await sender('From: [??????]', 'From: Real <real@example.com>')).toEqual({
      address: 'real@example.com',
      name: 'Real',
    });
    expect(await sender('From: "Nobody" <>', 'Reply-To: <answer@example.com>')).toEqual({
      address: 'answer@example.com',
      name: '',
    });
    expect(await sender('From: =?iso-8859-1?Q?B=FCrling,=20Andreas?= <a@example.com>')).toEqual({
      address: 'a@example.com',
      name: 'Bürling, Andreas',
    });
    expect(await sender('X-Other: 1')).toBeNull();
  });

  it('reads dates leniently and gives null for nonsense', async () => {
    const date = async (value: string) => (await parseMail(mail([`Date: ${value}`, 'From: a@example.com'], 'x'))).date;
    expect(await date('Fri, 07 Apr 2023 17:30:44 +0200Received: from x')).toBe('2023-04-07T15:30:44.000Z');
    expect(await date('7 Apr 2023 17:30 GMT')).toBe('2023-04-07T17:30:00.000Z');
    expect(await date('Wed, 05 Sep 2018 29:24:05 +0700')).toBeNull();
    expect(await date('yesterday')).toBeNull();
  });

  it('decodes raw 8-bit headers as UTF-8, else in the charset the message declares', async () => {
    const utf8 = await parseMail(Buffer.from('Subject: Grüße aus Köln\r\nFrom: a@example.com\r\n\r\nx', 'utf8'));
    expect(utf8.subject).toBe('Grüße aus Köln');
    const gb = Buffer.concat([
      Buffer.from('Subject: '),
      Buffer.from([0xd6, 0xd0, 0xce, 0xc4]), // 中文 in GB2312
      Buffer.from('\r\nFrom: a@example.com\r\nContent-Type: text/plain; charset=gb2312\r\n\r\nx'),
    ]);
    expect((await parseMail(gb)).subject).toBe('中文');
  });
});

describe('parseMail: charsets', () => {
  const body = async (charset: string, encoded: string, cte = '8bit') =>
    (
      await parseMail(
        mail(
          [
            `Content-Type: text/plain; charset="${charset}"`,
            `Content-Transfer-Encoding: ${cte}`,
            'From: a@example.com',
          ],
          encoded,
        ),
      )
    ).text.trim();

  it.each([
    ['windows-1251', bytesIn('Привет', 'windows-1251'), 'Привет'],
    ['koi8-r', bytesIn('Привет', 'koi8-r'), 'Привет'],
    ['gb2312', Buffer.from([0xc4, 0xe3, 0xba, 0xc3]).toString('latin1'), '你好'],
    ['iso-gb2312', Buffer.from([0xc4, 0xe3, 0xba, 0xc3]).toString('latin1'), '你好'],
    ['big5', Buffer.from([0xa7, 0x41, 0xa6, 0x6e]).toString('latin1'), '你好'],
    ['ks_c_5601-1987', Buffer.from([0xbe, 0xc8, 0xb3, 0xe7]).toString('latin1'), '안녕'],
    ['iso-2022-jp', '\u001b$B$3$s$K$A$O\u001b(B', 'こんにちは'],
    ['unicode-1-1-utf-7', 'Gr+APw-+AN8-e +- mehr', 'Grüße + mehr'],
    ['utf-8', 'caf\u00e9 cr\u00e8me', 'café crème'], // stray Latin-1 bytes under a UTF-8 label
    ['x-unknown', 'Gr\u00fc\u00dfe', 'Grüße'],
  ])('%s', async (charset, encoded, expected) => {
    expect(await body(charset, encoded)).toBe(expected);
  });

  it('reads Shift_JIS under the 7-bit ISO-2022-JP label', async () => {
    const parsed = await parseMail(mail(['Subject: =?ISO-2022-JP?B?g2OBW4OL?=', 'From: a@example.com'], 'x'));
    expect(parsed.subject).toBe('ツール');
  });

  it('decodes base64 and quoted-printable bodies in any charset', async () => {
    expect(await body('windows-1251', Buffer.from('Привет', 'utf8').toString('base64'), 'base64')).toBe('Привет');
    expect(await body('windows-1251', '=CF=F0=E8=E2=E5=F2', 'quoted-printable')).toBe('Привет');
  });

  it('reads undeclared Chinese and Cyrillic text', async () => {
    const chinese = Buffer.from([0xbb, 0xfa, 0xb7, 0xbf, 0xbb, 0xb7, 0xbe, 0xb3]).toString('latin1'); // 机房环境
    expect((await parseMail(mail(['From: a@example.com'], chinese))).text.trim()).toBe('机房环境');
    const cyrillic = bytesIn('Привет тебе', 'windows-1251');
    expect((await parseMail(mail(['From: a@example.com'], cyrillic))).text.trim()).toBe('Привет тебе');
  });
});

describe('parseMail: bodies and attachments', () => {
  it('sanitizes HTML-only mail and derives the text from it', async () => {
    const parsed = await parseMail(
      mail(
        ['From: a@example.com', 'Content-Type: text/html; charset=utf-8'],
        '<html><head><title>Invoice</title><style>p{color:red}</style></head><body><p onclick="x()">Hello <b>you</b></p><script>alert(1)</script><p>Second</p></body></html>',
      ),
    );
    expect(parsed.html).toBe('<p>Hello <b>you</b></p><p>Second</p>');
    expect(parsed.text).toBe('Hello you\nSecond');
  });

  it('keeps the text part and the sanitized HTML of an alternative, inline images with cid: references', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const parsed = await parseMail(
      mail(
        ['From: a@example.com', 'Content-Type: multipart/related; boundary="rel"'],
        [
          '--rel',
          'Content-Type: multipart/alternative; boundary="alt"',
          '',
          '--alt',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Plain version',
          '--alt',
          'Content-Type: text/html; charset=utf-8',
          '',
          '<p>HTML version <img src="cid:logo@example.com" alt="logo"></p>',
          '--alt--',
          '--rel',
          'Content-Type: image/png',
          'Content-ID: <logo@example.com>',
          'Content-Transfer-Encoding: base64',
          '',
          png.toString('base64'),
          '--rel',
          'Content-Type: text/html; charset=utf-8',
          '',
          '<p>a resource of the page, not more body</p>',
          '--rel--',
        ].join('\n'),
      ),
    );
    expect(parsed.text.trim()).toBe('Plain version');
    expect(parsed.html).toBe('<p>HTML version <img src="cid:logo@example.com" alt="logo" /></p>');
    expect(parsed.attachments).toHaveLength(2);
    expect(parsed.attachments[0]).toMatchObject({
      filename: 'image-1.png',
      contentType: 'image/png',
      contentId: 'logo@example.com',
      inline: true,
    });
    expect(parsed.attachments[0].content.equals(png)).toBe(true);
    expect(parsed.attachments[1]).toMatchObject({ filename: 'file-2.html', contentType: 'text/html', inline: false });
  });

  it('names attachments from RFC 2231 and RFC 2047 parameters, and generates names otherwise', async () => {
    const part = (disposition: string, type = 'application/pdf') =>
      [
        `Content-Type: ${type}`,
        disposition,
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('data').toString('base64'),
      ].join('\n');
    const parsed = await parseMail(
      mail(
        ['From: a@example.com', 'Content-Type: multipart/mixed; boundary="b"'],
        [
          '--b',
          'Content-Type: text/plain',
          '',
          'see attached',
          '--b',
          part("Content-Disposition: attachment; filename*=utf-8''Rechnung%20M%C3%A4rz%20%E2%82%AC.pdf"),
          '--b',
          part('Content-Disposition: attachment; filename="=?utf-8?B?0KHRh9C10YIucGRm?="'),
          '--b',
          part('Content-Disposition: attachment; filename="..\\\\..\\\\evil.exe"', 'application/octet-stream'),
          '--b',
          part('Content-Disposition: attachment', 'application/octet-stream'),
          '--b',
          part('Content-Disposition: attachment', 'message/rfc822'),
          '--b--',
        ].join('\n'),
      ),
    );
    expect(parsed.attachments.map((a) => a.filename)).toEqual([
      'Rechnung März €.pdf',
      'Счет.pdf',
      'evil.exe',
      'file-4.bin',
      'message-5.eml',
    ]);
    expect(parsed.attachments.every((a) => !a.inline && a.contentId === null)).toBe(true);
  });

  it('decodes x-uuencode parts', async () => {
    const parsed = await parseMail(
      mail(
        ['From: a@example.com', 'Content-Type: multipart/mixed; boundary="b"'],
        [
          '--b',
          'Content-Type: text/plain',
          '',
          'x',
          '--b',
          'Content-Type: application/octet-stream; name=a.txt',
          'Content-Transfer-Encoding: x-uuencode',
          '',
          ',2&5L;&\\@6F%M;6%D',
          '`',
          '--b--',
        ].join('\n'),
      ),
    );
    expect(parsed.attachments[0].content.toString()).toBe('Hello Zammad');
  });

  it('removes NUL characters from every string', async () => {
    const parsed = await parseMail(mail(['Subject: a\u0000b', 'From: x\u0000y@example.com'], 'body\u0000text'));
    expect(parsed.subject).toBe('ab');
    expect(parsed.from?.address).toBe('xy@example.com');
    expect(parsed.text).toBe('bodytext');
  });

  it('falls back to a minimal parse when the MIME parser fails', async () => {
    vi.resetModules();
    vi.doMock('./mail-parse.mime.ts', () => ({ parseMime: () => Promise.reject(new Error('broken')) }));
    try {
      const { parseMail: parseWithBrokenMime } = await import('./mail-parse.ts');
      const parsed = await parseWithBrokenMime(
        Buffer.from(
          'From: =?utf-8?Q?J=C3=BCrgen?= <J@Example.com>\r\nSubject: Hi\r\nContent-Type: text/plain; charset=windows-1251\r\n\r\n\xcf\xf0\xe8\xe2\xe5\xf2',
          'latin1',
        ),
      );
      expect(parsed.from).toEqual({ address: 'j@example.com', name: 'Jürgen' });
      expect(parsed.subject).toBe('Hi');
      expect(parsed.text).toBe('Привет');
      expect(parsed.attachments).toEqual([]);
    } finally {
      vi.doUnmock('./mail-parse.mime.ts');
      vi.resetModules();
    }
  });
});

/** Checks the ParsedMail contract: every field present with its type. */
function expectParsedMail(value: ParsedMail): void {
  const isAddress = (a: unknown) =>
    typeof a === 'object' &&
    a !== null &&
    typeof (a as { address: unknown }).address === 'string' &&
    typeof (a as { name: unknown }).name === 'string';
  expect(typeof value.subject).toBe('string');
  expect(typeof value.text).toBe('string');
  expect(value.html === null || typeof value.html === 'string').toBe(true);
  expect(value.messageId === null || typeof value.messageId === 'string').toBe(true);
  expect(value.date === null || !Number.isNaN(Date.parse(value.date))).toBe(true);
  expect(value.from === null || isAddress(value.from)).toBe(true);
  for (const list of [value.to, value.cc, value.replyTo]) expect(list.every(isAddress)).toBe(true);
  for (const list of [value.inReplyTo, value.references]) expect(list.every((id) => typeof id === 'string')).toBe(true);
  for (const a of value.attachments) {
    expect(typeof a.filename).toBe('string');
    expect(a.filename.length).toBeGreaterThan(0);
    expect(typeof a.contentType).toBe('string');
    expect(Buffer.isBuffer(a.content)).toBe(true);
  }
  expect(['none', 'auto_reply', 'bounce', 'list']).toContain(value.automatic.kind);
  expect(Array.isArray(value.automatic.failedRecipients)).toBe(true);
  for (const text of [value.subject, value.text, value.html ?? '']) expect(text.includes('\u0000')).toBe(false);
}

/** parseMail, failing the property when it takes longer than `ms` (a hang). */
async function parseWithin(raw: Buffer, ms = 5000): Promise<ParsedMail> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`parseMail took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([parseMail(raw), hang]);
  } finally {
    clearTimeout(timer);
  }
}

const CORPUS_DIR = corporaDir('zammad-mail', 'mail');

/** Small corpus messages (the mutations are cheap on them), read once. */
const SEEDS: Buffer[] = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.box'))
  .map((f) => join(CORPUS_DIR, f))
  .filter((path) => statSync(path).size < 24_000)
  .map((path) => readFileSync(path));

/** One random damage to a raw message. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }),
    byte: fc.integer({ min: 0, max: 255 }),
  }),
  fc.record({ kind: fc.constant('drop-boundaries' as const) }),
  fc.record({ kind: fc.constant('duplicate-headers' as const), times: fc.integer({ min: 2, max: 5 }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    bytes: fc.uint8Array({ maxLength: 64 }),
  }),
  fc.record({ kind: fc.constant('crlf' as const), to: fc.constantFrom('\n', '\r', '\r\r\n') }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(raw: Buffer, m: Mutation): Buffer {
  const pos = (at: number) => Math.floor(at * raw.length);
  const text = () => raw.toString('latin1');
  switch (m.kind) {
    case 'truncate':
      return raw.subarray(0, pos(m.at));
    case 'flip': {
      const copy = Buffer.from(raw);
      for (const at of m.at) if (copy.length > 0) copy[Math.min(pos(at), copy.length - 1)] = m.byte;
      return copy;
    }
    case 'drop-boundaries':
      return Buffer.from(text().replace(/^--.*$/gm, ''), 'latin1');
    case 'duplicate-headers': {
      const s = text();
      const end = s.search(/\r?\n\r?\n/);
      const head = end < 0 ? s : s.slice(0, end);
      return Buffer.from(Array(m.times).fill(head).join('\r\n') + s.slice(head.length), 'latin1');
    }
    case 'insert':
      return Buffer.concat([raw.subarray(0, pos(m.at)), m.bytes, raw.subarray(pos(m.at))]);
    case 'crlf':
      return Buffer.from(text().replace(/\r?\n/g, m.to), 'latin1');
  }
}

describe('parseMail: never throws, never hangs', () => {
  it.each([
    ['unterminated encoded words', `Subject: ${'=?a?q?'.repeat(50_000)}\r\nFrom: ${'=?x?b?'.repeat(20_000)}\r\n\r\nx`],
    ['deeply nested HTML', `Content-Type: text/html\r\n\r\n${'<div><b>'.repeat(50_000)}deep`],
    ['unclosed <head>s', `Content-Type: text/html\r\n\r\n${'<head>'.repeat(50_000)}`],
    ['unbalanced address syntax', `From: ${'<'.repeat(100_000)}\r\nTo: ${'("'.repeat(50_000)}\r\n\r\nx`],
    [
      'deeply nested multiparts',
      `Content-Type: multipart/mixed; boundary="b"\r\n\r\n${'--b\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n'.repeat(3000)}`,
    ],
  ])('stays fast on %s', async (_name, raw) => {
    const started = performance.now();
    expectParsedMail(await parseWithin(Buffer.from(raw, 'latin1')));
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('keeps absurdly nested HTML as text only', async () => {
    const parsed = await parseMail(
      Buffer.from(`Content-Type: text/html\r\n\r\n${'<div>'.repeat(5000)}deep &amp; down`),
    );
    expect(parsed.html).toBeNull();
    expect(parsed.text).toBe('deep & down');
  });

  it('has seed messages from the corpus', () => {
    expect(SEEDS.length).toBeGreaterThan(30);
  });

  it('returns a ParsedMail for random bytes', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        expectParsedMail(await parseWithin(Buffer.from(bytes)));
      }),
      { numRuns: 250 },
    );
  });

  it('returns a ParsedMail for random header fields and bodies', { timeout: 120_000 }, async () => {
    const name = fc.constantFrom(
      'From',
      'To',
      'Cc',
      'Subject',
      'Date',
      'Message-ID',
      'References',
      'Content-Type',
      'Content-Transfer-Encoding',
      'Content-Disposition',
      'Auto-Submitted',
      'X-Junk',
    );
    const value = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc.constantFrom(
        'multipart/mixed; boundary="b"',
        'text/html; charset=utf-7',
        'base64',
        '=?utf-8?B?????',
        '<a@b>',
        '"x" <>',
        '=?x?q?=?=',
      ),
    );
    const field = fc.tuple(name, value).map(([n, v]) => `${n}: ${v}`);
    await fc.assert(
      fc.asyncProperty(
        fc.array(field, { maxLength: 12 }),
        fc.string({ unit: 'binary', maxLength: 400 }),
        async (fields, body) => {
          expectParsedMail(await parseWithin(Buffer.from(`${fields.join('\r\n')}\r\n\r\n${body}`, 'utf8')));
        },
      ),
      { numRuns: 250 },
    );
  });

  it('returns a ParsedMail for damaged corpus messages', { timeout: 120_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: SEEDS.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        async (seed, mutations) => {
          const raw = mutations.reduce((acc, m) => mutate(acc, m), SEEDS[seed]);
          expectParsedMail(await parseWithin(raw));
        },
      ),
      { numRuns: 400 },
    );
  });
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { corporaDir } from '../../test/corpora.ts';
import { parseMail } from './mail-parse.ts';
import { MailParsing } from './parse-pool.ts';

const CORPUS = corporaDir('zammad-mail', 'mail');

describe('parsing mail on worker threads', () => {
  const parsing = new MailParsing(2);
  afterAll(async () => parsing.close());
  const messages = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.box'))
    .sort()
    .slice(0, 40)
    .map((f) => readFileSync(join(CORPUS, f)));

  it('gives exactly what parsing on the main thread gives, attachments as Buffers', async () => {
    const threaded = await Promise.all(messages.map((raw) => parsing.parse(raw)));
    for (const [i, raw] of messages.entries()) {
      const inline = await parseMail(raw);
      expect(threaded[i]).toEqual(inline);
      for (const a of threaded[i].attachments) expect(Buffer.isBuffer(a.content)).toBe(true);
    }
  });

  it('hands out what was parsed ahead once, and parses the rest on demand', async () => {
    parsing.parseAhead(messages.slice(0, 5).map((raw, i) => ({ id: i + 1, raw })));
    const first = await parsing.parsedReceipt(1, messages[0]);
    expect(first).toEqual(await parseMail(messages[0]));
    // Not parsed ahead (or already handed out): parsed now, same result.
    expect(await parsing.parsedReceipt(1, messages[0])).toEqual(first);
    expect(await parsing.parsedReceipt(99, messages[6])).toEqual(await parseMail(messages[6]));
  });
});

import { Worker } from 'node:worker_threads';
import type { ParsedMail } from './mail.model.ts';
import { parseMail } from './mail-parse.ts';

/** Parsed mail as it crosses the thread boundary: Buffers arrive as plain Uint8Arrays. */
function revive(parsed: ParsedMail): ParsedMail {
  return {
    ...parsed,
    attachments: parsed.attachments.map((a) => ({
      ...a,
      content: Buffer.from(a.content.buffer, a.content.byteOffset, a.content.byteLength),
    })),
  };
}

/** Raw bytes parsed ahead at most at once, so a batch of huge mails cannot exhaust memory. */
const MAX_AHEAD_BYTES = 64 * 1024 * 1024;

/**
 * Parses inbound mail on worker threads and ahead of time: when the worker claims a batch of
 * `mail.process` jobs, their messages are parsed in parallel while earlier ones are filed on
 * the main thread. Filing order is unchanged (threading depends on it); only parsing moves.
 * With no threads (`size` 0) everything is parsed inline.
 */
export class MailParsing {
  readonly #size: number;
  #workers: Worker[] = [];
  #next = 0;
  #sequence = 0;
  readonly #waiting = new Map<number, { resolve: (p: ParsedMail) => void; reject: (e: Error) => void }>();
  readonly #ahead = new Map<number, Promise<ParsedMail>>();
  #aheadBytes = 0;

  constructor(size: number) {
    this.#size = size;
  }

  #start(): void {
    if (this.#workers.length > 0 || this.#size === 0) return;
    for (let i = 0; i < this.#size; i++) {
      const worker = new Worker(new URL('./parse-pool.worker.ts', import.meta.url));
      worker.on('message', (message: { id: number; parsed: ParsedMail }) => {
        const waiter = this.#waiting.get(message.id);
        this.#waiting.delete(message.id);
        waiter?.resolve(revive(message.parsed));
      });
      worker.on('error', (error) => {
        // A dead thread fails what it had; those receipts are parsed again inline on retry.
        for (const [id, waiter] of this.#waiting) {
          this.#waiting.delete(id);
          waiter.reject(error);
        }
        this.#workers = this.#workers.filter((w) => w !== worker);
      });
      this.#workers.push(worker);
    }
  }

  /** Parses one message on a thread (inline when there are none). */
  parse(raw: Buffer): Promise<ParsedMail> {
    this.#start();
    if (this.#workers.length === 0) return parseMail(raw);
    const worker = this.#workers[this.#next++ % this.#workers.length];
    const id = ++this.#sequence;
    return new Promise<ParsedMail>((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      worker.postMessage({ id, raw });
    });
  }

  /** Starts parsing these receipts now (called with a claimed batch, in filing order). */
  parseAhead(receipts: { id: number; raw: Uint8Array }[]): void {
    for (const receipt of receipts) {
      if (this.#ahead.has(receipt.id) || this.#aheadBytes + receipt.raw.byteLength > MAX_AHEAD_BYTES) continue;
      this.#aheadBytes += receipt.raw.byteLength;
      const size = receipt.raw.byteLength;
      const promise = this.parse(Buffer.from(receipt.raw)).finally(() => {
        this.#aheadBytes -= size;
      });
      // Nobody may await it (the receipt was filed meanwhile); do not let that crash the process.
      promise.catch(() => {});
      this.#ahead.set(receipt.id, promise);
    }
  }

  /**
   * The parsed receipt: from the parse started ahead, or parsed now. `raw` may be a loader, so a
   * receipt parsed ahead is not read from the database a second time.
   */
  async parsedReceipt(receiptId: number, raw: Uint8Array | (() => Promise<Uint8Array>)): Promise<ParsedMail> {
    const ahead = this.#ahead.get(receiptId);
    this.#ahead.delete(receiptId);
    if (ahead) {
      try {
        return await ahead;
      } catch {
        // fall through: parse inline
      }
    }
    return parseMail(Buffer.from(typeof raw === 'function' ? await raw() : raw));
  }

  async close(): Promise<void> {
    const workers = this.#workers;
    this.#workers = [];
    this.#ahead.clear();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

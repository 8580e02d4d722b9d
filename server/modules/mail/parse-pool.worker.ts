// A worker thread that parses raw mail, so filing on the main thread overlaps with MIME decoding.
import { parentPort } from 'node:worker_threads';
import { parseMail } from './mail-parse.ts';

parentPort?.on('message', async (message: { id: number; raw: Uint8Array }) => {
  const raw = Buffer.from(message.raw.buffer, message.raw.byteOffset, message.raw.byteLength);
  const parsed = await parseMail(raw);
  parentPort?.postMessage({ id: message.id, parsed });
});

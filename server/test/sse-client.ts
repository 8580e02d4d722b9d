import type { TestApp } from './harness.ts';

/**
 * Makes a test app serve real HTTP on a free port of 127.0.0.1 with the worker polling and the
 * realtime hub started, as live streams need; returns the base URL.
 */
export async function startLiveApp(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const address = t.app.server.address();
  t.ctx.worker.start(50);
  await t.ctx.realtime.start();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/** What to read from an SSE stream: events of one type, how many, what to do once connected. */
export interface SseRead {
  /** The `event:` name to keep (others, comments and `retry:` are skipped). */
  event: string;
  /** Stop once this many events arrived. */
  count: number;
  /** Runs after the stream is open, so what it causes is seen. */
  act?: () => Promise<void>;
  /** Give up and return what arrived after this long. */
  timeoutMs?: number;
}

/**
 * Opens `url` (the `/events` stream) as the session `cookie` and returns the parsed `data:` of
 * the first `count` events named `event`, or fewer when the time runs out.
 */
export async function collectSseEvents<T>(url: string, cookie: string, read: SseRead): Promise<T[]> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { cookie: `fd_session=${cookie}` }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: T[] = [];
  let buffer = '';
  const timer = setTimeout(() => controller.abort(), read.timeoutMs ?? 5000);
  await read.act?.();
  try {
    while (events.length < read.count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const lines = block.split('\n');
        const data = lines.find((l) => l.startsWith('data: '));
        if (lines.includes(`event: ${read.event}`) && data) events.push(JSON.parse(data.slice(6)) as T);
      }
    }
  } catch {
    // aborted by the timeout: return what arrived
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return events;
}

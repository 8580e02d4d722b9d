import pg from 'pg';
import type { Db } from '../db/kysely.ts';

/** What live clients are told. They refetch what they show; no data travels in the event. */
export type RealtimeMessage =
  | {
      type: 'ticket.changed';
      ticketId: number;
      /** Only internal activity changed (a note): people who cannot read notes are not told. */
      internal?: boolean;
      /** Only these fields changed: people who may read none of them are not told. */
      fields?: string[];
    }
  /** A new in-app notification; only `userId` may receive it. */
  | { type: 'notification.created'; notificationId: number; userId: number };

/** One connected SSE client. `userId` lets the audience check decide per viewer. */
export interface RealtimeClient<A> {
  actor: A;
  send(message: RealtimeMessage): void;
}

/** Decides, for one message, which actors may receive it (loads the object once). */
export type AudienceResolver<A> = (message: RealtimeMessage) => Promise<(actor: A) => boolean>;

const CHANNEL = 'frontdesk_realtime';

/**
 * Fan-out of live events to the SSE clients of this node. On PostgreSQL every node LISTENs and
 * `publish` uses NOTIFY, so a change processed on any node reaches the clients of all nodes.
 */
export class RealtimeHub<A> {
  readonly #clients = new Set<RealtimeClient<A>>();
  readonly #db: Db;
  #audience: AudienceResolver<A> = async () => () => false;
  #listener: pg.Client | null = null;

  constructor(db: Db) {
    this.#db = db;
  }

  setAudience(resolver: AudienceResolver<A>): void {
    this.#audience = resolver;
  }

  /** Starts listening for other nodes' events (PostgreSQL only). */
  async start(): Promise<void> {
    if (this.#db.dialect !== 'postgres' || this.#listener) return;
    const client = new pg.Client({ connectionString: this.#db.url });
    await client.connect();
    client.on('notification', (note) => {
      if (note.channel !== CHANNEL || !note.payload) return;
      void this.deliverLocal(JSON.parse(note.payload) as RealtimeMessage);
    });
    client.on('error', () => {
      // A lost listener only delays live updates; clients still refetch on focus.
      this.#listener = null;
    });
    await client.query(`LISTEN ${CHANNEL}`);
    this.#listener = client;
  }

  async stop(): Promise<void> {
    const listener = this.#listener;
    this.#listener = null;
    if (listener) await listener.end().catch(() => undefined);
    this.#clients.clear();
  }

  subscribe(client: RealtimeClient<A>): () => void {
    this.#clients.add(client);
    return () => this.#clients.delete(client);
  }

  get clientCount(): number {
    return this.#clients.size;
  }

  /** Publishes to every node (via NOTIFY on PostgreSQL, directly on SQLite). */
  async publish(message: RealtimeMessage): Promise<void> {
    if (this.#db.dialect === 'postgres' && this.#listener) {
      await this.#db.pool?.query('select pg_notify($1, $2)', [CHANNEL, JSON.stringify(message)]);
      return;
    }
    await this.deliverLocal(message);
  }

  /** Sends a message to this node's clients that may see it. */
  async deliverLocal(message: RealtimeMessage): Promise<void> {
    if (this.#clients.size === 0) return;
    const allowed = await this.#audience(message);
    for (const client of this.#clients) {
      if (allowed(client.actor)) client.send(message);
    }
  }
}

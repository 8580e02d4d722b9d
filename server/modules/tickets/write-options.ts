import type { MessageKind } from '../../../common/domain.ts';
import type { Trx } from '../../context.ts';

/** Mail-specific columns of a ticket message, written by the e-mail channel. */
export interface MessageExtras {
  quoted_html?: string | null;
  sender_email?: string | null;
  receipt_id?: number | null;
  unverified_sender?: number;
}

/**
 * What other channels (e-mail) add to a ticket write without a second transaction: the stored
 * message kind, extra message columns, routing, and work that must commit together with the
 * ticket (the mail receipt's status, thread ids, attachments). Never filled from HTTP input.
 */
export interface ChannelWriteOptions {
  messageKind?: MessageKind;
  extras?: MessageExtras;
  /** Channels without a form (mail) cannot fill required custom fields; agents fill them later. */
  skipRequiredFields?: boolean;
  /** Support group for a new ticket when its service names none (a mail account's default). */
  groupId?: number | null;
  /**
   * The channel checked that the actor takes part in the ticket (a CC address writing by mail),
   * which grants adding a message to it without read access to the ticket list.
   */
  verifiedParticipant?: boolean;
  /** Runs inside the transaction after the ticket and its message are written. */
  afterWrite?: (trx: Trx, ids: { ticketId: number; messageId: number | null }) => Promise<void>;
}

/**
 * The mail channel's vocabulary: what a parsed inbound message looks like to the rest of
 * Frontdesk, independent of the MIME library that produced it.
 */

/** One mailbox: a bare lower-cased address and its display name ('' when none). */
export interface MailAddress {
  address: string;
  name: string;
}

/** A MIME part that is not the message body. */
export interface ParsedAttachment {
  filename: string;
  contentType: string;
  /** Content-ID without angle brackets, when the part has one (inline images). */
  contentId: string | null;
  /** True for parts the sender meant to show inline (Content-Disposition: inline with a Content-ID). */
  inline: boolean;
  content: Buffer;
}

/** Why a message was written by a machine rather than a person (RFC 3834 and friends). */
export type AutomaticKind = 'none' | 'auto_reply' | 'bounce' | 'list';

export interface AutomaticVerdict {
  kind: AutomaticKind;
  /** The header or pattern that decided, for the receipt log (`Auto-Submitted: auto-replied`). */
  reason: string | null;
  /** For bounces: the recipients whose delivery failed, lower-cased. */
  failedRecipients: string[];
}

/** An inbound e-mail after MIME decoding, charset conversion and sanitizing. */
export interface ParsedMail {
  /** Message-ID without angle brackets, or null when the message has none. */
  messageId: string | null;
  /** In-Reply-To ids, without angle brackets. */
  inReplyTo: string[];
  /** References ids, without angle brackets, oldest first. */
  references: string[];
  from: MailAddress | null;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** Decoded subject ('' when missing). */
  subject: string;
  /** Date header as an ISO instant, or null when missing or unparseable. */
  date: string | null;
  /** Plain-text body: the text/plain part, or text derived from the HTML part. */
  text: string;
  /** Sanitized HTML body, or null for plain-text mail. */
  html: string | null;
  attachments: ParsedAttachment[];
  automatic: AutomaticVerdict;
}

/** The new text of a reply separated from the quoted history and the signature. */
export interface ReplySplit {
  /** What the sender wrote this time. */
  visible: string;
  /** Quoted history and signature that followed (or surrounded) it; '' when none. */
  quoted: string;
}

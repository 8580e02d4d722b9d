import nodemailer from 'nodemailer';

/** A fully composed outgoing message, ready for SMTP. */
export interface OutgoingMail {
  from: string;
  to: string;
  cc: string[];
  subject: string;
  /** Our Message-ID, without angle brackets. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  html: string;
  text: string;
  /** Extra headers (Auto-Submitted, X-Frontdesk-Ticket …). */
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; content: Buffer }[];
}

/** Delivers composed mail. `dev` keeps it in the database only (the admin's dev mailbox). */
export interface MailTransport {
  readonly kind: 'smtp' | 'dev';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

const bracket = (id: string) => `<${id}>`;

/**
 * The transport for this installation: SMTP when `SMTP_URL` is set (nodemailer, TLS verified),
 * otherwise the dev mailbox that sends nothing.
 */
export function createMailTransport(smtpUrl: string | undefined): MailTransport {
  if (!smtpUrl) return { kind: 'dev', send: async () => {}, close: () => {} };
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        cc: mail.cc.length > 0 ? mail.cc : undefined,
        subject: mail.subject,
        messageId: bracket(mail.messageId),
        inReplyTo: mail.inReplyTo ? bracket(mail.inReplyTo) : undefined,
        references: mail.references.length > 0 ? mail.references.map(bracket).join(' ') : undefined,
        html: mail.html,
        text: mail.text,
        headers: mail.headers,
        attachments: mail.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
    },
    close: () => transporter.close(),
  };
}

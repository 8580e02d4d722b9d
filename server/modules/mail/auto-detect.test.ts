import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corporaDir } from '../../test/corpora.ts';
import { detectAutomatic, type MailHeaders } from './auto-detect.ts';
import type { ParsedAttachment } from './mail.model.ts';
import { parseMail } from './mail-parse.ts';

function headers(fields: Record<string, string>): MailHeaders {
  return new Map(Object.entries(fields).map(([k, v]) => [k.toLowerCase(), [v]]));
}

const human = {
  from: { address: 'anna@example.com', name: 'Anna' },
  subject: 'Printer broken',
  text: 'Hi',
  attachments: [],
};

function statusPart(body: string): ParsedAttachment {
  return {
    filename: 'delivery-status.txt',
    contentType: 'message/delivery-status',
    contentId: null,
    inline: false,
    content: Buffer.from(body),
  };
}

describe('detectAutomatic', () => {
  it('leaves a person’s mail alone', () => {
    expect(detectAutomatic(headers({ 'Content-Type': 'text/plain' }), human)).toEqual({
      kind: 'none',
      reason: null,
      failedRecipients: [],
    });
    expect(detectAutomatic(headers({ 'Auto-Submitted': 'no' }), human).kind).toBe('none');
  });

  it.each([
    [{ 'Auto-Submitted': 'auto-replied' }, 'Auto-Submitted: auto-replied'],
    // our own outbound mail coming back: the loop is caught here
    [{ 'Auto-Submitted': 'auto-generated; type=frontdesk' }, 'Auto-Submitted: auto-generated'],
    [{ 'X-Autoreply': 'yes' }, 'X-Autoreply: yes'],
    [{ 'X-Autorespond': 'Vacation' }, 'X-Autorespond: Vacation'],
    [{ 'X-Auto-Response-Suppress': 'OOF, AutoReply' }, 'X-Auto-Response-Suppress: OOF, AutoReply'],
    [{ 'X-Auto-Response-Suppress': 'All' }, 'X-Auto-Response-Suppress: All'],
    [{ Precedence: 'bulk' }, 'Precedence: bulk'],
    [{ Precedence: 'junk' }, 'Precedence: junk'],
    [{ Precedence: 'list' }, 'Precedence: list'],
  ])('%o is an automatic reply', (fields, reason) => {
    expect(detectAutomatic(headers(fields), human)).toEqual({ kind: 'auto_reply', reason, failedRecipients: [] });
  });

  it('does not take X-Auto-Response-Suppress values that do not mean a robot', () => {
    expect(detectAutomatic(headers({ 'X-Auto-Response-Suppress': 'DR, RN, NRN' }), human).kind).toBe('none');
  });

  it('classifies list traffic by its list headers', () => {
    expect(detectAutomatic(headers({ 'List-Id': '<dev.lists.example.org>', Precedence: 'list' }), human)).toMatchObject(
      {
        kind: 'list',
        reason: 'List-Id',
      },
    );
    expect(detectAutomatic(headers({ 'List-Unsubscribe': '<mailto:leave@example.org>' }), human)).toMatchObject({
      kind: 'list',
      reason: 'List-Unsubscribe',
    });
  });

  it.each([
    'Out of Office: Printer broken',
    'Automatic reply: Printer broken',
    'Auto: Printer broken',
    'Abwesenheitsnotiz: Drucker',
    'Автоответ: Принтер',
    'Автоматична відповідь: Принтер',
    'Răspuns automat: Imprimanta',
    '自动回复: 打印机',
  ])('the vacation subject "%s" is an automatic reply', (subject) => {
    expect(detectAutomatic(headers({}), { ...human, subject })).toMatchObject({ kind: 'auto_reply' });
  });

  it('does not mistake a reply to an automatic reply for one', () => {
    expect(detectAutomatic(headers({}), { ...human, subject: 'Re: Automatic reply: Printer broken' }).kind).toBe(
      'none',
    );
  });

  it('reads failed recipients from a DSN, and takes a delay report for no bounce', () => {
    const report = headers({ 'Content-Type': 'multipart/report; report-type=delivery-status; boundary="x"' });
    const failed = statusPart(
      'Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; Gone@Example.org\nAction: failed\nStatus: 5.1.1\n\nFinal-Recipient: rfc822; ok@example.org\nAction: delivered\n',
    );
    expect(detectAutomatic(report, { ...human, attachments: [failed] })).toEqual({
      kind: 'bounce',
      reason: 'multipart/report; report-type=delivery-status',
      failedRecipients: ['gone@example.org'],
    });
    const delayed = statusPart(
      'Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; slow@example.org\nAction: delayed\n',
    );
    expect(detectAutomatic(report, { ...human, attachments: [delayed] })).toMatchObject({
      kind: 'auto_reply',
      failedRecipients: [],
    });
  });

  it.each([
    ['mailer-daemon@mx.example.com', 'Undelivered Mail Returned to Sender'],
    ['postmaster@example.com', 'Delivery Status Notification (Failure)'],
    ['mailer-daemon', 'Mail delivery failed: returning message to sender'],
    ['postmaster@example.de', 'Unzustellbar: Drucker'],
    ['mailer-daemon@example.ru', 'Недоставленное сообщение'],
  ])('a bounce without DSN from %s: "%s"', (address, subject) => {
    const text = 'This is the mail system.\n\n<gone@example.org>: host mx.example.org said: 550 unknown user\n';
    expect(detectAutomatic(headers({}), { ...human, from: { address, name: '' }, subject, text })).toMatchObject({
      kind: 'bounce',
      failedRecipients: ['gone@example.org'],
    });
  });

  it('reads X-Failed-Recipients and Exim’s list of failed addresses', () => {
    expect(detectAutomatic(headers({ 'X-Failed-Recipients': 'a@example.org, B@example.org' }), human)).toEqual({
      kind: 'bounce',
      reason: 'X-Failed-Recipients',
      failedRecipients: ['a@example.org', 'b@example.org'],
    });
    const text =
      'A message that you sent could not be delivered.\nThe following address(es) failed:\n\n  gone@example.org\n    SMTP error\n';
    expect(
      detectAutomatic(headers({}), {
        ...human,
        from: { address: 'mailer-daemon@mx.example.com', name: '' },
        subject: 'Mail delivery failed',
        text,
      }).failedRecipients,
    ).toEqual(['gone@example.org']);
  });

  it('does not call a person’s mail about a failed delivery a bounce', () => {
    expect(detectAutomatic(headers({}), { ...human, subject: 'Undelivered Mail Returned to Sender' }).kind).toBe(
      'none',
    );
  });
});

describe('detectAutomatic on parsed mail', () => {
  const CORPUS_DIR = corporaDir('zammad-mail', 'mail');
  const parse = (name: string) => parseMail(readFileSync(join(CORPUS_DIR, `${name}.box`)));

  it.each([
    ['mail018', ['m.smith@example.com']],
    ['mail033-undelivered-mail-returned-to-sender', ['not_existing@znuny.com']],
    ['mail053', ['john_example@example.com']],
    ['mail055', ['ticket-bounce-trigger2@example.com']],
    ['mail063', ['notextisting@example.com']],
    ['mail092', ['receiver@example.org']],
  ])('the corpus DSN %s is a bounce for %o', async (name, failed) => {
    expect((await parse(name)).automatic).toEqual({
      kind: 'bounce',
      reason: 'multipart/report; report-type=delivery-status',
      failedRecipients: failed,
    });
  });

  it.each([
    ['mail078', 'auto_reply'], // DSN: delivery delayed
    ['mail089', 'auto_reply'], // Auto-Submitted: auto-generated
    ['mail043', 'list'], // List-Unsubscribe (and Precedence: bulk): a mass mailing
    ['mail052', 'bounce'], // MAILER-DAEMON, no DSN
    ['mail001', 'none'],
    ['mail119', 'none'],
  ])('corpus %s is %s', async (name, kind) => {
    expect((await parse(name)).automatic.kind).toBe(kind);
  });

  it('classifies a multipart/report built from scratch', async () => {
    const raw = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
      'To: support@example.com',
      'Subject: Undelivered Mail Returned to Sender',
      'Auto-Submitted: auto-replied',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
      '',
      '--r',
      'Content-Type: text/plain',
      '',
      'I could not deliver your message.',
      '--r',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.com',
      '',
      'Original-Recipient: rfc822;Customer@Example.net',
      'Final-Recipient: rfc822;customer@example.net',
      'Action: failed',
      'Status: 5.1.1',
      '--r--',
      '',
    ].join('\r\n');
    const parsed = await parseMail(Buffer.from(raw));
    expect(parsed.automatic).toEqual({
      kind: 'bounce',
      reason: 'multipart/report; report-type=delivery-status',
      failedRecipients: ['customer@example.net'],
    });
    expect(parsed.attachments.map((a) => a.contentType)).toEqual(['message/delivery-status']);
  });
});

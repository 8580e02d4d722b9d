import { escapeHtml, htmlToText, textToHtml } from '../../platform/html.ts';
import { fill, type MailTexts } from './outbound.texts.ts';

/** The parts every ticket mail is assembled from. */
export interface MailBodyParts {
  texts: MailTexts;
  recipientName: string;
  /** Paragraphs of plain text from the texts table (escaped here). */
  intro: string[];
  /** Sanitized HTML that goes in as it is (an agent's reply, a solution). */
  html?: string;
  /** A labelled block ("Solution"). */
  htmlLabel?: string;
  outro: string[];
  link: { href: string; label: string } | null;
  /** Further links under the first one (sign in / set a new password). */
  moreLinks?: { href: string; label: string }[];
  /** Shown under a rule at the end ("reply to this e-mail …"). */
  footer: string[];
}

/** HTML and plain-text alternatives of one mail, both from the same parts. */
export function renderMail(parts: MailBodyParts): { html: string; text: string } {
  const greeting = fill(parts.texts.greeting, { name: parts.recipientName });
  const paragraphs = (lines: string[]) => lines.map((line) => textToHtml(line)).join('');
  const html = [
    '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#1a1b1e">',
    textToHtml(greeting),
    paragraphs(parts.intro),
    parts.htmlLabel ? `<p><strong>${escapeHtml(parts.htmlLabel)}</strong></p>` : '',
    parts.html ? `<div style="border-left:3px solid #dee2e6;padding-left:12px">${parts.html}</div>` : '',
    paragraphs(parts.outro),
    ...[parts.link, ...(parts.moreLinks ?? [])].map((link) =>
      link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : '',
    ),
    parts.footer.length > 0
      ? `<hr style="border:none;border-top:1px solid #dee2e6"><div style="color:#868e96;font-size:12px">${paragraphs(parts.footer)}</div>`
      : '',
    '</div>',
  ].join('');
  const text = [
    greeting,
    ...parts.intro,
    ...(parts.htmlLabel ? [`${parts.htmlLabel}:`] : []),
    ...(parts.html ? [htmlToText(parts.html)] : []),
    ...parts.outro,
    ...[parts.link, ...(parts.moreLinks ?? [])].flatMap((link) => (link ? [`${link.label}: ${link.href}`] : [])),
    ...(parts.footer.length > 0 ? ['--', ...parts.footer] : []),
  ].join('\n\n');
  return { html, text };
}

/** Subject with our tag first, so any client and any reply keeps it: `[#10042] Re: Printer`. */
export function taggedSubject(number: number, subject: string): string {
  return `[#${number}] ${subject}`.slice(0, 300);
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../platform/html.ts';
import { rebalanceHtml } from './reply-text.html-parse.ts';
import { splitReplyHtml } from './reply-text.ts';

const text = (html: string) => htmlToText(html).replace(/\s+/g, ' ').trim();

/** Splits and checks that both halves are well-formed (rebalancing changes nothing). */
function split(html: string): { visible: string; quoted: string; visibleHtml: string } {
  const { visibleHtml, quotedHtml } = splitReplyHtml(html);
  expect(rebalanceHtml(visibleHtml)).toBe(visibleHtml);
  expect(rebalanceHtml(quotedHtml)).toBe(quotedHtml);
  return { visible: text(visibleHtml), quoted: text(quotedHtml), visibleHtml };
}

const HEADER =
  'On Tue, Mar 12, 2024 at 10:15 AM Ann &lt;<a href="mailto:ann@example.com">ann@example.com</a>&gt; wrote:';

describe('splitReplyHtml: client markers', () => {
  it.each([
    [
      'Gmail',
      `<div dir="ltr">Fixed, thanks.</div><br><div class="gmail_quote gmail_quote_container"><div class="gmail_attr">${HEADER}<br></div><blockquote class="gmail_quote">Is it fixed?</blockquote></div>`,
    ],
    [
      'Gmail (old)',
      `<div dir="ltr">Fixed, thanks.</div><div class="gmail_extra"><br><div class="gmail_quote">${HEADER}<blockquote>Is it fixed?</blockquote></div></div>`,
    ],
    [
      'Thunderbird',
      `<body>Fixed, thanks.<br><div class="moz-cite-prefix">On 12.03.2024 10:15, Ann wrote:<br></div><blockquote type="cite" cite="mid:x@y">Is it fixed?</blockquote></body>`,
    ],
    [
      'Apple Mail',
      `<div>Fixed, thanks.</div><div><br><blockquote type="cite"><div>On 12 Mar 2024, at 10:15, Ann &lt;ann@example.com&gt; wrote:</div><br><div>Is it fixed?</div></blockquote></div>`,
    ],
    [
      'Outlook on the web',
      `<div>Fixed, thanks.</div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font><b>From:</b> Ann<br><b>Sent:</b> Tuesday<br><b>To:</b> Bob</font></div><div>Is it fixed?</div>`,
    ],
    [
      'Outlook desktop',
      `<div class="WordSection1"><p class="MsoNormal">Fixed, thanks.<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>From:</b> Ann<br><b>Sent:</b> Tuesday<br><b>To:</b> Bob<br><b>Subject:</b> Printer</p></div><p>Is it fixed?</p></div>`,
    ],
    [
      'Outlook, Russian',
      `<div>Fixed, thanks.</div><div style="border-top: 1px solid #E1E1E1"><b>От:</b> Анна<br><b>Отправлено:</b> вторник<br><b>Кому:</b> Боб</div><div>Is it fixed?</div>`,
    ],
    [
      'Yahoo',
      `<div>Fixed, thanks.</div><div id="yahoo_quoted_1234" class="yahoo_quoted"><div>On Tuesday, March 12, 2024, Ann wrote:</div><div>Is it fixed?</div></div>`,
    ],
    [
      'mail.ru',
      `<p>Fixed, thanks.</p><br>Вторник, 12 марта 2024, 10:15 +03:00 от Ann &lt;ann@mail.ru&gt;:<br><blockquote style="border-left:1px solid #0857A6">Is it fixed?</blockquote>`,
    ],
    [
      'Yandex',
      `<p>Fixed, thanks.<br /><br />12.03.2024, 10:15, "Ann" &lt;<a href="mailto:ann@ya.ru">ann@ya.ru</a>&gt;:</p><blockquote>Is it fixed?</blockquote>`,
    ],
    [
      'hotmail',
      `<div>Fixed, thanks.<br><br><div><hr id="stopSpelling">Date: Tue<br>Subject: Printer<br>From: ann@example.com<br>To: bob@example.com<br><br>Is it fixed?</div></div>`,
    ],
    ['text header', `<p>Fixed, thanks.</p><p>${HEADER}</p><p>Is it fixed?</p>`],
    [
      'text header in Chinese',
      `<div>Fixed, thanks.</div><div>在 2024年3月12日 10:15，张三 &lt;zhang@example.com&gt; 写道：</div><div>Is it fixed?</div>`,
    ],
    [
      'Outlook header as text',
      `<p>Fixed, thanks.</p><hr><p><b>From:</b> Ann [mailto:ann@example.com]<br><b>Sent:</b> Tuesday<br><b>To:</b> Bob<br><b>Subject:</b> Printer</p><p>Is it fixed?</p>`,
    ],
  ])('cuts the %s quote', (_, html) => {
    const result = split(html);
    expect(result.visible).toBe('Fixed, thanks.');
    expect(result.quoted).toContain('Is it fixed?');
  });
});

describe('splitReplyHtml: signatures and layouts', () => {
  it('cuts a "-- " signature, a Gmail signature and "Sent from my iPhone"', () => {
    for (const signature of [
      '<div>-- <br>Ann Smith<br>ACME</div>',
      '<div class="gmail_signature" data-smartmail="gmail_signature">Ann Smith</div>',
      '<div>Sent from my iPhone</div>',
      '<div id="Signature">Ann Smith</div>',
    ]) {
      const result = split(`<div>Fixed, thanks.</div>${signature}`);
      expect(result.visible).toBe('Fixed, thanks.');
      expect(result.quoted).not.toBe('');
    }
  });

  it('ignores a signature block that holds the whole message', () => {
    const html = '<div id="Signature"><div>Fixed, thanks.</div></div>';
    expect(splitReplyHtml(html)).toEqual({ visibleHtml: html, quotedHtml: '' });
  });

  it('bottom posting: the reply below a leading quote', () => {
    const result = split(`<div><blockquote type="cite">Is it fixed?</blockquote><div>Yes, fixed.</div></div>`);
    expect(result).toMatchObject({ visible: 'Yes, fixed.', quoted: 'Is it fixed?' });
  });

  it('inline replies keep the quotes they answer', () => {
    const html = `<div>Hi,</div><blockquote type="cite">Is it fixed?</blockquote><div>Yes.</div><blockquote type="cite">And the printer?</blockquote><div>Also fixed.</div><blockquote type="cite">Old signature</blockquote>`;
    const result = split(html);
    expect(result.visible).toMatch(/^Hi, Is it fixed\?\s*Yes\. And the printer\?\s*Also fixed\.$/);
    expect(result.quoted).toBe('Old signature');
  });

  it('keeps a forwarded message and a plain blockquote the sender wrote', () => {
    for (const html of [
      `<div>See below.</div><div class="gmail_quote">---------- Forwarded message ---------<br>From: Ann<br>Date: Tue<br>Subject: Printer<br>To: Bob<br><br>It is broken.</div>`,
      `<p>As the manual says:</p><blockquote>Restart the printer.</blockquote><p>I did that.</p>`,
    ]) {
      expect(splitReplyHtml(html)).toEqual({ visibleHtml: html, quotedHtml: '' });
    }
  });

  it('cuts at an element boundary and keeps unknown markup intact', () => {
    const html = `<html><head><style>p { color: red }</style></head><body><table><tr><td><p>Fixed <b>now</b>.</p></td></tr></table><blockquote type="cite"><p>Old</p></blockquote></body></html>`;
    const { visibleHtml, quotedHtml } = splitReplyHtml(html);
    expect(visibleHtml).toBe(
      '<html><head><style>p { color: red }</style></head><body><table><tr><td><p>Fixed <b>now</b>.</p></td></tr></table></body></html>',
    );
    expect(quotedHtml).toBe('<blockquote type="cite"><p>Old</p></blockquote>');
  });

  it('does not let a stray closing tag inside a table cell end an outer quote', () => {
    const html = `<div>Yes.</div><div>${HEADER}</div><blockquote><table><tr><td><div><p>Old</div></div></td></tr></table>Old footer</blockquote>`;
    const result = split(html);
    expect(result.visible).toBe('Yes.');
    expect(result.quoted).toContain('Old footer');
  });

  it('loses no text (property) and stays fast on pathological markup', () => {
    const piece = fc.constantFrom(
      '<div>Hello</div>',
      '<p>Some <b>bold</b> text',
      '</div>',
      '<br>',
      '<blockquote type="cite">old</blockquote>',
      `<div class="gmail_quote">${HEADER}<blockquote>older</blockquote></div>`,
      '<div>-- <br>Sig</div>',
      '<div id="divRplyFwdMsg"><b>From:</b> Ann</div>',
      `<p>${HEADER}</p>`,
      '<table><tr><td>cell</td></tr></table>',
    );
    const chars = (html: string) => [...htmlToText(html).replace(/\s+/g, '')].sort().join('');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), (pieces) => {
        const html = pieces.join('');
        const { visibleHtml, quotedHtml } = splitReplyHtml(html);
        expect(chars(visibleHtml + quotedHtml)).toBe(chars(html));
      }),
    );
    const started = performance.now();
    splitReplyHtml(`<div>Hi${'<div>x'.repeat(20_000)}${'</span>'.repeat(20_000)}`);
    splitReplyHtml(`<div>Hi</div>${'<blockquote type="cite">q</blockquote><div>a</div>'.repeat(10_000)}`);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('rebalances fragments', () => {
    expect(rebalanceHtml('</div><p>a<b>b')).toBe('<p>a<b>b</b></p>');
    expect(rebalanceHtml('a</span></p>')).toBe('a');
  });
});

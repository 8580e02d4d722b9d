import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitReplyText } from './reply-text.ts';

const REPLY = 'Thanks, that fixed it.\n\nSee you tomorrow.';

describe('splitReplyText: quote headers', () => {
  const headers: [string, string][] = [
    ['English', 'On Tue, Mar 12, 2024 at 10:15 AM Ann Smith <ann@example.com> wrote:'],
    ['English, two lines', 'On Tue, Mar 12, 2024 at 10:15 AM Ann Smith <\nann@example.com> wrote:'],
    ['English, three lines', 'On Tue, Mar 12, 2024,\nat 10:15 AM,\nAnn Smith <ann@example.com> wrote:'],
    ['English, no colon', 'On Wed, 14 Nov 2018 08:14:43 -0200 Ann <ann@example.com> wrote'],
    ['French', 'Le mar. 12 mars 2024 à 10:15, Anne <anne@example.fr> a écrit :'],
    ['German', 'Am 12.03.2024 um 10:15 schrieb Anna Schmidt <anna@example.de>:'],
    ['German, no address', 'Am 12.03.2024 um 10:15 schrieb Anna Schmidt:'],
    ['Italian', 'Il giorno mar 12 mar 2024 alle ore 10:15 Anna <anna@example.it> ha scritto:'],
    ['Portuguese', 'Em ter., 12 de mar. de 2024 às 10:15, Ana <ana@example.pt> escreveu:'],
    ['Spanish', 'El mar, 12 mar 2024 a las 10:15, Ana <ana@example.es> escribió:'],
    ['Polish', 'W dniu 12.03.2024 o 10:15, Anna Nowak <anna@example.pl> napisał:'],
    ['Polish, Dnia', 'Dnia 12 marca 2024 10:15 Anna Nowak <anna@example.pl> napisał(a):'],
    ['Dutch', 'Op di 12 mrt 2024 om 10:15 schreef Anna <anna@example.nl>:'],
    ['Danish', 'Den tir. 12. mar. 2024 kl. 10.15 skrev Jens <jens@example.dk>:'],
    ['Finnish', 'ti 12. maalisk. 2024 klo 10.15 Anna <anna@example.fi> kirjoitti:'],
    ['Norwegian', 'tir. 12. mar. 2024 kl. 10:15 skrev Ola <ola@example.no>:'],
    ['Swedish', 'Den 12 mars 2024 kl. 10:15 skrev Anna <anna@example.se>:'],
    ['Russian, пишет', '12.03.2024 10:15, Иван Петров пишет:'],
    ['Russian, написал(а)', '12.03.2024 10:15, Иван Петров написал(а):'],
    ['Russian, Gmail', 'вт, 12 мар. 2024 г. в 10:15, Иван <ivan@example.ru>:'],
    ['Ukrainian, написав', '12.03.2024 10:15, Іван Петренко <ivan@example.ua> написав:'],
    ['Ukrainian, пише', '12.03.2024 10:15, Іван Петренко пише:'],
    ['Romanian', 'Pe mar., 12 mar. 2024 la 10:15, Ion Popescu <ion@example.ro> a scris:'],
    ['Chinese', '在 2024年3月12日周二 10:15，张三 <zhang@example.com> 写道：'],
    ['Chinese, name first', '张三 <zhang@example.com> 于2024年3月12日周二 10:15写道：'],
    ['mail.ru', 'Вторник, 12 марта 2024, 10:15 +03:00 от Иван <ivan@mail.ru>:'],
    ['Yandex', '12.03.2024, 10:15, "Иван" <ivan@yandex.ru>:'],
    ['Zoho', '---- On Tue, 12 Mar 2024 10:15:00 +0100 ann@example.com wrote ----'],
  ];
  it.each(headers)('cuts at a %s header, quoted with ">" or not', (_, header) => {
    for (const history of ['> Is it fixed?\n> Ann', 'Is it fixed?\nAnn']) {
      const split = splitReplyText(`${REPLY}\n\n${header}\n\n${history}`);
      expect(split).toEqual({ visible: REPLY, quoted: `${header.trim()}\n\n${history}` });
    }
  });

  it('keeps prose that only looks like a header', () => {
    for (const text of [
      'On the other hand, here is what I wrote:\nthe old text.',
      'On 5 May we met.\nOn average it works.',
      'Here are dates: 2024-01-15 14:30 and Jan 15, 2024 at 14:30\nnot headers.',
      'The data comes From: our database, not From: external sources.\nTo: be clear.',
      'See https://example.com/on-2024-01-01-someone-wrote: for details.',
    ]) {
      expect(splitReplyText(text)).toEqual({ visible: text, quoted: '' });
    }
  });

  it('takes a bare "… wrote:" line as the header when quoted lines follow it', () => {
    expect(splitReplyText('Thanks.\n\nOn Monday, Frontdesk wrote:\n> Please restart')).toEqual({
      visible: 'Thanks.',
      quoted: 'On Monday, Frontdesk wrote:\n> Please restart',
    });
    const prose = 'This is what I wrote:\nthe old text, unquoted.';
    expect(splitReplyText(prose)).toEqual({ visible: prose, quoted: '' });
  });
});

describe('splitReplyText: Outlook blocks and separators', () => {
  const blocks = [
    'From: Ann Smith <ann@example.com>\nSent: Tuesday, March 12, 2024 10:15 AM\nTo: Support\nSubject: RE: Printer',
    '*From:* Ann [mailto:ann@example.com]\n*Sent:* Tuesday, March 12, 2024 10:15 AM\n*To:* Support\n*Subject:* Printer',
    'От: Иван Петров <ivan@example.ru>\nОтправлено: 12 марта 2024 г. 10:15\nКому: Поддержка\nТема: Принтер',
    'Від: Іван Петренко <ivan@example.ua>\nНадіслано: 12 березня 2024 р. 10:15\nКому: Підтримка\nТема: Принтер',
    '发件人: 张三 <zhang@example.com>\n发送时间: 2024年3月12日 10:15\n收件人: 支持\n主题: 打印机',
    'De : Anne <anne@example.fr>\nEnvoyé : mardi 12 mars 2024 10:15\nÀ : Support\nObjet : Imprimante',
    'De: Ana <ana@example.es>\nEnviado: martes, 12 de marzo de 2024 10:15\nPara: Soporte\nAsunto: Impresora',
    'De la: Ion <ion@example.ro>\nTrimis: marți, 12 martie 2024 10:15\nCătre: Suport\nSubiect: Imprimantă',
    'From: Human Resources\n<a-long-address@example.com>\nSent: Monday, August 26, 2019 4:37 PM\nTo: Ann\nSubject: Hi',
    '-----Original Message-----\nFrom: ann@example.com\nSent: Monday, 4:37 PM',
    '-------- Ursprüngliche Nachricht --------\nVon: Anna',
    '----- Original Nachricht ----\nVon: Anna',
    '-------- Исходное сообщение --------\nОт: Иван',
    '##- Please type your reply above this line -##\nTicket #123 was updated',
    '________________________________\nFrom: Ann',
  ];
  it.each(blocks)('cuts at %j', (block) => {
    expect(splitReplyText(`${REPLY}\n\n${block}\n\nThe printer is broken.`)).toEqual({
      visible: REPLY,
      quoted: `${block}\n\nThe printer is broken.`,
    });
  });

  it('takes separator lines above a header block into the quote', () => {
    const split = splitReplyText(`${REPLY}\n\n ------------------------------\n\n${blocks[0]}\n\nOld`);
    expect(split.visible).toBe(REPLY);
    expect(split.quoted.startsWith(' -----')).toBe(true);
  });

  it('keeps label lines that are not a mail header', () => {
    const text = 'Booking:\nFrom: Berlin\nTo: Paris\nDate: 12.03.2024\n\nPlease confirm.';
    expect(splitReplyText(text)).toEqual({ visible: text, quoted: '' });
  });

  it('keeps a forwarded message visible', () => {
    const text = `Please look at this.\n\n---------- Forwarded message ---------\n${blocks[0]}\n\nThe printer is broken.`;
    expect(splitReplyText(text)).toEqual({ visible: text, quoted: '' });
  });
});

describe('splitReplyText: signatures', () => {
  it.each([
    '-- \nAnn Smith\nACME',
    '--\nAnn Smith',
    'Sent from my iPhone',
    'Sent from my Verizon Wireless BlackBerry',
    'Get Outlook for iOS<https://aka.ms/o0ukef>',
    'Отправлено с iPhone',
    'Отправлено с моего iPhone',
    'Envoyé de mon iPhone',
    'Von meinem iPhone gesendet',
    'Gesendet von Outlook für Android<https://aka.ms/ghei36>',
    'Надіслано з iPhone',
    '发自我的iPhone',
    '__\nriak-users mailing list',
    'Regards,\n\nAnn Smith\nACME Corp',
    'Mit freundlichen Grüßen\nAnna Schmidt',
    'С уважением,\nИван',
  ])('cuts the signature %j', (signature) => {
    expect(splitReplyText(`${REPLY}\n\n${signature}`)).toEqual({ visible: REPLY, quoted: signature });
  });

  it('keeps lines that only look like signatures', () => {
    for (const text of [
      'A fix -- not a signature.\n\nkthxbai',
      'Points:\n-- first point\n-- second point',
      'Sent from my desk, is much easier then my mobile phone.',
      'The notification was sent from my iPhone app.',
      'Your order:\nSent from the warehouse today.\nTracking number 123',
      'Envoyé de Paris hier\nArrivé ce matin',
      'I wanted to write with regards to the payment.\n\nRegards is a word.',
      '## Key Points\n----\n\n1. Faster\n\n====\n\nDone.',
      'Thanks,\nAlex',
      'Hi\n\n—\nJohn Doe\nCEO',
    ]) {
      expect(splitReplyText(text)).toEqual({ visible: text, quoted: '' });
    }
  });

  it('ignores headers and signatures inside ``` code fences', () => {
    const text = "Code:\n\n```\nOn Tue, Mar 12, 2024 Ann <ann@example.com> wrote:\n-- \nsig: '--'\n```\n\nDone.";
    expect(splitReplyText(text)).toEqual({ visible: text, quoted: '' });
  });
});

describe('splitReplyText: quote layouts', () => {
  const header = 'On Tue, Mar 12, 2024 at 10:15 AM Ann <ann@example.com> wrote:';

  it('top posting: text above the quote', () => {
    expect(splitReplyText(`Yes.\n\n${header}\n> Is it fixed?\n>\n> Ann`)).toEqual({
      visible: 'Yes.',
      quoted: `${header}\n> Is it fixed?\n>\n> Ann`,
    });
  });

  it('bottom posting: text below a single leading quote', () => {
    expect(splitReplyText(`${header}\n> Is it fixed?\nYes, it is.\n\n-- \nBob`)).toEqual({
      visible: 'Yes, it is.',
      quoted: `${header}\n> Is it fixed?\n-- \nBob`,
    });
  });

  it('a leading "> …" line without a header is not taken for a quote to drop', () => {
    const text = '> Big sale <\n\nDear customer, see our offers.';
    expect(splitReplyText(text)).toEqual({ visible: text, quoted: '' });
  });

  it('inline replies keep the questions they answer', () => {
    const text = `${header}\n> Is it fixed?\n\nYes.\n\n> And the printer?\n\nAlso fixed.`;
    expect(splitReplyText(`${text}\n\n> Ann\n> old signature`)).toEqual({
      visible: text,
      quoted: '> Ann\n> old signature',
    });
  });

  it('treats a line wrapped inside a quote as quoted', () => {
    const split = splitReplyText(`Yes.\n\n${header}\n> a long line that the client\nwrapped without a marker\n> Ann`);
    expect(split.visible).toBe('Yes.');
  });

  it('a wrapped "<address\\n>:" header end is not a quote line', () => {
    const split = splitReplyText('Yes.\n\ntir. 12. mar. 2024 kl. 10:15 skrev Ola <ola@example.no\n>:\n\n> Old');
    expect(split.visible).toBe('Yes.');
  });

  it('only quotes: nothing visible', () => {
    expect(splitReplyText('> old\n> text')).toEqual({ visible: '', quoted: '> old\n> text' });
  });

  it('normalizes CRLF and trims trailing whitespace, keeping inner blank lines', () => {
    expect(splitReplyText('\r\n  Hello  \r\n\r\n\r\nBye \r\n\r\n-- \r\nsig\r\n')).toEqual({
      visible: '  Hello  \n\n\nBye',
      quoted: '-- \nsig',
    });
  });

  it('handles empty input and pathological lines quickly', () => {
    expect(splitReplyText('')).toEqual({ visible: '', quoted: '' });
    const started = performance.now();
    splitReplyText(`Hi\n${'>'.repeat(500_000)}\nOn ${'a '.repeat(200_000)} wrote:\n${'x'.repeat(500_000)}`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('loses nothing but whitespace (property)', () => {
    const line = fc.constantFrom(
      'Hello there',
      '',
      '> quoted',
      header,
      '-- ',
      'Sent from my iPhone',
      'From: Ann <ann@example.com>',
      'Sent: Monday, 4:37 PM',
      'To: Bob',
      'Subject: Hi',
      '-----Original Message-----',
      'Regards,',
      '```',
      'Le 12 mars 2024, Anne <a@example.fr> a écrit :',
    );
    const chars = (s: string) => [...s.replace(/\s+/g, '')].sort().join('');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (lines) => {
        const text = lines.join('\n');
        const { visible, quoted } = splitReplyText(text);
        expect(chars(visible + quoted)).toBe(chars(text));
        expect(visible).toBe(visible.trimEnd());
      }),
    );
  });
});

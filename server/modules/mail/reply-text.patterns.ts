/**
 * Line patterns for reply splitting: quote headers ("On … wrote:" in many languages), Outlook
 * header blocks, "Original Message" separators, signature delimiters and mobile signatures.
 * Each test looks at one line (or a few joined lines) of plain text; the scanner decides.
 */

/** The "wrote" verb of quote headers; Latin/Cyrillic ones must stand as whole words. */
const WROTE_WORDS = [
  'wrote',
  'a écrit',
  'a ecrit',
  'schrieb',
  'ha scritto',
  'escreveu',
  'escribió',
  'escribio',
  'napisał\\(a\\)',
  'napisała',
  'napisał',
  'napisal',
  'schreef',
  'skrev',
  'kirjoitti',
  'пишет',
  'написал\\(а\\)',
  'написала',
  'написал',
  'написав',
  'пише',
  'a scris',
  'írta',
  'napsal\\(a\\)',
  'napsala',
  'napsal',
  'yazdı',
  'έγραψε',
].join('|');
const NOT_LETTER_BEFORE = '(?<![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}])';
const NOT_LETTER_AFTER = '(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}])';
const WROTE = `(?:${NOT_LETTER_BEFORE}(?:${WROTE_WORDS})${NOT_LETTER_AFTER}|写道|寫道)`;
const WROTE_AT_END = new RegExp(`${WROTE}\\s*[:：]?$`, 'iu');
const WROTE_ANYWHERE = new RegExp(WROTE, 'iu');

/** Words that open a quote header ("On", "Le", "Am", "W dniu" …). */
const LEAD_WORD = /^(?:on|le|am|il|in data|em|el|w dniu|dnia|op|den|på|pe|dne|da|в|у|στις)(?=[\s,])|^(?:在|於)/iu;
const WEEKDAY = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b/i;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/;
const NUMERIC_DATE = /\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+\\d{1,2}\\b|\\b\\d{1,2}\\.?\\s+${MONTH}`, 'i');
const EMAIL = /[\w.+'-]+@[\w-]+(?:\.[\w-]+)+/;
/** "… <someone@example.com>:" — the address closes the header. */
const EMAIL_THEN_COLON = /@[^\s@]*\s*[:：]$/;

/**
 * How strongly text begins like a quote header: 2 for a lead word, weekday or date ("On", "Le",
 * "Wednesday,", "30.09.2017,"), 1 for a short word and a number ("pe 20.", "tir. 18."), else 0.
 */
export function headerLeadStrength(text: string): number {
  const t = stripDecoration(text);
  if (LEAD_WORD.test(t) || WEEKDAY.test(t) || /^\d/.test(t)) return 2;
  return /^\p{L}{1,4}\.?,?\s+\d/u.test(t) ? 1 : 0;
}

/** Drops the dashes, stars and spaces some clients put around a header ("---- On … wrote ----"). */
function stripDecoration(text: string): string {
  return text.replace(/^[\s\-=_*]+|[\s\-=_*]+$/g, '');
}

function hasDate(t: string): boolean {
  return YEAR.test(t) || NUMERIC_DATE.test(t) || MONTH_DAY.test(t);
}

/**
 * Whether text (one line, or up to three lines joined by spaces) is a quote header such as
 * "On Tue, 1 Mar 2011 at 18:02, Ann <ann@example.com> wrote:". A header needs at least two of
 * {a lead word, a date, an address} so that prose like "On the other hand, I wrote:" stays text.
 */
export function isQuoteHeader(text: string): boolean {
  const t = stripDecoration(text);
  if (t.length < 8 || t.length > 400) return false;
  const date = hasDate(t);
  const email = EMAIL.test(t);
  const score = Number(headerLeadStrength(t) > 0) + Number(date) + Number(email);
  const colon = /[:：]$/.test(t);
  if (WROTE_AT_END.test(t)) return score >= (colon ? 2 : 3);
  if (!colon) return false;
  if (WROTE_ANYWHERE.test(t)) return score >= 2;
  return date && EMAIL_THEN_COLON.test(t);
}

/**
 * A header too bare to stand alone ("On Monday, Support wrote:"): it ends with "wrote:" in some
 * language. Only counts right above quoted lines, which supply the missing evidence.
 */
export function isBareQuoteHeader(text: string): boolean {
  const t = stripDecoration(text);
  return t.length >= 8 && t.length <= 200 && /[:：]$/.test(t) && WROTE_AT_END.test(t);
}

const FROM_LABELS = 'from|de|de la|von|van|da|fra|från|od|от|від|发件人|寄件者|lähettäjä|feladó|kimden|frá';
const SUBJECT_LABELS =
  'subject|objet|sujet|betreff|onderwerp|oggetto|emne|ämne|temat|тема|主题|主旨|aihe|subiect|assunto|asunto|tárgy|konu';
const OTHER_LABELS = [
  'sent|date|to|cc|bcc|reply-to|on behalf of',
  'envoyé|envoyé le|à|a|copie à|message du',
  'gesendet|datum|an|kopie',
  'verzonden|aan',
  'inviato|data',
  'sendt|dato|til|kopi|skickat|till',
  'wysłano|do|dw',
  'отправлено|дата|кому|копия|надіслано|копія',
  '发送时间|日期|收件人|抄送|寄件日期|收件者|副本',
  'lähetetty|päivämäärä|vastaanottaja|kopio',
  'trimis|către|enviado|enviada em|para|fecha',
  'címzett|elküldve|kime|tarih',
].join('|');
const LABEL = (names: string) => new RegExp(`^\\s*\\*{0,2}\\s*(?:${names})\\s*\\*{0,2}\\s*[:：]`, 'iu');
const FROM_LABEL = LABEL(FROM_LABELS);
const SUBJECT_LABEL = LABEL(SUBJECT_LABELS);
const OTHER_LABEL = LABEL(OTHER_LABELS);

/** Whether a line starts with a From-like label ("From:", "De :", "От:", "*Von:*"). */
export function isFromLabel(line: string): boolean {
  return FROM_LABEL.test(line);
}

function labelKind(line: string): 'from' | 'subject' | 'other' | null {
  if (FROM_LABEL.test(line)) return 'from';
  if (SUBJECT_LABEL.test(line)) return 'subject';
  return OTHER_LABEL.test(line) ? 'other' : null;
}

/**
 * Whether an Outlook-style header block ("From: … / Sent: … / To: … / Subject: …", in any
 * supported language) starts at line `i`: at least three label lines, one of them From-like, and
 * a subject or an e-mail address (so "From: Berlin / To: Paris / Date: …" stays text), with at
 * most two wrapped continuation lines in a row and no blank line.
 */
export function isHeaderBlockAt(lines: readonly string[], i: number): boolean {
  if (labelKind(lines[i]) === null) return false;
  const kinds = new Set<string>();
  let labels = 0;
  let address = false;
  let continuation = 0;
  for (let j = i; j < lines.length && j < i + 12; j++) {
    if (lines[j].trim() === '') break;
    const kind = labelKind(lines[j]);
    if (kind === null && ++continuation > 2) break;
    if (/@|mailto:/i.test(lines[j])) address = true;
    if (kind === null) continue;
    continuation = 0;
    labels++;
    kinds.add(kind);
  }
  return kinds.has('from') && labels >= 3 && (kinds.has('subject') || address);
}

const ORIGINAL_MESSAGE = new RegExp(
  '^\\s*[-_=*]{2,}\\s*(?:original message|original e-?mail|ursprüngliche nachricht|original[- ]?nachricht|' +
    "message d'origine|message original|oprindelig besked|oprindelig meddelelse|opprinnelig melding|" +
    'ursprungligt meddelande|messaggio originale|mensaje original|mensagem original|oorspronkelijk bericht|' +
    'origineel bericht|alkuperäinen viesti|исходное сообщение|оригинальное сообщение|вихідне повідомлення|' +
    'оригінальне повідомлення|mesaj original|mesajul original|原始邮件|原始郵件|wiadomość oryginalna|' +
    'oryginalna wiadomość|původní zpráva|eredeti üzenet|orijinal mesaj)\\s*[-_=*]*\\s*$',
  'iu',
);
/** Markers a help desk (ours included) puts above the quoted notification. */
const REPLY_ABOVE = /reply above this line|antworten sie oberhalb dieser zeile|répondez au-dessus de cette ligne/i;

/** Whether a line separates the reply from the history: "-----Original Message-----", "_____". */
export function isSeparator(line: string): boolean {
  return ORIGINAL_MESSAGE.test(line) || /^\s*_{2,}\s*$/.test(line) || REPLY_ABOVE.test(line);
}

const FORWARD = new RegExp(
  '^\\s*[-_=*>]*\\s*(?:forwarded message|begin forwarded message|weitergeleitete nachricht|message transféré|' +
    'début du message réexpédié|пересылаемое сообщение|переслане повідомлення|mensaje reenviado|' +
    'messaggio inoltrato|doorgestuurd bericht|videresendt meddelelse|vidarebefordrat meddelande|' +
    'mesaj redirecționat|转发的邮件|转发邮件)\\s*:?\\s*[-_=*]*\\s*$',
  'iu',
);

/** Whether a line opens a forwarded message (its content is what the sender wants us to read). */
export function isForwardMarker(line: string): boolean {
  return FORWARD.test(line);
}

/** "-- " (RFC 3676) or "--" alone on a line. */
export function isSignatureDelimiter(line: string): boolean {
  return /^--\s*$/.test(line);
}

const MOBILE_PREFIX = new RegExp(
  '^(?:sent from|sent with|sent via|sent using|get outlook for|envoyé de|envoyé depuis|envoyé à partir de|' +
    'envoyé avec|von meinem|gesendet von|gesendet mit|gesendet vom|enviado desde|enviado do|enviado de|' +
    'enviado con|inviato da|inviato dal|verzonden met|verzonden vanaf|verstuurd vanaf|verstuurd met|wysłane z|' +
    'отправлено с|отправлено из|надіслано з|trimis de pe|trimis de|trimis cu|skickat från|sendt fra|' +
    'lähetetty|发自我的|来自我的|發自我的)(?=\\s|\\p{L}|$)',
  'iu',
);

/** What a client signature names: "my …", a device, a mail app, or a link to the app. */
const MOBILE_WHAT = new RegExp(
  '^(?:my|mon|ma|mi|meu|mio|mijn|min|mitt|mój|mojego|моего|мого|meinem)\\s|' +
    '(?<![\\p{L}])(?:iphone|ipad|android|ios|blackberry|samsung|galaxy|huawei|xiaomi|pixel|nokia|motorola|mobile|' +
    'phone|tablet|outlook|yahoo|gmail|aol|mail|typeapp|sparrow|spark|bluemail|airmail|proton|windows)(?![\\p{L}])',
  'iu',
);

/**
 * Whether a line is a client's automatic signature: "Sent from my iPhone", "Get Outlook for iOS
 * <https://…>", "Von meinem iPhone gesendet", "Отправлено с iPhone". Only short lines without
 * sentence punctuation that name the sender's device or app count, so "Sent from my desk, is
 * much easier…" and "Sent from the warehouse today" stay text.
 */
export function isMobileSignature(line: string): boolean {
  const t = line.trim();
  const prefix = MOBILE_PREFIX.exec(t);
  if (prefix === null || t.length > 100) return false;
  const rawRest = t.slice(prefix[0].length).trim();
  const rest = rawRest
    .replace(/<[^>]*>|\([^)]*\)|\[[^\]]*\]|https?:\/\/\S+/g, ' ')
    .replace(/[.!]+\s*$/, '')
    .trim();
  if (/[,;:?]/.test(rest) || rest.split(/\s+/).filter(Boolean).length > 6) return false;
  const link = /<[^>]*>|https?:\/\//.test(rawRest);
  return /(?:meinem|我的)$/iu.test(prefix[0]) || link || MOBILE_WHAT.test(rest);
}

const VALEDICTION = new RegExp(
  '^(?:(?:best|kind|warm|warmest|many|with kind|with best)\\s+)?regards|^(?:bien )?cordialement|' +
    '^mit freundlichen gr(?:ü|ue)(?:ß|ss)en|^(?:viele|beste|freundliche) gr(?:ü|ue)(?:ß|ss)e|^с уважением|^з повагою|' +
    '^cu (?:stimă|respect)|^atenciosamente|^saludos(?: cordiales)?|^un saludo|^(?:cordiali|distinti) saluti|' +
    '^met vriendelijke groet(?:en)?|^pozdrawiam|^z poważaniem|^med vänlig hälsning|^med venlig hilsen|' +
    '^med vennlig hilsen|^ystävällisin terveisin|^此致敬礼|^此致',
  'iu',
);

/** Whether a line is only a closing formula ("Regards,", "Mit freundlichen Grüßen", "С уважением"). */
export function isValediction(line: string): boolean {
  const t = line.trim().replace(/[,.!]+$/, '');
  const m = VALEDICTION.exec(t);
  return m !== null && m[0].length === t.length;
}

/** A line made only of separator characters ("-----", "=====", "—————"). */
export function isDecorationLine(line: string): boolean {
  return /^\s*[-_=*~—–•]{3,}\s*$/.test(line);
}

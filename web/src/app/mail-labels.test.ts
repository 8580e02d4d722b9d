import { describe, expect, it } from 'vitest';
import en from '../i18n/locales/en/mail.json' with { type: 'json' };
import {
  LINK_DIRECTIONS,
  LINK_REASONS,
  linkKindKeys,
  MAIL_TEMPLATES,
  nextBefore,
  outcomeKey,
  RECEIPT_OUTCOMES,
  RECEIPT_SOURCES,
  sourceKey,
  templateKey,
} from './mail-labels.ts';

/** Looks a dotted key up in the English mail texts. */
function english(key: string | null): unknown {
  if (key === null) return undefined;
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);
}

describe('outcome labels', () => {
  it('names every outcome the server files', () => {
    expect(outcomeKey('created')).toBe('mailAdmin.outcome.created');
    expect(outcomeKey('unverified_note')).toBe('mailAdmin.outcome.unverified_note');
    for (const outcome of RECEIPT_OUTCOMES) expect(typeof english(outcomeKey(outcome))).toBe('string');
  });

  it('leaves unknown and missing outcomes to be shown as they are', () => {
    expect(outcomeKey('something_new')).toBeNull();
    expect(outcomeKey(null)).toBeNull();
    expect(outcomeKey(undefined)).toBeNull();
    expect(outcomeKey('')).toBeNull();
  });
});

describe('template and source labels', () => {
  it('has an English text for each known code', () => {
    for (const template of MAIL_TEMPLATES) expect(typeof english(templateKey(template))).toBe('string');
    for (const source of RECEIPT_SOURCES) expect(typeof english(sourceKey(source))).toBe('string');
  });

  it('does not invent keys for unknown codes', () => {
    expect(templateKey('digest')).toBeNull();
    expect(sourceKey('carrier_pigeon')).toBeNull();
  });
});

describe('link kinds', () => {
  it('splits direction and reason', () => {
    expect(linkKindKeys('follow_up_of:closed')).toEqual({
      direction: 'ticketMail.link.follow_up_of',
      reason: 'ticketMail.reason.closed',
    });
    expect(linkKindKeys('followed_by:unverified_sender')).toEqual({
      direction: 'ticketMail.link.followed_by',
      reason: 'ticketMail.reason.unverified_sender',
    });
  });

  it('copes with a kind without reason, an unknown reason or an unknown direction', () => {
    expect(linkKindKeys('follow_up_of')).toEqual({ direction: 'ticketMail.link.follow_up_of', reason: null });
    expect(linkKindKeys('followed_by:merged')).toEqual({ direction: 'ticketMail.link.followed_by', reason: null });
    expect(linkKindKeys('duplicate_of:closed')).toEqual({ direction: null, reason: 'ticketMail.reason.closed' });
    expect(linkKindKeys('')).toEqual({ direction: null, reason: null });
  });

  it('has an English text for every direction and reason', () => {
    for (const direction of LINK_DIRECTIONS) expect(typeof english(`ticketMail.link.${direction}`)).toBe('string');
    for (const reason of LINK_REASONS) expect(typeof english(`ticketMail.reason.${reason}`)).toBe('string');
  });
});

describe('nextBefore', () => {
  const page = (...ids: number[]) => ids.map((id) => ({ id }));

  it('continues after the last id of a full page', () => {
    expect(nextBefore(page(9, 8, 7), 3)).toBe(7);
  });

  it('stops after a short or empty page', () => {
    expect(nextBefore(page(9, 8), 3)).toBeUndefined();
    expect(nextBefore([], 3)).toBeUndefined();
    expect(nextBefore([], 0)).toBeUndefined();
  });
});

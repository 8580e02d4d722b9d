import { describe, expect, it } from 'vitest';
import type { MailAccount } from '../../../api/mail.ts';
import {
  defaultPort,
  mailAccountProblems,
  mailAccountServerErrors,
  portForTls,
  toMailAccountInput,
  toMailAccountValues,
} from './mail-account-form.ts';

const stored: MailAccount = {
  id: 4,
  name: 'Support',
  kind: 'imap',
  address: 'support@acme.example',
  host: 'imap.acme.example',
  port: 993,
  tls: 'implicit',
  allowSelfSigned: false,
  username: 'support',
  hasPassword: true,
  folder: 'INBOX',
  afterImport: 'move',
  moveTo: 'Done',
  groupId: 2,
  categoryId: null,
  serviceId: 7,
  active: true,
  lastPolledAt: null,
  lastError: null,
};

describe('mail account form values', () => {
  it('starts a new account as an active IMAP mailbox on the implicit TLS port', () => {
    const values = toMailAccountValues(null);
    expect(values).toMatchObject({ kind: 'imap', tls: 'implicit', port: 993, folder: 'INBOX', active: true });
    expect(values.allowSelfSigned).toBe(false);
  });

  it('round-trips a stored account, keeping the stored password when none is typed', () => {
    const input = toMailAccountInput(toMailAccountValues(stored));
    expect(input).toEqual({
      name: 'Support',
      kind: 'imap',
      address: 'support@acme.example',
      host: 'imap.acme.example',
      port: 993,
      tls: 'implicit',
      allowSelfSigned: false,
      username: 'support',
      folder: 'INBOX',
      afterImport: 'move',
      moveTo: 'Done',
      groupId: 2,
      categoryId: null,
      serviceId: 7,
      active: true,
    });
    expect('password' in input).toBe(false);
  });

  it('sends a typed password and trims text', () => {
    const values = { ...toMailAccountValues(stored), password: ' s3cret ', name: '  Help  ', moveTo: ' X ' };
    expect(toMailAccountInput(values)).toMatchObject({ password: ' s3cret ', name: 'Help', moveTo: 'X' });
  });

  it('drops server settings of an inbound address', () => {
    const values = {
      ...toMailAccountValues(stored),
      kind: 'inbound' as const,
      password: 'ignored',
      allowSelfSigned: true,
      address: ' Help@ACME.example ',
    };
    const input = toMailAccountInput(values);
    expect(input).toMatchObject({
      kind: 'inbound',
      address: 'help@acme.example',
      host: null,
      port: null,
      username: null,
      allowSelfSigned: false,
      moveTo: null,
      afterImport: 'mark_seen',
    });
    expect('password' in input).toBe(false);
  });

  it('clears the move-to folder unless mail is moved', () => {
    const values = { ...toMailAccountValues(stored), afterImport: 'delete' as const };
    expect(toMailAccountInput(values).moveTo).toBeNull();
  });
});

describe('ports and TLS', () => {
  it('knows the usual ports', () => {
    expect(defaultPort('implicit')).toBe(993);
    expect(defaultPort('starttls')).toBe(143);
    expect(defaultPort('none')).toBe(143);
  });

  it('moves a default port along with the TLS mode but keeps a typed one', () => {
    expect(portForTls(993, 'implicit', 'starttls')).toBe(143);
    expect(portForTls(143, 'starttls', 'implicit')).toBe(993);
    expect(portForTls('', 'none', 'implicit')).toBe(993);
    expect(portForTls(1993, 'implicit', 'starttls')).toBe(1993);
  });
});

describe('mail account problems', () => {
  it('asks for the IMAP settings of a new mailbox', () => {
    const values = { ...toMailAccountValues(null), port: '' };
    expect(mailAccountProblems(values, false)).toEqual({
      name: 'common.required',
      host: 'common.required',
      port: 'mailAdmin.errors.port',
      username: 'common.required',
      password: 'common.required',
    });
  });

  it('accepts an empty password when one is stored', () => {
    expect(mailAccountProblems(toMailAccountValues(stored), true)).toEqual({});
  });

  it('wants a folder to move to and a valid address and port', () => {
    const values = { ...toMailAccountValues(stored), moveTo: ' ', address: 'nope', port: 70000 };
    expect(mailAccountProblems(values, true)).toEqual({
      moveTo: 'common.required',
      address: 'mailAdmin.errors.address',
      port: 'mailAdmin.errors.port',
    });
  });

  it('needs only a name for an inbound address', () => {
    const values = { ...toMailAccountValues(null), kind: 'inbound' as const, name: 'Inbound' };
    expect(mailAccountProblems(values, false)).toEqual({});
  });
});

describe('server errors on fields', () => {
  it('maps the fields a 400 names', () => {
    expect(
      mailAccountServerErrors({ status: 400, code: 'validation_failed', fields: ['host', 'groupId', 'other'] }),
    ).toEqual({ host: 'common.required', groupId: 'mailAdmin.errors.unknownGroup' });
  });

  it('explains a taken address', () => {
    expect(mailAccountServerErrors({ status: 409, code: 'address_taken', fields: ['address'] })).toEqual({
      address: 'mailAdmin.errors.addressTaken',
    });
  });

  it('leaves other errors to the alert above the form', () => {
    expect(mailAccountServerErrors({ status: 403, code: 'forbidden', fields: ['name'] })).toEqual({});
    expect(mailAccountServerErrors({ status: 409, code: 'conflict', fields: [] })).toEqual({});
  });
});

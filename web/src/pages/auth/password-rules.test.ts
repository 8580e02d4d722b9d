import { describe, expect, it } from 'vitest';
import { linkRefusal, MIN_PASSWORD_LENGTH, newPasswordProblems } from './password-rules.ts';

describe('newPasswordProblems', () => {
  it('wants a long enough password first', () => {
    expect(newPasswordProblems('short', 'other')).toEqual({ password: 'auth.passwordTooShort' });
    expect(newPasswordProblems('x'.repeat(MIN_PASSWORD_LENGTH - 1), '')).toEqual({ password: 'auth.passwordTooShort' });
  });

  it('then the same password twice', () => {
    expect(newPasswordProblems('long enough', 'long enougH')).toEqual({ repeat: 'auth.reset.mismatch' });
    expect(newPasswordProblems('x'.repeat(MIN_PASSWORD_LENGTH), 'x'.repeat(MIN_PASSWORD_LENGTH))).toEqual({});
  });
});

describe('linkRefusal', () => {
  it('tells a dead link from a weak password', () => {
    expect(linkRefusal({ status: 400, fields: ['token'] })).toBe('token');
    expect(linkRefusal({ status: 400, fields: ['password'] })).toBe('password');
  });

  it('leaves anything else to the generic error', () => {
    expect(linkRefusal({ status: 400, fields: [] })).toBeNull();
    expect(linkRefusal({ status: 429, fields: ['token'] })).toBeNull();
  });
});

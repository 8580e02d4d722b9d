/** The shortest password the server accepts. */
export const MIN_PASSWORD_LENGTH = 8;

/** What is wrong with a new password and its repetition, as translation keys by field. */
export function newPasswordProblems(password: string, repeat: string): { password?: string; repeat?: string } {
  if (password.length < MIN_PASSWORD_LENGTH) return { password: 'auth.passwordTooShort' };
  if (repeat !== password) return { repeat: 'auth.reset.mismatch' };
  return {};
}

/**
 * Why the server refused a mailed link's form (a reset, or an address confirmation): the link
 * (`token`), the password (too short, or not the account's), or something else.
 */
export function linkRefusal(error: { status: number; fields: string[] }): 'token' | 'password' | null {
  if (error.status !== 400) return null;
  if (error.fields.includes('token')) return 'token';
  if (error.fields.includes('password')) return 'password';
  return null;
}

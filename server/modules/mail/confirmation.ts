/**
 * Does a customer's mail reply to a resolved ticket confirm the solution? Only a short, plainly
 * positive answer counts ("Thanks, it works now", "Підтверджую", "确认"); anything with a
 * negation or longer than a few sentences is read as a rejection, because wrongly closing a
 * ticket is worse than reopening one the customer can close again from the portal.
 */

const CONFIRM = [
  /\bconfirm(ed|s)?\b/i,
  /\b(it|that|everything|all) (works|is working|is fine|is ok(ay)?)\b/i,
  /\bworks (now|fine|again|perfectly)\b/i,
  /\b(problem|issue) (is )?(solved|resolved|fixed)\b/i,
  /\b(you )?(can|may) close\b/i,
  /підтверджую|працює|вирішено|можна закрива/i,
  /подтверждаю|работает|решено|можно закрыва/i,
  /\bconfirm\b|funcționează|functioneaza|funcţionează|rezolvat|pute[țţt]i închide|puteti inchide/i,
  /确认|已解决|解决了|可以关闭|好了|没问题了/,
];

const NEGATION = [
  /\b(not|no longer|still|doesn'?t|don'?t|isn'?t|won'?t|can'?t|cannot|never|again broken)\b/i,
  /\bне\b|\bні\b|\bнет\b|досі|все ще|всё ещё|все еще|знову|снова/i,
  /\bnu\b|încă|inca|iar nu/i,
  /没|不|还是|仍然/,
];

/** True when `text` (the new part of the reply) confirms the solution. */
export function confirmsSolution(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 300) return false;
  if (NEGATION.some((pattern) => pattern.test(trimmed))) return false;
  return CONFIRM.some((pattern) => pattern.test(trimmed));
}

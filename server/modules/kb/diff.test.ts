import { describe, expect, it } from 'vitest';
import { diffText } from './diff.ts';

const rebuild = (ops: { op: string; text: string }[], keep: string) =>
  ops
    .filter((o) => o.op === 'equal' || o.op === keep)
    .map((o) => o.text)
    .join('');

describe('diffText', () => {
  it('marks replaced words and keeps both texts recoverable', () => {
    const ops = diffText('Restart the printer and wait', 'Restart the router and wait a minute');
    expect(ops).toContainEqual({ op: 'delete', text: 'printer' });
    expect(ops).toContainEqual({ op: 'insert', text: 'router' });
    expect(rebuild(ops, 'delete')).toBe('Restart the printer and wait');
    expect(rebuild(ops, 'insert')).toBe('Restart the router and wait a minute');
  });

  it('returns a single equal run for identical texts and handles empty ones', () => {
    expect(diffText('same text', 'same text')).toEqual([{ op: 'equal', text: 'same text' }]);
    expect(diffText('', 'new')).toEqual([{ op: 'insert', text: 'new' }]);
    expect(diffText('old', '')).toEqual([{ op: 'delete', text: 'old' }]);
  });

  it('falls back to lines for long texts and stays correct', () => {
    const older = Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ');
    const newer = `${older.replace('word1500', 'changed')}\nextra line`;
    const ops = diffText(older, newer);
    expect(rebuild(ops, 'delete')).toBe(older);
    expect(rebuild(ops, 'insert')).toBe(newer);
  });
});

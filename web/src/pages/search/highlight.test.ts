import { describe, expect, it } from 'vitest';
import { parseSnippet } from './highlight.ts';

describe('parseSnippet', () => {
  it('splits marks from text and decodes the escapes', () => {
    expect(parseSnippet('a &#60;b&#62; <mark>printer</mark> &amp; more')).toEqual([
      { text: 'a <b> ', mark: false },
      { text: 'printer', mark: true },
      { text: ' & more', mark: false },
    ]);
  });
  it('keeps anything else as text, never markup', () => {
    expect(parseSnippet('<script>x</script>')).toEqual([{ text: '<script>x</script>', mark: false }]);
  });
  it('handles CJK marks at the start', () => {
    expect(parseSnippet('<mark>打印</mark>机')).toEqual([
      { text: '打印', mark: true },
      { text: '机', mark: false },
    ]);
  });
});

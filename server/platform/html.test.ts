import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyToHtml, htmlToText, sanitizeBody } from './html.ts';

describe('html safety', () => {
  it('removes scripts, event handlers, iframes and javascript: links', () => {
    const dirty =
      '<p onclick="x()">Hi<script>alert(1)</script></p><iframe src="https://evil"></iframe><a href="javascript:alert(1)">x</a><img src="x" onerror="alert(1)">';
    const clean = sanitizeBody(dirty);
    expect(clean).not.toMatch(/script|onclick|onerror|iframe|javascript:/i);
    expect(clean).toContain('<p>Hi</p>');
  });

  it('keeps ordinary formatting and makes links safe to open', () => {
    const clean = sanitizeBody('<p><b>Bold</b> <a href="https://example.com">link</a></p><ul><li>one</li></ul>');
    expect(clean).toContain('<b>Bold</b>');
    expect(clean).toContain('rel="noopener noreferrer nofollow"');
    expect(clean).toContain('<li>one</li>');
  });

  it('escapes plain text and keeps its paragraphs and line breaks', () => {
    expect(bodyToHtml('a < b & c\nnext\n\nnew para')).toBe('<p>a &lt; b &amp; c<br>next</p><p>new para</p>');
  });

  it('derives readable text from HTML', () => {
    expect(htmlToText('<p>Hello &amp; welcome</p><p>Line<br>two</p>')).toBe('Hello & welcome\nLine\ntwo');
  });

  it('never lets a script tag through whatever the input', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (before, after) => {
        const html = bodyToHtml(`${before}<script>evil()</script>${after}`);
        return !/<script/i.test(html);
      }),
    );
  });
});

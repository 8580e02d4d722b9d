import { Mark, Text, type TextProps } from '@mantine/core';
import { parseSnippet } from './highlight.ts';

/** A search snippet with its matches highlighted; rendered as text, never as HTML. */
export function HighlightedText({ snippet, ...props }: { snippet: string } & TextProps) {
  return (
    <Text size="sm" c="dimmed" {...props}>
      {parseSnippet(snippet).map((part, i) =>
        part.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity beyond their place
          <Mark key={i} color="yellow">
            {part.text}
          </Mark>
        ) : (
          part.text
        ),
      )}
    </Text>
  );
}

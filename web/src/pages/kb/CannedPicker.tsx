import { Paper, Text, UnstyledButton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CannedResponse, fetchCanned, renderCanned } from '../../api/canned.ts';
import { findCannedTrigger, htmlToPlainText } from './kb-tree.ts';

export const cannedKeys = { all: ['canned'] as const };

/**
 * `::name` in a plain-text reply box: while the agent types `::` and part of a name, a list of
 * matching responses opens; Enter or a click inserts the response rendered for the ticket.
 */
export function useCannedPicker(options: {
  ticketId: number;
  enabled: boolean;
  text: string;
  setText: (text: string) => void;
}) {
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const canned = useQuery({ queryKey: cannedKeys.all, queryFn: () => fetchCanned(), enabled: options.enabled });
  const trigger = options.enabled ? findCannedTrigger(options.text, caret) : null;
  const open = trigger !== null && dismissed !== trigger.start;
  const matches = open
    ? (canned.data ?? []).filter((c) => c.name.toLowerCase().includes(trigger.query.toLowerCase())).slice(0, 8)
    : [];

  const insert = async (response: CannedResponse) => {
    if (!trigger) return;
    const { html } = await renderCanned(response.id, options.ticketId);
    const body = htmlToPlainText(html);
    options.setText(options.text.slice(0, trigger.start) + body + options.text.slice(caret));
    setCaret(trigger.start + body.length);
  };

  /** Keys while the list is open: arrows move, Enter inserts, Escape closes. Returns true when handled. */
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || matches.length === 0) return false;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + matches.length) % matches.length);
      return true;
    }
    if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      void insert(matches[Math.min(active, matches.length - 1)]);
      return true;
    }
    if (event.key === 'Escape') {
      setDismissed(trigger?.start ?? null);
      return true;
    }
    return false;
  };

  const track = (element: HTMLTextAreaElement) => {
    setCaret(element.selectionStart ?? element.value.length);
    setActive(0);
  };
  return { open: open && matches.length > 0, matches, active, insert, onKeyDown, track };
}

/** The list under the reply box. */
export function CannedList({ picker }: { picker: ReturnType<typeof useCannedPicker> }) {
  const { t } = useTranslation();
  if (!picker.open) return null;
  return (
    <Paper withBorder shadow="md" p={4} role="listbox" aria-label={t('canned.picker')} data-testid="canned-picker">
      {picker.matches.map((c, i) => (
        <UnstyledButton
          key={c.id}
          role="option"
          aria-selected={i === picker.active}
          display="block"
          w="100%"
          p={6}
          bg={i === picker.active ? 'blue.0' : undefined}
          onMouseDown={(event) => {
            // Keep the focus (and the caret) in the text box.
            event.preventDefault();
            void picker.insert(c);
          }}
        >
          <Text size="sm" fw={600}>
            ::{c.name}
          </Text>
          <Text size="xs" c="dimmed" lineClamp={1}>
            {htmlToPlainText(c.bodyHtml)}
          </Text>
        </UnstyledButton>
      ))}
    </Paper>
  );
}

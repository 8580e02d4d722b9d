import { Paper, Tabs } from '@mantine/core';
import { IconLock, IconMessage, IconPhone } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../api/tickets.ts';
import { ReplyBox } from '../../components/ReplyBox.tsx';

type ComposerKind = 'reply' | 'note' | 'phone';

/** Reply to the customer, write an internal note, or record a phone call, as abilities allow. */
export function Composer({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const kinds: { kind: ComposerKind; allowed: boolean; icon: typeof IconMessage }[] = [
    { kind: 'reply', allowed: ticket.abilities.reply, icon: IconMessage },
    { kind: 'note', allowed: ticket.abilities.note, icon: IconLock },
    { kind: 'phone', allowed: ticket.abilities.phone, icon: IconPhone },
  ];
  const allowed = kinds.filter((k) => k.allowed);
  if (allowed.length === 0) return null;

  return (
    <Paper withBorder>
      <Tabs defaultValue={allowed[0].kind} keepMounted={false}>
        <Tabs.List>
          {allowed.map(({ kind, icon: Icon }) => (
            <Tabs.Tab key={kind} value={kind} leftSection={<Icon size={14} />}>
              {t(`composer.tab.${kind}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {allowed.map(({ kind }) => (
          <Tabs.Panel key={kind} value={kind} p="md" bg={kind === 'note' ? 'yellow.0' : undefined}>
            <ReplyBox
              ticketId={ticket.id}
              kind={kind}
              label={t(`composer.label.${kind}`)}
              placeholder={t(`composer.placeholder.${kind}`)}
              submitLabel={t(`composer.submit.${kind}`)}
              successMessage={t(`composer.sent.${kind}`)}
              agentTools
            />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Paper>
  );
}

import { Tabs, Text, Title } from '@mantine/core';
import { IconInbox, IconMailbox, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { InboundLogTab } from './InboundLogTab.tsx';
import { MailAccountsTab } from './MailAccountsTab.tsx';
import { OutboundTab } from './OutboundTab.tsx';

const TABS = ['accounts', 'inbound', 'outbound'] as const;
type MailTab = (typeof TABS)[number];

/** The e-mail channel: accounts mail comes in through, the inbound log, and the outgoing log. */
export default function MailPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: MailTab = TABS.find((name) => name === requested) ?? 'accounts';

  return (
    <>
      <Title order={1} size="h3" mb="xs">
        {t('mailAdmin.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('mailAdmin.intro')}
      </Text>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'accounts' ? { tab: value } : {}, { replace: true })}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="accounts" leftSection={<IconMailbox size={14} />}>
            {t('mailAdmin.accounts.title')}
          </Tabs.Tab>
          <Tabs.Tab value="inbound" leftSection={<IconInbox size={14} />}>
            {t('mailAdmin.inbound.title')}
          </Tabs.Tab>
          <Tabs.Tab value="outbound" leftSection={<IconMailForward size={14} />}>
            {t('mailAdmin.outbound.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="accounts">{tab === 'accounts' && <MailAccountsTab />}</Tabs.Panel>
        <Tabs.Panel value="inbound">{tab === 'inbound' && <InboundLogTab />}</Tabs.Panel>
        <Tabs.Panel value="outbound">{tab === 'outbound' && <OutboundTab />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

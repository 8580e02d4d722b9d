import { Tabs, Text, Title } from '@mantine/core';
import { IconCalendarTime, IconFileCertificate, IconGauge } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CalendarsTab } from './CalendarsTab.tsx';
import { ContractsTab } from './ContractsTab.tsx';
import { PoliciesTab } from './PoliciesTab.tsx';

const TABS = ['calendars', 'policies', 'contracts'] as const;
type SlaTab = (typeof TABS)[number];

/** Service levels: business calendars, SLA policies and the contracts that assign them. */
export default function SlaPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: SlaTab = TABS.find((name) => name === requested) ?? 'calendars';

  return (
    <>
      <Title order={1} size="h3" mb="xs">
        {t('admin.sla.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('admin.sla.intro')}
      </Text>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'calendars' ? { tab: value } : {}, { replace: true })}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="calendars" leftSection={<IconCalendarTime size={14} />}>
            {t('admin.sla.calendars.title')}
          </Tabs.Tab>
          <Tabs.Tab value="policies" leftSection={<IconGauge size={14} />}>
            {t('admin.sla.policies.title')}
          </Tabs.Tab>
          <Tabs.Tab value="contracts" leftSection={<IconFileCertificate size={14} />}>
            {t('admin.sla.contracts.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="calendars">{tab === 'calendars' && <CalendarsTab />}</Tabs.Panel>
        <Tabs.Panel value="policies">{tab === 'policies' && <PoliciesTab />}</Tabs.Panel>
        <Tabs.Panel value="contracts">{tab === 'contracts' && <ContractsTab />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

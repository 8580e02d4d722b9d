import { Tabs, Text, Title } from '@mantine/core';
import { IconHelpCircle, IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ExplainTab } from './ExplainTab.tsx';
import { MatrixTab } from './MatrixTab.tsx';

/** Notification settings for admins: the level 1-2 matrix and the explanation of one decision. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'explain' ? 'explain' : 'matrix';
  return (
    <>
      <Title order={1} size="h3" mb="xs">
        {t('notify.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={820}>
        {t('notify.intro')}
      </Text>
      <Tabs value={tab} onChange={(value) => setParams(value === 'explain' ? { tab: value } : {}, { replace: true })}>
        <Tabs.List mb="md">
          <Tabs.Tab value="matrix" leftSection={<IconTable size={14} />}>
            {t('notify.tabs.matrix')}
          </Tabs.Tab>
          <Tabs.Tab value="explain" leftSection={<IconHelpCircle size={14} />}>
            {t('notify.tabs.explain')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="matrix">{tab === 'matrix' && <MatrixTab />}</Tabs.Panel>
        <Tabs.Panel value="explain">{tab === 'explain' && <ExplainTab />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

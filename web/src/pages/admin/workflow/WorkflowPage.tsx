import { Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowsRightLeft, IconCircleDot, IconTags } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { DefinitionsTab } from './DefinitionsTab.tsx';
import { TransitionsTab } from './TransitionsTab.tsx';
import { useWorkflow } from './useWorkflowAdmin.ts';

const TABS = ['statuses', 'types', 'transitions'] as const;
type WorkflowTab = (typeof TABS)[number];

/** Transitions need the whole workflow (statuses and types) before anything can be shown. */
function TransitionsPanel() {
  const workflow = useWorkflow();
  if (workflow.error) return <ErrorAlert error={workflow.error} />;
  if (!workflow.data)
    return (
      <Stack>
        <Skeleton h={40} />
        <Skeleton h={240} />
      </Stack>
    );
  return <TransitionsTab workflow={workflow.data} />;
}

/** The configurable workflow: ticket statuses, ticket types, and who may move a ticket where. */
export default function WorkflowPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: WorkflowTab = TABS.find((name) => name === requested) ?? 'statuses';

  return (
    <>
      <Title order={1} size="h3" mb="xs">
        {t('workflowAdmin.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('workflowAdmin.intro')}
      </Text>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'statuses' ? { tab: value } : {}, { replace: true })}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="statuses" leftSection={<IconCircleDot size={14} />}>
            {t('workflowAdmin.statuses.title')}
          </Tabs.Tab>
          <Tabs.Tab value="types" leftSection={<IconTags size={14} />}>
            {t('workflowAdmin.types.title')}
          </Tabs.Tab>
          <Tabs.Tab value="transitions" leftSection={<IconArrowsRightLeft size={14} />}>
            {t('workflowAdmin.transitions.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="statuses">{tab === 'statuses' && <DefinitionsTab kind="statuses" />}</Tabs.Panel>
        <Tabs.Panel value="types">{tab === 'types' && <DefinitionsTab kind="types" />}</Tabs.Panel>
        <Tabs.Panel value="transitions">{tab === 'transitions' && <TransitionsPanel />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

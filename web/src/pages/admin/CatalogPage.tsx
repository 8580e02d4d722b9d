import { Tabs, Text, Title } from '@mantine/core';
import { IconFolder, IconServer, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { CategoriesTab } from './CategoriesTab.tsx';
import { GroupsTab } from './GroupsTab.tsx';
import { ServicesTab } from './ServicesTab.tsx';

const TABS = ['categories', 'services', 'groups'] as const;
type CatalogTab = (typeof TABS)[number];

/** The service catalogue: request categories, services, and the support groups that work them. */
export default function CatalogPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: CatalogTab = TABS.find((name) => name === requested) ?? 'categories';

  return (
    <>
      <Title order={1} size="h3" mb="xs">
        {t('admin.catalog.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md" maw={720}>
        {t('admin.catalog.intro')}
      </Text>
      <Tabs
        value={tab}
        onChange={(value) => setParams(value && value !== 'categories' ? { tab: value } : {}, { replace: true })}
      >
        <Tabs.List mb="md">
          <Tabs.Tab value="categories" leftSection={<IconFolder size={14} />}>
            {t('admin.catalog.categories.title')}
          </Tabs.Tab>
          <Tabs.Tab value="services" leftSection={<IconServer size={14} />}>
            {t('admin.catalog.services.title')}
          </Tabs.Tab>
          <Tabs.Tab value="groups" leftSection={<IconUsersGroup size={14} />}>
            {t('admin.catalog.groups.title')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="categories">{tab === 'categories' && <CategoriesTab />}</Tabs.Panel>
        <Tabs.Panel value="services">{tab === 'services' && <ServicesTab />}</Tabs.Panel>
        <Tabs.Panel value="groups">{tab === 'groups' && <GroupsTab />}</Tabs.Panel>
      </Tabs>
    </>
  );
}

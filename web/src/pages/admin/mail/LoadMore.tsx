import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The "Load more" bar under a paged log. */
export function LoadMore({ loading, onClick }: { loading: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="center" p="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
      <Button variant="default" onClick={onClick} loading={loading}>
        {t('common.loadMore')}
      </Button>
    </Group>
  );
}

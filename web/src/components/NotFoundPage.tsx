import { Button } from '@mantine/core';
import { IconMapQuestion } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from './EmptyState.tsx';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <EmptyState
      icon={<IconMapQuestion size={26} />}
      title={t('common.notFoundTitle')}
      description={t('common.notFoundText')}
      action={
        <Button component={Link} to="/" variant="light">
          {t('common.goHome')}
        </Button>
      }
    />
  );
}

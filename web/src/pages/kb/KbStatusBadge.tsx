import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../api/kb.ts';

const COLORS: Record<ArticleStatus, string> = { draft: 'yellow', published: 'green', archived: 'gray' };

export function KbStatusBadge({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  return <Badge color={COLORS[status]}>{t(`kb.status.${status}`)}</Badge>;
}

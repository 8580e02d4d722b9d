import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ArticleStatus } from '../../../../common/kb.ts';

const COLORS: Record<ArticleStatus, string> = { draft: 'yellow', published: 'green', archived: 'gray' };

export function KbStatusBadge({ status }: { status: ArticleStatus }) {
  const { t } = useTranslation();
  // Never squeezed by a long title beside it.
  return (
    <Badge color={COLORS[status]} style={{ flexShrink: 0 }}>
      {t(`kb.status.${status}`)}
    </Badge>
  );
}

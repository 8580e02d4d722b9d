import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OverrideScope, SettingsContext } from '../../api/notifications.ts';
import { useNotifyNames } from '../../app/notify-names.ts';

/**
 * Where the person has choices of their own (any group, a group, a target status), each a
 * button that shows that scope, so choices made for one group are not lost from sight.
 * Hidden when the only such scope is the one shown.
 */
export function OwnScopes({
  scopes,
  context,
  onPick,
}: {
  scopes: OverrideScope[];
  context: SettingsContext;
  onPick: (scope: Pick<SettingsContext, 'categoryId' | 'statusTo'>) => void;
}) {
  const { t } = useTranslation();
  const names = useNotifyNames();
  const isShown = (s: OverrideScope) => s.categoryId === context.categoryId && s.statusTo === context.statusTo;
  if (!scopes.some((s) => !isShown(s))) return null;
  const label = (s: OverrideScope) => {
    const group = s.categoryId === null ? t('notify.scope.allCategories') : names.categoryName(s.categoryId);
    return s.statusTo === null ? group : `${group} → ${names.status(s.statusTo)}`;
  };
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={t('notify.me.ownScopes')}>
      <Text size="sm">{t('notify.me.ownScopes')}</Text>
      {scopes.map((s) => (
        <Button
          key={`${s.categoryId}|${s.statusTo}`}
          size="compact-sm"
          variant={isShown(s) ? 'filled' : 'light'}
          aria-pressed={isShown(s)}
          onClick={() => onPick({ categoryId: s.categoryId, statusTo: s.statusTo })}
        >
          {`${label(s)} (${s.count})`}
        </Button>
      ))}
    </Group>
  );
}

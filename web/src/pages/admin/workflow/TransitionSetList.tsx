import { Badge, Group, NavLink, Paper, SimpleGrid, Text } from '@mantine/core';
import { IconGitBranch, IconTag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { WorkflowTransition, WorkflowType } from '../../../api/workflow.ts';
import { DEFAULT_SET, hasOwnSet, setIdOf } from './transitions.ts';
import type { WorkflowNamer } from './useWorkflowAdmin.ts';

interface TransitionSetListProps {
  types: readonly WorkflowType[];
  transitions: readonly WorkflowTransition[];
  selected: string;
  /** Set ids with changes that are not saved yet. */
  unsaved: ReadonlySet<string>;
  namer: WorkflowNamer;
  onSelect: (setId: string) => void;
}

/** The sets one can edit: the default set, then each ticket type with its own set or the default. */
export function TransitionSetList({ types, transitions, selected, unsaved, namer, onSelect }: TransitionSetListProps) {
  const { t } = useTranslation();
  const count = (type: string | null) => transitions.filter((x) => x.type === type).length;
  const dot = (id: string) =>
    unsaved.has(id) ? (
      <Badge size="xs" color="orange" variant="light">
        {t('workflowAdmin.transitions.unsavedShort')}
      </Badge>
    ) : undefined;

  return (
    <Paper withBorder p="xs" component="nav" aria-label={t('workflowAdmin.transitions.setsLabel')}>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="xs" pb={6}>
        {t('workflowAdmin.transitions.setsLabel')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing={6} verticalSpacing={6}>
        <NavLink
          component="button"
          active={selected === DEFAULT_SET}
          aria-current={selected === DEFAULT_SET ? 'true' : undefined}
          onClick={() => onSelect(DEFAULT_SET)}
          label={
            <Group gap={6}>
              <span>{t('workflowAdmin.transitions.defaultSet')}</span>
              {dot(DEFAULT_SET)}
            </Group>
          }
          description={t('workflowAdmin.transitions.defaultSetHint', { count: count(null) })}
          leftSection={<IconGitBranch size={18} stroke={1.6} />}
          style={{ borderRadius: 'var(--mantine-radius-md)', border: '1px solid var(--mantine-color-default-border)' }}
        />
        {types.map((type) => {
          const id = setIdOf(type.key);
          const own = hasOwnSet(transitions, type.key);
          return (
            <NavLink
              key={type.key}
              component="button"
              active={selected === id}
              aria-current={selected === id ? 'true' : undefined}
              onClick={() => onSelect(id)}
              label={
                <Group gap={6}>
                  <span>{namer.ofType(type)}</span>
                  {dot(id)}
                  {!type.active && (
                    <Badge size="xs" color="gray" variant="light">
                      {t('workflowAdmin.retiredBadge')}
                    </Badge>
                  )}
                </Group>
              }
              description={
                own
                  ? t('workflowAdmin.transitions.ownSet', { count: count(type.key) })
                  : t('workflowAdmin.transitions.usesDefault')
              }
              leftSection={<IconTag size={18} stroke={1.6} />}
              style={{
                borderRadius: 'var(--mantine-radius-md)',
                border: '1px solid var(--mantine-color-default-border)',
              }}
            />
          );
        })}
      </SimpleGrid>
    </Paper>
  );
}

import { ActionIcon, Badge, Group, Paper, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconArrowRight, IconHeadset, IconPencil, IconTrash, IconUser } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransitionRule } from '../../../api/workflow.ts';
import { groupByFrom, type RuleProblem } from './transitions.ts';
import type { useTransitionLabels } from './useTransitionLabels.ts';
import type { WorkflowNamer } from './useWorkflowAdmin.ts';

interface TransitionTableProps {
  rules: readonly TransitionRule[];
  /** Status keys in display order, to sort the rows by. */
  statusOrder: readonly string[];
  /** Statuses no transition leads into any more. */
  retired: ReadonlySet<string>;
  namer: WorkflowNamer;
  labels: ReturnType<typeof useTransitionLabels>;
  problems?: ReadonlyMap<number, RuleProblem>;
  /** Without these the table only shows the rules (the default set seen from a type). */
  onEdit?: (index: number) => void;
  onRemove?: (index: number) => void;
  label: string;
}

function Chips({ items, empty, color }: { items: string[]; empty: string; color: string }) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Group gap={4}>
      {items.map((item) => (
        <Badge key={item} variant="light" color={color} tt="none" fw={500}>
          {item}
        </Badge>
      ))}
    </Group>
  );
}

/**
 * A transition set as a readable list: grouped by the status a ticket leaves, each row says where
 * it may go, who may move it, which roles and what must be given.
 */
export function TransitionTable(props: TransitionTableProps) {
  const { rules, statusOrder, retired, namer, labels, problems, onEdit, onRemove, label } = props;
  const { t } = useTranslation();
  const editable = !!onEdit && !!onRemove;
  const groups = groupByFrom(rules, statusOrder);

  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={860}>
        <Table verticalSpacing="sm" aria-label={label} withRowBorders={false}>
          <Table.Thead>
            <Table.Tr style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
              <Table.Th w="20%">{t('workflowAdmin.transitions.from')}</Table.Th>
              <Table.Th w="22%">{t('workflowAdmin.transitions.to')}</Table.Th>
              <Table.Th>{t('workflowAdmin.transitions.who')}</Table.Th>
              <Table.Th>{t('workflowAdmin.transitions.roles')}</Table.Th>
              <Table.Th>{t('workflowAdmin.transitions.requires')}</Table.Th>
              {editable && (
                <Table.Th w={88}>
                  <VisuallyHidden>{t('workflowAdmin.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.map((group) => (
              <Fragment key={group.from}>
                {group.rules.map(({ rule, index }, i) => {
                  const from = namer.status(rule.from);
                  const to = namer.status(rule.to);
                  const problem = problems?.get(index);
                  const edge = { from, to };
                  return (
                    <Table.Tr
                      key={index}
                      bg={problem ? 'var(--mantine-color-red-light)' : undefined}
                      style={i === 0 ? { borderTop: '1px solid var(--mantine-color-default-border)' } : undefined}
                      data-testid="transition-row"
                    >
                      <Table.Td>
                        {/* The status is written once per group; later rows keep it for screen readers. */}
                        {i === 0 ? (
                          <Text size="sm" fw={600}>
                            {from}
                          </Text>
                        ) : (
                          <VisuallyHidden>{from}</VisuallyHidden>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <IconArrowRight size={14} color="var(--mantine-color-gray-6)" aria-hidden />
                          <Text size="sm" c={retired.has(rule.to) ? 'dimmed' : undefined}>
                            {to}
                          </Text>
                          {retired.has(rule.to) && (
                            <Tooltip label={t('workflowAdmin.transitions.retiredTarget')} multiline w={260}>
                              <Badge variant="light" color="gray" size="sm">
                                {t('workflowAdmin.retiredBadge')}
                              </Badge>
                            </Tooltip>
                          )}
                        </Group>
                        {problem && (
                          <Group gap={4} mt={4} wrap="nowrap">
                            <IconAlertTriangle size={14} color="var(--mantine-color-red-7)" aria-hidden />
                            <Text size="xs" c="red.7">
                              {t(`workflowAdmin.transitions.problem.${problem}`)}
                            </Text>
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={rule.by === 'agent' ? 'indigo' : 'grape'}
                          leftSection={rule.by === 'agent' ? <IconHeadset size={12} /> : <IconUser size={12} />}
                          tt="none"
                          fw={500}
                        >
                          {t(`workflowAdmin.transitions.by.${rule.by}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Chips
                          items={rule.roles.map(labels.role)}
                          empty={t(`workflowAdmin.transitions.anyRole.${rule.by}`)}
                          color="blue"
                        />
                      </Table.Td>
                      <Table.Td>
                        <Chips
                          items={rule.requires.map(labels.requirement)}
                          empty={t('workflowAdmin.transitions.nothingRequired')}
                          color="orange"
                        />
                      </Table.Td>
                      {editable && (
                        <Table.Td>
                          <Group gap={2} wrap="nowrap" justify="flex-end">
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={t('workflowAdmin.transitions.editRow', edge)}
                              onClick={() => onEdit(index)}
                            >
                              <IconPencil size={16} />
                            </ActionIcon>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={t('workflowAdmin.transitions.removeRow', edge)}
                              onClick={() => onRemove(index)}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Group>
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

import { Alert, Badge, Paper, Table, Text, Title } from '@mantine/core';
import { IconBellOff, IconBellRinging } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CASCADE_LEVEL_NUMBER } from '../../../../../common/notifications.ts';
import { type Decision, type ExplainAnswer, listRules, notifyKeys } from '../../../api/notifications.ts';
import { useNotifyNames } from '../../../app/notify-names.ts';
import { traceMessage } from './trace-text.ts';

const OUTCOME_COLOR: Record<string, string> = {
  won: 'teal',
  outranked: 'gray',
  tied: 'gray',
  locked: 'orange',
  no_match: 'gray',
  invalid: 'red',
};

/** The answer of the explanation: the verdict, each role's decision, and every rule considered. */
export function ExplainResult({ answer }: { answer: ExplainAnswer }) {
  const { t } = useTranslation();
  const names = useNotifyNames();
  const rules = useQuery({ queryKey: notifyKeys.rules({}), queryFn: () => listRules({}) });
  const byId = new Map((rules.data ?? []).map((r) => [r.id, r]));
  const scopeOf = (ruleId: number) => {
    const rule = byId.get(ruleId);
    return rule ? names.scope(rule) : `#${ruleId}`;
  };
  const decided = (d: Decision | null) =>
    d
      ? t('notify.explain.decision', {
          level: CASCADE_LEVEL_NUMBER[d.level],
          ruleId: d.ruleId,
          scope: scopeOf(d.ruleId),
        })
      : t('notify.explain.noRule');
  const lookups = { category: names.categoryName, status: names.status, none: t('notify.explain.none') };

  return (
    <>
      <Alert
        color={answer.send ? 'teal' : 'gray'}
        variant="light"
        icon={answer.send ? <IconBellRinging size={20} /> : <IconBellOff size={20} />}
        title={answer.send ? t('notify.explain.yes') : t('notify.explain.no')}
        data-testid="explain-verdict"
      >
        {answer.decidedBy
          ? t('notify.explain.verdict', {
              level: answer.decidedByLevel,
              ruleId: answer.decidedBy.ruleId,
              scope: scopeOf(answer.decidedBy.ruleId),
            })
          : t('notify.explain.nothingApplies')}
      </Alert>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t('notify.explain.perRole')}
        </Title>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('notify.explain.role')}</Table.Th>
                <Table.Th>{t('notify.explain.gets')}</Table.Th>
                <Table.Th>{t('notify.explain.decidedBy')}</Table.Th>
                <Table.Th>{t('notify.explain.inherited')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {answer.roles.map((r) => (
                <Table.Tr key={r.role}>
                  <Table.Td>{names.role(r.role)}</Table.Td>
                  <Table.Td>
                    <Badge color={r.send ? 'teal' : 'gray'} variant="light">
                      {r.send ? t('notify.explain.yesShort') : t('notify.explain.noShort')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{decided(r.decidedBy)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {r.inherited.decidedBy
                        ? t(r.inherited.send ? 'notify.explain.inheritedOn' : 'notify.explain.inheritedOff', {
                            who: decided(r.inherited.decidedBy),
                          })
                        : t('notify.explain.noRule')}
                    </Text>
                    {r.inherited.decidedBy && (
                      <Text size="xs" c="dimmed">
                        {r.inherited.userOverridable ? t('notify.explain.userMay') : t('notify.explain.userMayNot')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md">
        <Title order={3} size="h5" mb="xs">
          {t('notify.explain.trace')}
        </Title>
        {answer.trace.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('notify.explain.noCandidates')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing={6} striped aria-label={t('notify.explain.trace')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('notify.explain.rule')}</Table.Th>
                  <Table.Th>{t('notify.explain.where')}</Table.Th>
                  <Table.Th>{t('notify.explain.role')}</Table.Th>
                  <Table.Th>{t('notify.explain.says')}</Table.Th>
                  <Table.Th>{t('notify.explain.why')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {answer.trace.map((entry) => {
                  const message = traceMessage(entry, lookups);
                  return (
                    <Table.Tr key={`${entry.ruleId}-${entry.recipientRole}`}>
                      <Table.Td>#{entry.ruleId}</Table.Td>
                      <Table.Td>
                        <Text size="sm">{t(`notify.levels.${entry.level}`)}</Text>
                        <Text size="xs" c="dimmed">
                          {scopeOf(entry.ruleId)}
                        </Text>
                      </Table.Td>
                      <Table.Td>{names.role(entry.recipientRole)}</Table.Td>
                      <Table.Td>{entry.enabled ? t('notify.cell.on') : t('notify.cell.off')}</Table.Td>
                      <Table.Td>
                        <Badge color={OUTCOME_COLOR[entry.outcome] ?? 'gray'} variant="light" mr="xs">
                          {t(`notify.outcome.${entry.outcome}`, { defaultValue: entry.outcome })}
                        </Badge>
                        <Text span size="sm">
                          {t(message.key, { ...message.values, defaultValue: entry.reason })}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </>
  );
}

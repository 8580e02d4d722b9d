import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCopy, IconInfoCircle, IconPlus, IconRestore } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/client.ts';
import { saveTransitions, type TransitionRule, type Workflow } from '../../../api/workflow.ts';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { SaveBar } from '../SaveBar.tsx';
import { TransitionModal } from './TransitionDialog.tsx';
import { LeaveGuard, ResetSetModal } from './TransitionSetDialogs.tsx';
import { TransitionSetList } from './TransitionSetList.tsx';
import { TransitionTable } from './TransitionTable.tsx';
import {
  DEFAULT_SET,
  hasOwnSet,
  replaceRule,
  ruleProblems,
  rulesOf,
  sameRules,
  transitionSetBody,
  typeOfSet,
} from './transitions.ts';
import { useTransitionLabels } from './useTransitionLabels.ts';
import { useWorkflowChanged, useWorkflowNamer } from './useWorkflowAdmin.ts';

/** The server's refusal of a set, in words: validation details are only in its message. */
function SaveError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === 'validation_failed')
    return (
      <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={t('workflowAdmin.notSaved')}>
        {t('workflowAdmin.transitions.refused', { message: error.message })}
      </Alert>
    );
  return <ErrorAlert error={error} title={t('workflowAdmin.notSaved')} />;
}

/**
 * Transition sets: the default set and the ticket types' own sets. Edits stay local per set
 * (switching sets keeps them) until "Save" replaces the whole set on the server.
 */
export function TransitionsTab({ workflow }: { workflow: Workflow }) {
  const { t } = useTranslation();
  const changed = useWorkflowChanged();
  const namer = useWorkflowNamer(workflow);
  const labels = useTransitionLabels();
  const [selected, setSelected] = useState(DEFAULT_SET);
  const [drafts, setDrafts] = useState<Record<string, TransitionRule[]>>({});
  const [editing, setEditing] = useState<{ index: number | null } | null>(null);
  const [resetting, setResetting] = useState(false);

  const type = typeOfSet(selected);
  const saved = rulesOf(workflow.transitions, type);
  const draft = drafts[selected];
  const rules = draft ?? saved;
  const dirtyOf = (id: string) => {
    const rulesDraft = drafts[id];
    return rulesDraft !== undefined && !sameRules(rulesDraft, rulesOf(workflow.transitions, typeOfSet(id)));
  };
  const unsaved = new Set(Object.keys(drafts).filter(dirtyOf));
  const dirty = unsaved.has(selected);
  const problems = ruleProblems(rules);
  const usesDefault = type !== null && draft === undefined && !hasOwnSet(workflow.transitions, type);
  const statusOrder = workflow.statuses.map((s) => s.key);
  const retired = new Set(workflow.statuses.filter((s) => !s.active).map((s) => s.key));
  const setName = type === null ? t('workflowAdmin.transitions.defaultSet') : namer.type(type);

  const setDraft = (id: string, next: TransitionRule[] | undefined) =>
    setDrafts(({ [id]: _old, ...rest }) => (next ? { ...rest, [id]: next } : rest));
  const save = useMutation({
    mutationFn: (input: { id: string; rules: TransitionRule[] }) =>
      saveTransitions(transitionSetBody(typeOfSet(input.id), input.rules)),
    onSuccess: async (_, input) => {
      await changed();
      setDraft(input.id, undefined);
      notifications.show({ color: 'green', message: t('workflowAdmin.transitions.saved', { name: setName }) });
    },
  });
  const select = (id: string) => {
    save.reset();
    setSelected(id);
  };
  const tableProps = { statusOrder, retired, namer, labels };

  return (
    <>
      <LeaveGuard dirty={unsaved.size > 0} />
      <Stack gap="lg">
        <TransitionSetList
          types={workflow.types}
          transitions={workflow.transitions}
          selected={selected}
          unsaved={unsaved}
          namer={namer}
          onSelect={select}
        />
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <div style={{ flex: '1 1 320px' }}>
              <Title order={2} size="h4">
                {type === null ? setName : t('workflowAdmin.transitions.typeSetTitle', { name: setName })}
              </Title>
              {/* A type on the default set gets the notice below instead. */}
              {!usesDefault && (
                <Text size="sm" c="dimmed" maw={640}>
                  {t(type === null ? 'workflowAdmin.transitions.defaultIntro' : 'workflowAdmin.transitions.typeIntro')}
                </Text>
              )}
            </div>
            {!usesDefault && (
              <Group gap="xs">
                {type !== null && hasOwnSet(workflow.transitions, type) && (
                  <Button variant="default" leftSection={<IconRestore size={16} />} onClick={() => setResetting(true)}>
                    {t('workflowAdmin.transitions.resetToDefault')}
                  </Button>
                )}
                <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ index: null })}>
                  {t('workflowAdmin.transitions.addButton')}
                </Button>
              </Group>
            )}
          </Group>
          {usesDefault ? (
            <>
              <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} data-testid="uses-default">
                <Text size="sm">{t('workflowAdmin.transitions.usesDefaultNotice', { name: setName })}</Text>
                <Button
                  mt="sm"
                  size="xs"
                  leftSection={<IconCopy size={14} />}
                  onClick={() => setDraft(selected, rulesOf(workflow.transitions, null))}
                >
                  {t('workflowAdmin.transitions.defineOwn')}
                </Button>
              </Alert>
              <Text size="sm" fw={600}>
                {t('workflowAdmin.transitions.defaultPreview')}
              </Text>
              <TransitionTable
                {...tableProps}
                rules={rulesOf(workflow.transitions, null)}
                label={t('workflowAdmin.transitions.defaultSet')}
              />
            </>
          ) : (
            <>
              <SaveBar
                dirty={dirty}
                blocked={problems.size > 0 || (type === null && rules.length === 0)}
                saving={save.isPending}
                onSave={() => save.mutate({ id: selected, rules })}
                onReset={() => {
                  save.reset();
                  setDraft(selected, undefined);
                }}
              >
                {problems.size > 0 && (
                  <Text size="sm" c="red.7">
                    {t('workflowAdmin.transitions.fixProblems')}
                  </Text>
                )}
              </SaveBar>
              {save.error && <SaveError error={save.error} />}
              {rules.length === 0 ? (
                <EmptyState
                  title={t('workflowAdmin.transitions.empty')}
                  description={t(
                    type === null ? 'workflowAdmin.transitions.emptyDefault' : 'workflowAdmin.transitions.emptyType',
                  )}
                />
              ) : (
                <TransitionTable
                  {...tableProps}
                  rules={rules}
                  problems={problems}
                  label={t('workflowAdmin.transitions.tableLabel', { name: setName })}
                  onEdit={(index) => setEditing({ index })}
                  onRemove={(index) => setDraft(selected, replaceRule(rules, index, []))}
                />
              )}
            </>
          )}
        </Stack>
      </Stack>
      <TransitionModal
        opened={editing !== null}
        rules={rules}
        index={editing?.index ?? null}
        statuses={workflow.statuses}
        namer={namer}
        labels={labels}
        onApply={(replacement) => {
          setDraft(selected, replaceRule(rules, editing?.index ?? null, replacement));
          setEditing(null);
        }}
        onClose={() => setEditing(null)}
      />
      <ResetSetModal
        type={resetting ? type : null}
        name={setName}
        onDone={() => setDraft(selected, undefined)}
        onClose={() => setResetting(false)}
      />
    </>
  );
}

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../../../common/domain.ts';
import { queryKeys } from '../../../api/keys.ts';
import {
  fetchWorkflow,
  saveStatus,
  saveType,
  type Workflow,
  type WorkflowStatus,
  type WorkflowType,
  workflowKeys,
} from '../../../api/workflow.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { displayName, type NamesForm } from './names.ts';

export function useWorkflow() {
  return useQuery({ queryKey: workflowKeys.all, queryFn: fetchWorkflow });
}

/**
 * After any workflow change: refetch the workflow, the catalogue (ticket screens read status
 * and type names from it) and the audit log that records the change.
 */
export function useWorkflowChanged(): () => Promise<void> {
  const queryClient = useQueryClient();
  return async () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.catalog });
    void queryClient.invalidateQueries({ queryKey: ['audit'] });
    await queryClient.invalidateQueries({ queryKey: workflowKeys.all });
  };
}

export interface WorkflowNamer {
  status: (key: string) => string;
  type: (key: string) => string;
  ofStatus: (status: Pick<WorkflowStatus, 'key' | 'names'>) => string;
  ofType: (type: Pick<WorkflowType, 'key' | 'names'>) => string;
}

/**
 * Names of statuses and types in the interface language: admin-given names, else the built-in
 * translations (`status.<key>`, `type.<key>`), else the key.
 */
export function useWorkflowNamer(workflow: Workflow | undefined): WorkflowNamer {
  const { t } = useTranslation();
  const locale = currentLocale();
  const ofStatus = (s: Pick<WorkflowStatus, 'key' | 'names'>) =>
    displayName(s, locale, t(`status.${s.key}`, { defaultValue: '' }));
  const ofType = (x: Pick<WorkflowType, 'key' | 'names'>) =>
    displayName(x, locale, t(`type.${x.key}`, { defaultValue: '' }));
  return {
    ofStatus,
    ofType,
    status: (key) => ofStatus(workflow?.statuses.find((s) => s.key === key) ?? { key, names: {} }),
    type: (key) => ofType(workflow?.types.find((x) => x.key === key) ?? { key, names: {} }),
  };
}

/**
 * The product's own name of a built-in status or type in every language (`status.<key>` or
 * `type.<key>`), shown while the admin leaves a name empty; null for custom entries.
 */
export function useBuiltInNames(prefix: 'status' | 'type', key: string | null): NamesForm | null {
  const { i18n } = useTranslation();
  if (!key) return null;
  const names = Object.fromEntries(
    LOCALES.map((locale) => [locale, i18n.getFixedT(locale)(`${prefix}.${key}`, { defaultValue: '' })]),
  ) as NamesForm;
  return Object.values(names).some(Boolean) ? names : null;
}

/** Saves a status or ticket type as it is, only retired (`active: false`) or reactivated. */
export async function saveActive(entry: WorkflowStatus | WorkflowType, active: boolean): Promise<void> {
  const common = { names: entry.names, active, position: entry.position };
  if ('category' in entry)
    await saveStatus(entry.key, { ...common, category: entry.category, pauseSla: entry.pauseSla });
  else await saveType(entry.key, common);
}

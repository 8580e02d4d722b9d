import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NotificationChannel, NotificationEvent, RecipientRole } from '../../../../../common/notifications.ts';
import { createRule, deleteRule, notifyKeys, updateRule } from '../../../api/notifications.ts';
import type { CellAction } from './CellButton.tsx';
import { cellInput, type MatrixCell, type MatrixScope } from './matrix.ts';

export interface CellChange {
  scope: MatrixScope;
  event: NotificationEvent;
  role: RecipientRole;
  channel: NotificationChannel;
  cell: MatrixCell;
  action: CellAction;
}

/** Writes one matrix cell through the rules API: create, change or delete the rule of that scope. */
async function applyChange({ scope, event, role, channel, cell, action }: CellChange): Promise<void> {
  const { rule, inherited } = cell;
  if (action === 'clear') {
    if (rule) await deleteRule(rule.id);
    return;
  }
  if (action === 'toggleOverride') {
    if (rule)
      await updateRule(rule.id, { ...cellInput(scope, event, role, channel, rule.enabled, !rule.userOverridable) });
    return;
  }
  const enabled = action === 'on';
  // A new cell keeps the "users may override" of what it replaces (overridable when nothing did).
  const overridable = rule?.userOverridable ?? inherited?.userOverridable ?? true;
  const input = cellInput(scope, event, role, channel, enabled, overridable);
  if (rule) await updateRule(rule.id, input);
  else await createRule(input);
}

/** The matrix's one mutation; refreshes every rules query when done. */
export function useRuleCells() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: applyChange,
    onSettled: () => queryClient.invalidateQueries({ queryKey: notifyKeys.all }),
  });
}

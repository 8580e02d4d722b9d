import { useTranslation } from 'react-i18next';
import type { TransitionRequirement } from '../../../api/workflow.ts';
import { customFieldKey, fieldLabel } from '../../../app/custom-field-values.ts';
import { useCustomFields } from '../../../app/custom-fields.ts';
import { currentLocale } from '../../../i18n/index.ts';
import { roleLabel, useRoles } from '../useRoles.ts';

/** A choice for the role and requirement pickers. */
export interface PickerOption {
  value: string;
  label: string;
}

/**
 * Words for what a transition rule refers to by key: roles (from `GET /roles`) and requirements
 * (solution, comment, or a custom field by its label), with the choices the editor offers.
 */
export function useTransitionLabels() {
  const { t } = useTranslation();
  const roles = useRoles();
  const fields = useCustomFields();
  const locale = currentLocale();

  const role = (key: string): string => {
    const found = roles.data?.find((r) => r.key === key);
    return found ? roleLabel(found) : t(`role.${key}`, { defaultValue: key });
  };
  const fieldName = (name: string): string => {
    const key = customFieldKey(name) ?? name;
    const field = fields.data?.find((f) => f.key === key);
    return field ? fieldLabel(field, locale) : key;
  };
  const requirement = (requirement: TransitionRequirement): string =>
    customFieldKey(requirement) === null
      ? t(`workflowAdmin.transitions.requirement.${requirement}`)
      : t('workflowAdmin.transitions.fieldFilled', { field: fieldName(requirement) });
  /** Roles that may take rules of this kind: staff who change statuses, or requesters who confirm. */
  const roleOptions = (by: 'agent' | 'requester', selected: readonly string[]): PickerOption[] => {
    const permission = by === 'agent' ? 'ticket.transition' : 'ticket.confirm';
    const fitting = (roles.data ?? []).filter((r) => r.permissions.includes(permission)).map((r) => r.key);
    // Keep what the rule already names, even a role that no longer fits, so nothing is lost silently.
    return [...new Set([...fitting, ...selected])].map((key) => ({ value: key, label: role(key) }));
  };
  /** Active custom fields (plus any the rule already requires), as `cf.<key>` choices. */
  const fieldOptions = (selected: readonly string[]): PickerOption[] => {
    const active = (fields.data ?? []).filter((f) => f.active).map((f) => f.name);
    const chosen = selected.filter((name) => customFieldKey(name) !== null);
    return [...new Set([...active, ...chosen])].map((name) => ({ value: name, label: fieldName(name) }));
  };
  return { role, requirement, roleOptions, fieldOptions, rolesError: roles.error };
}

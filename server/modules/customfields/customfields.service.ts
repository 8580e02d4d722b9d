import { CUSTOM_FIELD_TYPES, type CustomFieldType } from '../../../common/domain.ts';
import { parseFieldRules } from '../../authz/fields.ts';
import { type Actor, authorize, can } from '../../authz/policy.ts';
import { type AppContext, inTransaction, type Trx } from '../../context.ts';
import { readOncePerGroup } from '../../db/group-transaction.ts';
import { badRequest, conflict, notFound } from '../../platform/errors.ts';
import { recordAudit } from '../audit/audit.repo.ts';
import { listRolesWithUsage, updateRole } from '../roles/roles.repo.ts';
import type { Workflow } from '../workflow/workflow.model.ts';
import { type CustomField, type CustomValue, localeMap, ruleName, toCustomField } from './customfields.model.ts';
import {
  customFieldKeyExists,
  deleteCustomField,
  fieldHasValues,
  findCustomField,
  insertCustomField,
  listCustomFields,
  updateCustomField,
} from './customfields.repo.ts';
import { valueToRows } from './customfields.values.ts';

export interface CustomFieldInput {
  key?: string;
  type?: CustomFieldType;
  labels?: Record<string, string>;
  help?: Record<string, string>;
  options?: { value: string; labels?: Record<string, string> }[];
  requiredForTypes?: string[];
  requiredForStatuses?: string[];
  defaultValue?: CustomValue;
  portalVisible?: boolean;
  position?: number;
  active?: boolean;
}

const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** The active definitions the actor may know of: customers only those shown in the portal. */
export async function listVisibleCustomFields(ctx: AppContext, actor: Actor): Promise<CustomField[]> {
  const all = (await listCustomFields(ctx.db.kysely, { activeOnly: !can(actor, 'admin.fields.manage') })).map(
    toCustomField,
  );
  return can(actor, 'menu.agent') || can(actor, 'admin.fields.manage') ? all : all.filter((f) => f.portalVisible);
}

/** Active definitions, for ticket reads and writes. */
export async function activeCustomFields(ctx: AppContext): Promise<CustomField[]> {
  return readOncePerGroup(ctx.db.kysely, 'activeCustomFields', async () =>
    (await listCustomFields(ctx.db.kysely, { activeOnly: true })).map(toCustomField),
  );
}

function checkDefinition(workflow: Workflow, type: CustomFieldType, input: CustomFieldInput): void {
  const bad: string[] = [];
  const labels = localeMap(input.labels);
  if (input.labels !== undefined && Object.keys(labels).length === 0) bad.push('labels');
  const needsOptions = type === 'select' || type === 'multi_select';
  if (input.options !== undefined || needsOptions) {
    const values = (input.options ?? []).map((o) => o.value.trim());
    if (needsOptions && values.length === 0) bad.push('options');
    if (values.some((v) => !v) || new Set(values).size !== values.length) bad.push('options');
  }
  if (input.requiredForTypes?.some((t) => !workflow.hasType(t, false))) bad.push('requiredForTypes');
  if (input.requiredForStatuses?.some((s) => !workflow.status(s))) bad.push('requiredForStatuses');
  if (bad.length > 0) throw badRequest(`Invalid field definition: ${[...new Set(bad)].join(', ')}`, [...new Set(bad)]);
}

/**
 * Gives every role an explicit rule for a new field: staff may write it; others read it when
 * it is shown in the portal, otherwise it is hidden. Admins refine it in the field-rule matrix.
 */
async function addInitialRules(trx: Trx, field: CustomField, at: string): Promise<Record<string, string>> {
  const given: Record<string, string> = {};
  for (const role of await listRolesWithUsage(trx)) {
    const rules = parseFieldRules(role.field_rules);
    const staff = (JSON.parse(role.permissions) as string[]).includes('menu.agent');
    rules.default[field.name] = staff ? 'write' : field.portalVisible ? 'read' : 'hidden';
    given[role.key] = rules.default[field.name];
    await updateRole(trx, role.id, { field_rules: JSON.stringify(rules), updated_at: at });
  }
  return given;
}

async function removeRules(trx: Trx, field: CustomField, at: string): Promise<void> {
  for (const role of await listRolesWithUsage(trx)) {
    const rules = parseFieldRules(role.field_rules);
    delete rules.default[field.name];
    rules.overrides = rules.overrides.filter((o) => o.field !== field.name);
    await updateRole(trx, role.id, { field_rules: JSON.stringify(rules), updated_at: at });
  }
}

async function loadField(ctx: AppContext, id: number): Promise<CustomField> {
  const row = await findCustomField(ctx.db.kysely, id);
  if (!row) throw notFound('Custom field');
  return toCustomField(row);
}

/** Defines a new custom ticket field and gives every role a rule for it. */
export async function createCustomField(ctx: AppContext, actor: Actor, input: CustomFieldInput): Promise<CustomField> {
  authorize(actor, 'admin.fields.manage');
  const missing = [...(input.key ? [] : ['key']), ...(input.type ? [] : ['type']), ...(input.labels ? [] : ['labels'])];
  if (missing.length > 0) throw badRequest('Required fields are missing', missing);
  const key = input.key!;
  const type = input.type!;
  if (!KEY.test(key)) throw badRequest('The key must be lower-case letters, digits and _', ['key']);
  if (!(CUSTOM_FIELD_TYPES as readonly string[]).includes(type)) throw badRequest('Unknown type', ['type']);
  checkDefinition(ctx.workflow.current(), type, input);
  if (await customFieldKeyExists(ctx.db.kysely, key))
    throw conflict('field_key_taken', `A field with key ${key} exists`, ['key']);
  const draft = { ...toDraft(key, type, input), id: 0 };
  if (input.defaultValue !== undefined) await valueToRows(ctx.db, draft, input.defaultValue);
  const at = ctx.clock.now().toISOString();
  const id = await inTransaction(ctx, async (trx) => {
    const newId = await insertCustomField(trx, {
      key,
      type,
      labels: JSON.stringify(draft.labels),
      help: JSON.stringify(draft.help),
      options: JSON.stringify(draft.options),
      required_types: JSON.stringify(draft.requiredForTypes),
      required_statuses: JSON.stringify(draft.requiredForStatuses),
      default_value: draft.defaultValue === null ? null : JSON.stringify(draft.defaultValue),
      portal_visible: draft.portalVisible ? 1 : 0,
      position: draft.position,
      active: 1,
      created_at: at,
      updated_at: at,
    });
    const rules = await addInitialRules(trx, { ...draft, id: newId }, at);
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'custom_field',
      entityId: newId,
      action: 'create',
      before: undefined,
      after: { ...draft, id: newId, initialRules: rules },
      at,
    });
    return newId;
  });
  return loadField(ctx, id);
}

function toDraft(key: string, type: CustomFieldType, input: CustomFieldInput): CustomField {
  return {
    id: 0,
    key,
    name: ruleName(key),
    type,
    labels: localeMap(input.labels),
    help: localeMap(input.help),
    options: (input.options ?? []).map((o) => ({ value: o.value.trim(), labels: localeMap(o.labels) })),
    requiredForTypes: [...new Set(input.requiredForTypes ?? [])],
    requiredForStatuses: [...new Set(input.requiredForStatuses ?? [])],
    defaultValue: input.defaultValue ?? null,
    portalVisible: input.portalVisible ?? false,
    position: input.position ?? 0,
    active: input.active ?? true,
  };
}

/** Changes a field's labels, help, options, requirements, default, portal visibility or order. */
export async function updateCustomFieldDefinition(
  ctx: AppContext,
  actor: Actor,
  id: number,
  input: CustomFieldInput,
): Promise<CustomField> {
  authorize(actor, 'admin.fields.manage');
  const before = await loadField(ctx, id);
  if (input.key !== undefined && input.key !== before.key) throw badRequest('The key cannot change', ['key']);
  if (input.type !== undefined && input.type !== before.type) throw badRequest('The type cannot change', ['type']);
  checkDefinition(ctx.workflow.current(), before.type, {
    ...input,
    options: input.options ?? (before.options.length ? before.options : undefined),
  });
  const after = toDraft(before.key, before.type, {
    labels: input.labels ?? before.labels,
    help: input.help ?? before.help,
    options: input.options ?? before.options,
    requiredForTypes: input.requiredForTypes ?? before.requiredForTypes,
    requiredForStatuses: input.requiredForStatuses ?? before.requiredForStatuses,
    defaultValue: input.defaultValue !== undefined ? input.defaultValue : before.defaultValue,
    portalVisible: input.portalVisible ?? before.portalVisible,
    position: input.position ?? before.position,
    active: input.active ?? before.active,
  });
  if (after.defaultValue !== null) await valueToRows(ctx.db, after, after.defaultValue);
  const at = ctx.clock.now().toISOString();
  await inTransaction(ctx, async (trx) => {
    await updateCustomField(trx, id, {
      labels: JSON.stringify(after.labels),
      help: JSON.stringify(after.help),
      options: JSON.stringify(after.options),
      required_types: JSON.stringify(after.requiredForTypes),
      required_statuses: JSON.stringify(after.requiredForStatuses),
      default_value: after.defaultValue === null ? null : JSON.stringify(after.defaultValue),
      portal_visible: after.portalVisible ? 1 : 0,
      position: after.position,
      active: after.active ? 1 : 0,
      updated_at: at,
    });
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'custom_field',
      entityId: id,
      action: 'update',
      before,
      after: { ...after, id },
      at,
    });
  });
  return loadField(ctx, id);
}

/** Deletes a field nobody has filled in; a field with values is retired instead (history stays readable). */
export async function removeCustomField(ctx: AppContext, actor: Actor, id: number): Promise<'deleted' | 'retired'> {
  authorize(actor, 'admin.fields.manage');
  const field = await loadField(ctx, id);
  const at = ctx.clock.now().toISOString();
  const used = await fieldHasValues(ctx.db.kysely, id);
  await inTransaction(ctx, async (trx) => {
    if (used) await updateCustomField(trx, id, { active: 0, updated_at: at });
    else {
      await removeRules(trx, field, at);
      await deleteCustomField(trx, id);
    }
    await recordAudit(trx, {
      actorId: actor.id,
      entity: 'custom_field',
      entityId: id,
      action: used ? 'retire' : 'delete',
      before: field,
      after: undefined,
      at,
    });
  });
  return used ? 'retired' : 'deleted';
}

import type { DefaultRoleKey, FieldAccess, TicketField } from '../../common/domain.ts';
import { PERMISSIONS, type Permission } from '../../common/permissions.ts';
import type { FieldRules } from './fields.ts';

/** A role's definition as stored: its permissions and its ticket field rules. */
export interface RoleDefinition {
  key: string;
  name: string;
  permissions: Permission[];
  fieldRules: FieldRules;
}

const rules = (defaults: Record<TicketField, FieldAccess>): FieldRules => ({ default: defaults, overrides: [] });

const AGENT_BASE: Permission[] = [
  'menu.agent',
  'ticket.create',
  'ticket.create.on_behalf',
  'ticket.update',
  'ticket.assign',
  'ticket.reply',
  'ticket.note.read',
  'ticket.note.write',
  'ticket.phone.write',
  'ticket.transition',
  'user.directory',
  'api.tokens.own',
  'kb.read_internal',
  'kb.edit',
];

const AGENT_FIELDS: Record<TicketField, FieldAccess> = {
  subject: 'write',
  priority: 'write',
  type: 'write',
  categoryId: 'write',
  serviceId: 'write',
  ownerId: 'write',
  groupId: 'write',
  requesterId: 'write',
  organizationId: 'read',
  channel: 'write',
  solution: 'write',
  sla: 'read',
  vendor: 'write',
};

/**
 * The five roles seeded into a new installation. After seeding they are data: admins may
 * change them, and the code reads roles from the database, never from here.
 */
export const DEFAULT_ROLES: Record<DefaultRoleKey, RoleDefinition> = {
  customer: {
    key: 'customer',
    name: 'Customer',
    permissions: [
      'menu.portal',
      'ticket.create',
      'ticket.read.own',
      'ticket.read.organization',
      'ticket.reply',
      'ticket.confirm',
    ],
    fieldRules: rules({
      subject: 'read',
      priority: 'read',
      type: 'read',
      categoryId: 'read',
      serviceId: 'read',
      ownerId: 'read',
      groupId: 'hidden',
      requesterId: 'read',
      organizationId: 'read',
      channel: 'read',
      solution: 'read',
      sla: 'hidden',
      vendor: 'hidden',
    }),
  },
  operator: {
    key: 'operator',
    name: 'Operator (first line)',
    permissions: [...AGENT_BASE, 'ticket.read.all', 'ticket.escalate'],
    fieldRules: rules({ ...AGENT_FIELDS, vendor: 'read' }),
  },
  engineer: {
    key: 'engineer',
    name: 'Engineer (second line)',
    permissions: [
      ...AGENT_BASE.filter((p) => p !== 'ticket.create.on_behalf'),
      'ticket.read.group',
      'ticket.escalate',
      'ticket.escalate.vendor',
    ],
    fieldRules: rules({ ...AGENT_FIELDS, requesterId: 'read', channel: 'read' }),
  },
  manager: {
    key: 'manager',
    name: 'Manager',
    permissions: [
      ...AGENT_BASE,
      'ticket.read.all',
      'menu.reports',
      'ticket.escalate',
      'ticket.escalate.vendor',
      'kb.publish',
      'canned.manage_global',
    ],
    fieldRules: rules(AGENT_FIELDS),
  },
  admin: {
    key: 'admin',
    name: 'Administrator',
    permissions: [...PERMISSIONS].filter((p) => p !== 'menu.portal'),
    fieldRules: rules({ ...AGENT_FIELDS, organizationId: 'write' }),
  },
};

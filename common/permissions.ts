/**
 * The permission catalogue, shared with the web app. Permissions are named
 * `resource.action`; roles are rows holding a set of these names.
 */
export const PERMISSIONS = [
  // areas / menus
  'menu.portal',
  'menu.agent',
  'menu.admin',
  'menu.reports',
  // tickets
  'ticket.create',
  'ticket.create.on_behalf',
  'ticket.read.own',
  'ticket.read.organization',
  'ticket.read.group',
  'ticket.read.all',
  'ticket.update',
  'ticket.assign',
  'ticket.reply',
  'ticket.note.read',
  'ticket.note.write',
  'ticket.phone.write',
  'ticket.transition',
  'ticket.confirm',
  'ticket.escalate',
  'ticket.escalate.vendor',
  // people
  'user.directory',
  'api.tokens.own',
  'admin.users.manage',
  'admin.roles.manage',
  'admin.fields.manage',
  'admin.catalog.manage',
  'admin.sla.manage',
  'admin.vendors.manage',
  'admin.workflow.manage',
  'admin.audit.read',
  'admin.tokens.manage',
  'admin.settings.manage',
  'admin.mail.manage',
  'admin.notifications.manage',
  // knowledge base and canned responses
  'kb.read_internal',
  'kb.edit',
  'kb.publish',
  'canned.manage_global',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** True when `name` is a permission this build knows. */
export function isPermission(name: string): name is Permission {
  return (PERMISSIONS as readonly string[]).includes(name);
}

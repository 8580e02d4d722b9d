import type { Permission } from '../../common/permissions.ts';
import { forbidden } from '../platform/errors.ts';
import type { FieldRules } from './fields.ts';

/** The authenticated user as authorization sees it: loaded once per request. */
export interface Actor {
  id: number;
  email: string;
  name: string;
  roleKey: string;
  locale: string;
  organizationId: number | null;
  /** Whether the actor's organization lets its members see each other's tickets. */
  organizationSharesTickets: boolean;
  groupIds: number[];
  /** What this request may do: the role's permissions, narrowed to the scopes of an API token. */
  permissions: ReadonlySet<Permission>;
  /** Set only when the request came with a scoped API token: the scopes it was limited to. */
  tokenScopes?: ReadonlySet<Permission>;
  fieldRules: Readonly<FieldRules>;
}

/** True when the actor's role grants the permission. */
export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.has(permission);
}

/** Throws 403 unless the actor's role grants the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden(`Missing permission ${permission}`);
}

/** True for staff (anyone who works tickets rather than raising them). */
export function isAgent(actor: Actor): boolean {
  return can(actor, 'menu.agent');
}

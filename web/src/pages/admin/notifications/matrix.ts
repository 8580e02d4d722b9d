import {
  CASCADE_LEVEL_NUMBER,
  eventTakesStatusFilter,
  type NotificationChannel,
  type NotificationEvent,
  type RecipientRole,
} from '../../../../../common/notifications.ts';
import type { NotificationRule, RuleInput } from '../../../api/notifications.ts';

/**
 * The part of the cascade one matrix shows: level 1 for a business process (ticketType null =
 * the default process) or level 2 for a service, narrowed to a ticket group and, for the
 * status-change row, a target status.
 */
export interface MatrixScope {
  level: 'workflow' | 'service';
  ticketType: string | null;
  serviceId: number | null;
  categoryId: number | null;
  statusTo: string | null;
}

/** One cell: the rule set exactly in this scope (if any) and what applies without it. */
export interface MatrixCell {
  rule: NotificationRule | null;
  inherited: NotificationRule | null;
}

/** The status filter a row uses: only the status-change event takes one. */
const statusFor = (event: NotificationEvent, scope: MatrixScope) =>
  eventTakesStatusFilter(event) ? scope.statusTo : null;

/** Precedence rank as in the server's cascade: level, then ticket type, then category, then status. */
function rank(r: Pick<RuleInput, 'level' | 'ticketType' | 'categoryId' | 'statusTo'>): number {
  const typeSpecific = r.level === 'workflow' && r.ticketType !== null;
  return CASCADE_LEVEL_NUMBER[r.level] * 8 + +typeSpecific * 4 + +(r.categoryId !== null) * 2 + +(r.statusTo !== null);
}

/** The rule body a cell writes: the scope plus the cell's coordinates. */
export function cellInput(
  scope: MatrixScope,
  event: NotificationEvent,
  recipientRole: RecipientRole,
  channel: NotificationChannel,
  enabled: boolean,
  userOverridable: boolean,
): RuleInput {
  return {
    level: scope.level,
    ticketType: scope.level === 'workflow' ? scope.ticketType : null,
    serviceId: scope.level === 'service' ? scope.serviceId : null,
    userId: null,
    event,
    categoryId: scope.categoryId,
    statusTo: statusFor(event, scope),
    recipientRole,
    channel,
    enabled,
    userOverridable,
  };
}

/**
 * The cell for an event, role and channel in `scope`: the rule stored exactly there, and the
 * rule that decides for such tickets when the cell is not set (the most specific less specific
 * admin rule that applies; a service scope is seen from the default process, since its tickets
 * may be of any type).
 */
export function matrixCell(
  rules: readonly NotificationRule[],
  scope: MatrixScope,
  event: NotificationEvent,
  recipientRole: RecipientRole,
  channel: NotificationChannel,
): MatrixCell {
  const here = cellInput(scope, event, recipientRole, channel, true, true);
  const hereRank = rank(here);
  let rule: NotificationRule | null = null;
  let inherited: NotificationRule | null = null;
  for (const r of rules) {
    if (r.level === 'user' || r.event !== event || r.recipientRole !== recipientRole || r.channel !== channel) continue;
    const same =
      r.level === here.level &&
      r.ticketType === here.ticketType &&
      r.serviceId === here.serviceId &&
      r.categoryId === here.categoryId &&
      r.statusTo === here.statusTo;
    if (same) {
      if (rule === null || r.id < rule.id) rule = r;
      continue;
    }
    const applies =
      (r.level === 'workflow'
        ? r.ticketType === null || r.ticketType === here.ticketType
        : r.serviceId === here.serviceId) &&
      (r.categoryId === null || r.categoryId === here.categoryId) &&
      (r.statusTo === null || r.statusTo === here.statusTo);
    if (!applies || rank(r) >= hereRank) continue;
    if (inherited === null || rank(r) > rank(inherited) || (rank(r) === rank(inherited) && r.id < inherited.id)) {
      inherited = r;
    }
  }
  return { rule, inherited };
}

/** What a cell shows: set on/off here, or not set (with what applies instead). */
export type CellState = 'on' | 'off' | 'unset';

export function cellState(cell: MatrixCell): CellState {
  if (!cell.rule) return 'unset';
  return cell.rule.enabled ? 'on' : 'off';
}

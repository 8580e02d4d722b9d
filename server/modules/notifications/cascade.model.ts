/** Types of the notification cascade (see cascade.ts for the semantics). */
import type {
  CascadeLevel,
  NotificationChannel,
  NotificationEvent,
  RecipientRole,
} from '../../../common/notifications.ts';

export interface NotificationRule {
  id: number;
  level: CascadeLevel;
  /** Level workflow: the business process (= ticket type); null = the default process for every type. */
  ticketType: string | null;
  /** Level service only. */
  serviceId: number | null;
  /** Level user only. */
  userId: number | null;
  event: NotificationEvent;
  /** Ticket group; null = any. */
  categoryId: number | null;
  /** Only for ticket.status_changed; null = any status. */
  statusTo: string | null;
  recipientRole: RecipientRole;
  channel: NotificationChannel;
  enabled: boolean;
  /** Levels 1-2: may a user override this rule for themselves. */
  userOverridable: boolean;
}

/** The ticket as the cascade sees it. `type` null (e.g. an announcement) matches only default-process rules. */
export interface TicketContext {
  type: string | null;
  serviceId: number | null;
  categoryId: number | null;
  /** The new status of a status change; ignored for other events. */
  statusTo: string | null;
}

export interface Recipient {
  userId: number;
  roles: readonly RecipientRole[];
}

export interface NotificationQuestion {
  event: NotificationEvent;
  ticket: TicketContext;
  recipient: Recipient;
  channel: NotificationChannel;
}

export interface Specificity {
  category: boolean;
  status: boolean;
  typeSpecific: boolean;
}

export interface Decision {
  readonly level: CascadeLevel;
  readonly ruleId: number;
  readonly recipientRole: RecipientRole;
  readonly specificity: Readonly<Specificity>;
}

/** A rule after {@link buildRuleIndex}: its precedence rank is fixed, so buckets are pre-sorted. */
export interface CompiledRule {
  readonly rule: Readonly<NotificationRule>;
  /** level * 8 + typeSpecific * 4 + category * 2 + status: higher decides first. */
  readonly rank: number;
  readonly decision: Decision;
  readonly problems: readonly string[];
}

export interface RuleIndex {
  /** Levels 1-2 by `event|channel|role`, in precedence order. */
  readonly admin: ReadonlyMap<string, readonly CompiledRule[]>;
  /** Level 3 by user, then `event|channel|role`, in precedence order. */
  readonly user: ReadonlyMap<number, ReadonlyMap<string, readonly CompiledRule[]>>;
  /** Rules that never decide anything, with the reasons (for admins). */
  readonly invalid: readonly { ruleId: number; problems: readonly string[] }[];
}

export type TraceOutcome = 'won' | 'outranked' | 'tied' | 'locked' | 'no_match' | 'invalid';

/** A malformed rule's problem, with the rule field it is about. */
export interface RuleProblem {
  field: keyof NotificationRule;
  message: string;
}

/**
 * Machine-readable form of a trace entry's reason, for views that translate it: the outcome
 * refined by why (which filter missed, what outranked it), with {@link TraceParams}.
 */
export type TraceCode =
  | 'won_send'
  | 'won_skip'
  | 'outranked_level'
  | 'outranked_type'
  | 'outranked_category'
  | 'outranked_status'
  | 'tied'
  | 'locked_by_rule'
  | 'locked_no_admin'
  | 'no_match_category'
  | 'no_match_status'
  | 'invalid';

/** Parameters of a {@link TraceCode}: the other rule involved, or the filter value against the ticket's. */
export interface TraceParams {
  ruleId?: number;
  level?: number;
  ruleValue?: string | number | null;
  ticketValue?: string | number | null;
}

export interface TraceEntry {
  ruleId: number;
  level: CascadeLevel;
  recipientRole: RecipientRole;
  enabled: boolean;
  userOverridable: boolean;
  specificity: Readonly<Specificity>;
  outcome: TraceOutcome;
  /** English explanation for logs and API readers; views translate `code` instead. */
  reason: string;
  code: TraceCode;
  params: TraceParams;
}

export interface RoleAnswer {
  role: RecipientRole;
  send: boolean;
  decidedBy: Decision | null;
  /** What levels 1-2 say before the user's own rules: the "inherited" value in user settings. */
  inherited: { send: boolean; decidedBy: Decision | null; userOverridable: boolean };
}

export interface NotificationAnswer {
  send: boolean;
  decidedBy: Decision | null;
  roles: RoleAnswer[];
  /** Every rule considered for this person, event and channel, with why it won or lost. */
  trace: TraceEntry[];
}

export interface RecipientDelivery {
  userId: number;
  /** Channels that send, in the order asked. */
  channels: NotificationChannel[];
  decidedBy: Partial<Record<NotificationChannel, Decision>>;
}

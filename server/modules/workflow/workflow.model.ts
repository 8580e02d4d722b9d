import { TICKET_STATUSES, TICKET_TYPES } from '../../../common/domain.ts';
import { DEFAULT_TRANSITIONS, type TransitionActor } from './default-workflow.ts';

/** What a status means to queues, the SLA and the customer, whatever it is called. */
export const STATUS_CATEGORIES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** Inputs a transition can demand besides custom fields (named `cf.<key>`, which must be filled). */
export const TRANSITION_REQUIREMENTS = ['solution', 'comment'] as const;
export type TransitionRequirement = (typeof TRANSITION_REQUIREMENTS)[number] | `cf.${string}`;

export interface StatusDef {
  key: string;
  /** Names per locale; built-in statuses may leave them empty and use the UI's translations. */
  names: Record<string, string>;
  category: StatusCategory;
  pauseSla: boolean;
  /** Retired statuses keep their tickets but no transition leads into them. */
  active: boolean;
  /** Built-in statuses the main process relies on: they cannot be deleted. */
  system: boolean;
  position: number;
}

export interface TicketTypeDef {
  key: string;
  names: Record<string, string>;
  active: boolean;
  system: boolean;
  position: number;
}

export interface TransitionDef {
  /** Ticket type the rule belongs to; null = the default set for types without their own. */
  type: string | null;
  from: string;
  to: string;
  by: TransitionActor;
  /** Role keys that may take it; empty = every role allowed to move tickets (or the requester). */
  roles: string[];
  requires: TransitionRequirement[];
}

const BUILT_IN_CATEGORIES: Record<string, StatusCategory> = {
  new: 'new',
  assigned: 'open',
  in_progress: 'open',
  waiting_customer: 'pending',
  waiting_vendor: 'pending',
  resolved: 'resolved',
  closed: 'closed',
  cancelled: 'closed',
};

/** The statuses of a new installation: the main process of MISSION.md. */
export const DEFAULT_STATUSES: StatusDef[] = TICKET_STATUSES.map((key, position) => ({
  key,
  names: {},
  category: BUILT_IN_CATEGORIES[key],
  pauseSla: key === 'waiting_customer' || key === 'waiting_vendor',
  active: true,
  system: true,
  position,
}));

export const DEFAULT_TYPES: TicketTypeDef[] = TICKET_TYPES.map((key, position) => ({
  key,
  names: {},
  active: true,
  system: true,
  position,
}));

/** The default transition table, one row per source status. */
export const DEFAULT_TRANSITION_ROWS: TransitionDef[] = DEFAULT_TRANSITIONS.flatMap((rule) =>
  rule.from.map((from) => ({ type: null, from, to: rule.to, by: rule.by, roles: [], requires: [...rule.requires] })),
);

/** A loaded workflow: statuses, types and transitions, with the questions the services ask of it. */
export class Workflow {
  readonly statuses: readonly StatusDef[];
  readonly types: readonly TicketTypeDef[];
  readonly transitions: readonly TransitionDef[];
  readonly #byKey: Map<string, StatusDef>;

  constructor(statuses: readonly StatusDef[], types: readonly TicketTypeDef[], transitions: readonly TransitionDef[]) {
    this.statuses = [...statuses].sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
    this.types = [...types].sort((a, b) => a.position - b.position || a.key.localeCompare(b.key));
    this.transitions = transitions;
    this.#byKey = new Map(statuses.map((s) => [s.key, s]));
  }

  status(key: string): StatusDef | undefined {
    return this.#byKey.get(key);
  }

  /** Unknown statuses count as open work, so nothing disappears from the queues. */
  category(key: string): StatusCategory {
    return this.#byKey.get(key)?.category ?? 'open';
  }

  /** Keys of the statuses in these categories. */
  keysIn(...categories: StatusCategory[]): string[] {
    return this.statuses.filter((s) => categories.includes(s.category)).map((s) => s.key);
  }

  /** Still needs work from the support team. */
  isOpen(key: string): boolean {
    const category = this.category(key);
    return category === 'new' || category === 'open' || category === 'pending';
  }

  /** The conversation is over for the customer. */
  isFinal(key: string): boolean {
    return this.category(key) === 'closed';
  }

  /**
   * Statuses in which the resolution clock stands still: those flagged "pause SLA", plus resolved
   * and closed ones so a reopened ticket gets that time added back.
   */
  pausingStatuses(): string[] {
    return this.statuses
      .filter((s) => s.pauseSla || s.category === 'resolved' || s.category === 'closed')
      .map((s) => s.key);
  }

  hasType(key: string, activeOnly = true): boolean {
    return this.types.some((t) => t.key === key && (!activeOnly || t.active));
  }

  /** The rules for a ticket type: its own set when it has one, else the default set. */
  rulesFor(type: string): TransitionDef[] {
    const own = this.transitions.filter((t) => t.type === type);
    const rules = own.length > 0 ? own : this.transitions.filter((t) => t.type === null);
    // A retired status can still be left, but nothing leads into it.
    return rules.filter((t) => this.#byKey.get(t.to)?.active !== false);
  }
}

/** The built-in workflow, used until the database's is loaded (and by unit tests). */
export const DEFAULT_WORKFLOW = new Workflow(DEFAULT_STATUSES, DEFAULT_TYPES, DEFAULT_TRANSITION_ROWS);

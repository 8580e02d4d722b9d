import { apiRequest } from './client.ts';

// The configurable workflow (`admin.workflow.manage`): statuses, ticket types and the
// transitions between statuses. Writes answer 204; deleting something built in or still used
// answers 409 `in_use` (retire it instead with `active: false`).

/** What a status means to queues, the SLA and the customer, whatever it is called. */
export const STATUS_CATEGORIES = ['new', 'open', 'pending', 'resolved', 'closed'] as const;
export type StatusCategory = (typeof STATUS_CATEGORIES)[number];

/** Who takes a transition: staff allowed to change the status, or the ticket's requester. */
export type TransitionActor = 'agent' | 'requester';

/** What a transition asks for: a solution text, a comment, or a filled custom field (`cf.<key>`). */
export type TransitionRequirement = 'solution' | 'comment' | `cf.${string}`;

/** Admin-given names per locale (`en`, `uk`, `ru`, `ro`, `zh`); built-ins may have none. */
export type LocaleNames = Partial<Record<string, string>>;

export interface StatusInput {
  names: LocaleNames;
  category: StatusCategory;
  pauseSla: boolean;
  /** Retired statuses (false) keep their tickets, but no transition leads into them. */
  active: boolean;
  position: number;
}

export interface WorkflowStatus extends StatusInput {
  key: string;
  /** Built into the product: it cannot be deleted and its category cannot change. */
  system: boolean;
}

export interface TypeInput {
  names: LocaleNames;
  active: boolean;
  position: number;
}

export interface WorkflowType extends TypeInput {
  key: string;
  system: boolean;
}

/** One allowed move of a ticket, as the transition set of a type lists it. */
export interface TransitionRule {
  from: string;
  to: string;
  by: TransitionActor;
  /** Role keys that may take it; empty = every role allowed to change the status. */
  roles: string[];
  requires: TransitionRequirement[];
}

export interface WorkflowTransition extends TransitionRule {
  /** The ticket type whose set it belongs to; null = the default set. */
  type: string | null;
}

export interface Workflow {
  statuses: WorkflowStatus[];
  types: WorkflowType[];
  transitions: WorkflowTransition[];
}

/** The body of `PUT /workflow/transitions`: the whole set of one type (null = the default set). */
export interface TransitionSetInput {
  type: string | null;
  transitions: TransitionRule[];
}

export const workflowKeys = {
  all: ['workflow'] as const,
};

/** Statuses, types and transitions, each list in display order. */
export function fetchWorkflow(): Promise<Workflow> {
  return apiRequest<Workflow>('/workflow');
}

/** Creates the status `key`, or changes it when it exists. */
export function saveStatus(key: string, input: StatusInput): Promise<void> {
  return apiRequest<void>(`/workflow/statuses/${encodeURIComponent(key)}`, { method: 'PUT', body: input });
}

/** Deletes an unused custom status; 409 `in_use` for built-in or used ones. */
export function deleteStatus(key: string): Promise<void> {
  return apiRequest<void>(`/workflow/statuses/${encodeURIComponent(key)}`, { method: 'DELETE' });
}

/** Creates the ticket type `key`, or changes it when it exists. */
export function saveType(key: string, input: TypeInput): Promise<void> {
  return apiRequest<void>(`/workflow/types/${encodeURIComponent(key)}`, { method: 'PUT', body: input });
}

/** Deletes an unused custom ticket type; 409 `in_use` for built-in or used ones. */
export function deleteType(key: string): Promise<void> {
  return apiRequest<void>(`/workflow/types/${encodeURIComponent(key)}`, { method: 'DELETE' });
}

/** Replaces a whole transition set; an empty list for a type makes it use the default set again. */
export function saveTransitions(input: TransitionSetInput): Promise<void> {
  return apiRequest<void>('/workflow/transitions', { method: 'PUT', body: input });
}

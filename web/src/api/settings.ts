import { apiRequest } from './client.ts';

/** Help desk settings (administrators). */
export interface Settings {
  /** Days after which a resolved ticket closes itself. */
  autoCloseDays: number;
  /** A returning customer's new ticket goes to the agent of their latest one. */
  stickyOwner: boolean;
  /**
   * Mail with a ticket's number from someone not on the ticket: true adds it as an internal
   * note flagged unverified; false opens a new ticket linked to it.
   */
  mailUnverifiedAsNote: boolean;
  /** Loop guard: automatic mails to one address per hour at most (1…1000). */
  mailAutoRepliesPerHour: number;
  /** Notify people of their own changes too (normally the actor is skipped). */
  notifyActor: boolean;
}

export function fetchSettings(): Promise<Settings> {
  return apiRequest<Settings>('/settings');
}

export function updateSettings(input: Partial<Settings>): Promise<Settings> {
  return apiRequest<Settings>('/settings', { method: 'PATCH', body: input });
}

import { apiRequest } from './client.ts';

/** Help desk settings (administrators). */
export interface Settings {
  /** Days after which a resolved ticket closes itself. */
  autoCloseDays: number;
  /** A returning customer's new ticket goes to the agent of their latest one. */
  stickyOwner: boolean;
}

export function fetchSettings(): Promise<Settings> {
  return apiRequest<Settings>('/settings');
}

export function updateSettings(input: Partial<Settings>): Promise<Settings> {
  return apiRequest<Settings>('/settings', { method: 'PATCH', body: input });
}

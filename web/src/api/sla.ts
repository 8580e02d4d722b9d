import type { TicketPriority } from '../../../common/domain.ts';
import { apiRequest } from './client.ts';

// Business calendars, SLA policies and contracts (`admin.sla.manage`).
// Writes answer 201 `{id}` or 204; deleting something still used answers 409 `in_use`.

/** Wall-clock working interval 'HH:MM'–'HH:MM'; `end` may be '24:00'. */
export interface WorkingInterval {
  start: string;
  end: string;
}

/** Working intervals per weekday, keyed '0' (Sunday) … '6' (Saturday); a missing day is closed. */
export type WeekHours = Record<string, WorkingInterval[]>;

export interface Holiday {
  /** 'YYYY-MM-DD'; with `yearly` only month and day matter. */
  date: string;
  yearly?: boolean;
}

export interface CalendarInput {
  name: string;
  timeZone: string;
  week: WeekHours;
  holidays: Holiday[];
}

export interface SlaCalendar extends CalendarInput {
  id: number;
}

/** Business minutes to first response and to resolution; null = no target. */
export interface PriorityTarget {
  firstResponse: number | null;
  resolution: number | null;
}

export type SlaTargets = Record<TicketPriority, PriorityTarget>;

export interface PolicyInput {
  name: string;
  calendarId: number;
  targets: SlaTargets;
  warnAtPercent: number;
  isDefault: boolean;
}

export interface SlaPolicy extends PolicyInput {
  id: number;
}

/** Exactly one of `organizationId` and `customerId` is set; `serviceId` null = all services. */
export interface ContractInput {
  name: string;
  organizationId: number | null;
  customerId: number | null;
  serviceId: number | null;
  slaPolicyId: number;
  validFrom: string;
  validTo: string | null;
}

export interface Contract extends ContractInput {
  id: number;
}

/** Query keys of this area, under one prefix so a change refreshes all of them. */
export const slaKeys = {
  all: ['sla'] as const,
  calendars: ['sla', 'calendars'] as const,
  policies: ['sla', 'policies'] as const,
  contracts: ['sla', 'contracts'] as const,
};

/** Every business calendar. */
export function listCalendars(): Promise<SlaCalendar[]> {
  return apiRequest<SlaCalendar[]>('/sla/calendars');
}

/** Creates a calendar; the server validates hours, holidays and the time zone. */
export function createCalendar(input: CalendarInput): Promise<{ id: number }> {
  return apiRequest<{ id: number }>('/sla/calendars', { method: 'POST', body: input });
}

/** Replaces a calendar; open tickets on its policies get new due dates. */
export function updateCalendar(id: number, input: CalendarInput): Promise<void> {
  return apiRequest<void>(`/sla/calendars/${id}`, { method: 'PUT', body: input });
}

/** Deletes a calendar; 409 `in_use` while a policy uses it. */
export function deleteCalendar(id: number): Promise<void> {
  return apiRequest<void>(`/sla/calendars/${id}`, { method: 'DELETE' });
}

/** Every SLA policy (also readable with `admin.vendors.manage`). */
export function listPolicies(): Promise<SlaPolicy[]> {
  return apiRequest<SlaPolicy[]>('/sla/policies');
}

/** Creates a policy; making it the default takes that from the previous default. */
export function createPolicy(input: PolicyInput): Promise<{ id: number }> {
  return apiRequest<{ id: number }>('/sla/policies', { method: 'POST', body: input });
}

/** Replaces a policy; its open tickets get new due dates. */
export function updatePolicy(id: number, input: PolicyInput): Promise<void> {
  return apiRequest<void>(`/sla/policies/${id}`, { method: 'PUT', body: input });
}

/** Deletes a policy; 409 `in_use` while contracts, vendors or tickets use it. */
export function deletePolicy(id: number): Promise<void> {
  return apiRequest<void>(`/sla/policies/${id}`, { method: 'DELETE' });
}

/** Every contract. */
export function listContracts(): Promise<Contract[]> {
  return apiRequest<Contract[]>('/contracts');
}

/** Creates a contract; tickets of its holder follow it. */
export function createContract(input: ContractInput): Promise<{ id: number }> {
  return apiRequest<{ id: number }>('/contracts', { method: 'POST', body: input });
}

/** Replaces a contract. */
export function updateContract(id: number, input: ContractInput): Promise<void> {
  return apiRequest<void>(`/contracts/${id}`, { method: 'PUT', body: input });
}

/** Deletes a contract. */
export function deleteContract(id: number): Promise<void> {
  return apiRequest<void>(`/contracts/${id}`, { method: 'DELETE' });
}

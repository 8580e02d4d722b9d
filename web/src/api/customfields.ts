import type { CustomFieldType, TicketStatus, TicketType } from '../../../common/domain.ts';
import { apiRequest, type ItemList } from './client.ts';

/** A custom field value as the API carries it (ids for user, organization and asset fields). */
export type CustomValue = string | number | boolean | string[] | null;

/** Text per locale (`en`, `uk`, `ru`, `ro`, `zh`); English is the fallback. */
export type LocaleText = Partial<Record<string, string>>;

export interface CustomFieldOption {
  value: string;
  labels: LocaleText;
}

/** A custom ticket field definition (`GET /custom-fields`). */
export interface CustomField {
  id: number;
  key: string;
  /** The field's name in field rules, history and errors: `cf.<key>`. */
  name: string;
  type: CustomFieldType;
  labels: LocaleText;
  help: LocaleText;
  options: CustomFieldOption[];
  requiredForTypes: TicketType[];
  requiredForStatuses: TicketStatus[];
  defaultValue: CustomValue;
  portalVisible: boolean;
  position: number;
  active: boolean;
}

export interface CustomFieldDefinition {
  labels: LocaleText;
  help?: LocaleText;
  options?: CustomFieldOption[];
  requiredForTypes?: TicketType[];
  requiredForStatuses?: TicketStatus[];
  defaultValue?: CustomValue;
  portalVisible?: boolean;
  position?: number;
}

export interface CreateCustomFieldInput extends CustomFieldDefinition {
  key: string;
  type: CustomFieldType;
}

export type UpdateCustomFieldInput = Partial<CustomFieldDefinition> & { active?: boolean };

export function listCustomFields(): Promise<ItemList<CustomField>> {
  return apiRequest<ItemList<CustomField>>('/custom-fields');
}

export function createCustomField(input: CreateCustomFieldInput): Promise<CustomField> {
  return apiRequest<CustomField>('/custom-fields', { method: 'POST', body: input });
}

export function updateCustomField(id: number, input: UpdateCustomFieldInput): Promise<CustomField> {
  return apiRequest<CustomField>(`/custom-fields/${id}`, { method: 'PATCH', body: input });
}

/** Deletes an unused field; a field that has values is retired instead. */
export function deleteCustomField(id: number): Promise<{ result: 'deleted' | 'retired' }> {
  return apiRequest<{ result: 'deleted' | 'retired' }>(`/custom-fields/${id}`, { method: 'DELETE' });
}

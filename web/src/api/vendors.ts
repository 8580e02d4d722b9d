import { apiRequest } from './client.ts';

// Vendors tickets can be escalated to (`admin.vendors.manage`). Writes answer 201 `{id}` or 204.

export const VENDOR_KINDS = ['manufacturer', 'dealer', 'supplier', 'other'] as const;
export type VendorKind = (typeof VENDOR_KINDS)[number];

export interface VendorContactInput {
  name: string;
  email: string | null;
  phone: string | null;
}

export interface VendorContact extends VendorContactInput {
  id: number;
}

export interface VendorInput {
  name: string;
  kind: VendorKind;
  email: string | null;
  phone: string | null;
  notes: string;
  /** The underpinning contract: the SLA the vendor owes us. */
  slaPolicyId: number | null;
  active: boolean;
  /** Replaces all contacts of the vendor. */
  contacts: VendorContactInput[];
}

export interface Vendor extends Omit<VendorInput, 'contacts'> {
  id: number;
  contacts: VendorContact[];
}

export const vendorKeys = { all: ['vendors'] as const };

/** Every vendor with its contacts. */
export function listVendors(): Promise<Vendor[]> {
  return apiRequest<Vendor[]>('/vendors');
}

/** Creates a vendor with its contacts. */
export function createVendor(input: VendorInput): Promise<{ id: number }> {
  return apiRequest<{ id: number }>('/vendors', { method: 'POST', body: input });
}

/** Replaces a vendor and its contacts. */
export function updateVendor(id: number, input: VendorInput): Promise<void> {
  return apiRequest<void>(`/vendors/${id}`, { method: 'PUT', body: input });
}

/** Deletes a vendor; 409 `in_use` while tickets refer to it. */
export function deleteVendor(id: number): Promise<void> {
  return apiRequest<void>(`/vendors/${id}`, { method: 'DELETE' });
}

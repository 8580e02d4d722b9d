import { API_BASE, apiRequest, type ItemList } from './client.ts';
import type { Attachment } from './tickets.ts';

/** Uploads files in one multipart request; pass the returned ids as `attachmentIds`. */
export function uploadAttachments(files: File[]): Promise<ItemList<Attachment>> {
  const form = new FormData();
  for (const file of files) form.append('file', file, file.name);
  return apiRequest<ItemList<Attachment>>('/attachments', { method: 'POST', body: form });
}

export function attachmentUrl(id: number): string {
  return `${API_BASE}/attachments/${id}`;
}

import { TICKET_FIELDS, type TicketField } from '../../../common/domain.ts';
import { fieldAccess } from '../../authz/fields.ts';
import type { Actor } from '../../authz/policy.ts';
import type { AppContext } from '../../context.ts';
import { activeCustomFields } from '../customfields/customfields.service.ts';
import { listTickets, type TicketListQuery } from './ticket-queries.service.ts';
import type { TicketView } from './tickets.presenter.ts';

const MAX_ROWS = 10_000;
const PAGE = 200;

/** Neutralizes spreadsheet formulas and quotes a CSV cell (RFC 4180). */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text = Array.isArray(value) ? value.join('; ') : String(value);
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

type Column = { header: string; value: (t: TicketView) => unknown };

function builtInColumn(field: TicketField): Column | null {
  switch (field) {
    case 'requesterId':
      return {
        header: 'requester',
        value: (t) => (t.requester ? `${t.requester.name} <${t.requester.email}>` : undefined),
      };
    case 'ownerId':
      return { header: 'owner', value: (t) => t.owner?.name };
    case 'organizationId':
      return null;
    default:
      return { header: field, value: (t) => t[field] };
  }
}

/**
 * The tickets of a list query as CSV, through the same presenter as the API: a column appears
 * only for fields the actor's role may read, and a cell stays empty where the field is hidden
 * on that ticket (rules narrowed by type or status).
 */
export async function exportTicketsCsv(ctx: AppContext, actor: Actor, query: TicketListQuery): Promise<string> {
  const columns: Column[] = [
    { header: 'number', value: (t) => t.number },
    { header: 'status', value: (t) => t.status },
  ];
  for (const field of TICKET_FIELDS) {
    if (fieldAccess(actor, field) === 'hidden' || field === 'solution') continue;
    const column = builtInColumn(field);
    if (column) columns.push(column);
  }
  for (const field of await activeCustomFields(ctx)) {
    if (fieldAccess(actor, field.name) !== 'hidden')
      columns.push({ header: field.name, value: (t) => t.customFields?.[field.key] });
  }
  columns.push({ header: 'createdAt', value: (t) => t.createdAt }, { header: 'updatedAt', value: (t) => t.updatedAt });

  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await listTickets(ctx, actor, { ...query, limit: PAGE, cursor });
    for (const ticket of page.items) lines.push(columns.map((c) => csvCell(c.value(ticket))).join(','));
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && count < MAX_ROWS);
  return `${lines.join('\r\n')}\r\n`;
}

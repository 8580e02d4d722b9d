import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { API_BASE } from '../api/client.ts';
import { queryKeys } from '../api/keys.ts';
import { inboxKeys } from '../api/notifications.ts';

interface TicketChangedEvent {
  ticketId: number;
}

function parseTicketChanged(data: unknown): TicketChangedEvent | null {
  if (typeof data !== 'string') return null;
  try {
    const parsed: unknown = JSON.parse(data);
    if (typeof parsed === 'object' && parsed !== null && 'ticketId' in parsed) {
      const ticketId = Number(parsed.ticketId);
      return Number.isFinite(ticketId) ? { ticketId } : null;
    }
  } catch {
    // A malformed event is ignored; the next one or a refocus refetches anyway.
  }
  return null;
}

function invalidateTicket(queryClient: QueryClient, ticketId: number): void {
  void queryClient.invalidateQueries({ queryKey: queryKeys.tickets }); // lists and queue counts
  void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(ticketId) }); // ticket, messages, history
}

/**
 * Keeps queues and open tickets fresh: the server sends `ticket.changed {ticketId}` and we
 * refetch whatever shows that ticket. EventSource reconnects by itself after network loss.
 */
export function useLiveUpdates(enabled: boolean): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const source = new EventSource(`${API_BASE}/events`, { withCredentials: true });
    const onTicketChanged = (event: MessageEvent) => {
      const change = parseTicketChanged(event.data);
      if (change) invalidateTicket(queryClient, change.ticketId);
    };
    // Named events are the contract; unnamed ones carrying {type} are accepted too.
    const onMessage = (event: MessageEvent) => {
      if (typeof event.data === 'string' && event.data.includes('ticket.changed')) onTicketChanged(event);
    };
    // A new notification for this user ({id} only): refetch the bell's list and count.
    const onNotification = () => void queryClient.invalidateQueries({ queryKey: inboxKeys.all });
    source.addEventListener('ticket.changed', onTicketChanged);
    source.addEventListener('notification', onNotification);
    source.addEventListener('message', onMessage);
    return () => {
      source.removeEventListener('ticket.changed', onTicketChanged);
      source.removeEventListener('notification', onNotification);
      source.removeEventListener('message', onMessage);
      source.close();
    };
  }, [enabled, queryClient]);
}

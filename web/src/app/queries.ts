import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { uploadAttachments } from '../api/attachments.ts';
import { fetchCatalog } from '../api/catalog.ts';
import { queryKeys } from '../api/keys.ts';
import {
  type EscalateInput,
  escalateTicket,
  escalateToVendor,
  fetchHistory,
  fetchMessages,
  fetchTicket,
  fetchTicketLinks,
  fetchTicketMail,
  listTickets,
  type PostMessageInput,
  postMessage,
  type Ticket,
  type TicketListParams,
  type TransitionInput,
  transitionTicket,
  type VendorEscalationInput,
} from '../api/tickets.ts';

export const PAGE_SIZE = 25;

export function useCatalog() {
  // The catalogue changes rarely; one fetch per session is plenty.
  return useQuery({ queryKey: queryKeys.catalog, queryFn: fetchCatalog, staleTime: 10 * 60_000 });
}

export function useTicket(id: number) {
  return useQuery({ queryKey: queryKeys.ticket(id), queryFn: () => fetchTicket(id), enabled: Number.isFinite(id) });
}

export function useMessages(id: number) {
  return useQuery({
    queryKey: queryKeys.messages(id),
    queryFn: async () => (await fetchMessages(id)).items,
    enabled: Number.isFinite(id),
  });
}

export function useHistory(id: number, enabled = true) {
  return useQuery({
    queryKey: queryKeys.history(id),
    queryFn: async () => (await fetchHistory(id)).items,
    enabled: enabled && Number.isFinite(id),
  });
}

/** CC addresses, bouncing addresses and the mail sent about a ticket (agents). */
export function useTicketMail(id: number) {
  return useQuery({
    queryKey: queryKeys.ticketMail(id),
    queryFn: () => fetchTicketMail(id),
    enabled: Number.isFinite(id),
    // Delivery happens in the background with no live update of its own: look again while mail waits.
    refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === 'queued') ? 5000 : false),
  });
}

/** Tickets linked to this one (follow-ups, mail from unverified senders). */
export function useTicketLinks(id: number) {
  return useQuery({
    queryKey: queryKeys.ticketLinks(id),
    queryFn: () => fetchTicketLinks(id),
    enabled: Number.isFinite(id),
  });
}

/** A cursor-paged ticket list: `fetchNextPage` is the "load more" button. */
export function useTicketList(params: Omit<TicketListParams, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: queryKeys.ticketList(params),
    queryFn: ({ pageParam, signal }) => listTickets({ limit: PAGE_SIZE, ...params, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Puts a changed ticket into the cache and marks lists, counts and its thread stale. */
export function useTicketCacheUpdate() {
  const queryClient = useQueryClient();
  return (ticket: Ticket) => {
    queryClient.setQueryData(queryKeys.ticket(ticket.id), ticket);
    void queryClient.invalidateQueries({ queryKey: queryKeys.tickets });
    void queryClient.invalidateQueries({ queryKey: queryKeys.messages(ticket.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.history(ticket.id) });
  };
}

export function useEscalate(id: number) {
  const update = useTicketCacheUpdate();
  return useMutation({ mutationFn: (input: EscalateInput) => escalateTicket(id, input), onSuccess: update });
}

export function useEscalateVendor(id: number) {
  const update = useTicketCacheUpdate();
  return useMutation({ mutationFn: (input: VendorEscalationInput) => escalateToVendor(id, input), onSuccess: update });
}

export function useTransition(id: number) {
  const update = useTicketCacheUpdate();
  return useMutation({ mutationFn: (input: TransitionInput) => transitionTicket(id, input), onSuccess: update });
}

/** Posts a message, uploading its files first (the API links them by id). */
export function usePostMessage(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ files, ...input }: PostMessageInput & { files: File[] }) => {
      const attachmentIds = files.length > 0 ? (await uploadAttachments(files)).items.map((a) => a.id) : undefined;
      return postMessage(id, { ...input, attachmentIds });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.ticket(id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tickets });
    },
  });
}

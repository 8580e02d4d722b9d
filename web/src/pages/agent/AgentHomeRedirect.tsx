import { Navigate } from 'react-router';
import { hasPermission, useMe } from '../../app/session.ts';

/** Dispatchers (who assign) start with the unassigned queue; engineers with their own tickets. */
export default function AgentHomeRedirect() {
  const me = useMe().data;
  const queue = hasPermission(me, 'ticket.create.on_behalf') ? 'unassigned' : 'mine';
  return <Navigate to={`/agent/queues/${queue}`} replace />;
}

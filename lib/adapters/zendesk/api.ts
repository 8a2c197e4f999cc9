/**
 * Zendesk's Support API as the agent's tab may call it:
 * `GET /api/v2/tickets/{id}.json?include=users,organizations,groups`
 * (documented sideloads). Read defensively: every field is checked for its
 * type, an answer for another ticket is refused, and a field that is not
 * there is left to the page's strategies.
 */
import type { AgentApi } from '../agent-api';
import { readValue, type TicketReads } from '../result';

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);

function byId(list: unknown, id: unknown): Json | undefined {
  if (!Array.isArray(list) || (typeof id !== 'number' && typeof id !== 'string')) return undefined;
  return list.find((item): item is Json => isObject(item) && String(item.id) === String(id));
}

/** A user or organization field whose key names the plan (`plan`, `plan_tier`, `subscription`…). */
function planIn(fields: unknown): string | undefined {
  if (!isObject(fields)) return undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (/plan|tier|subscription/i.test(key) && str(value)) return str(value);
  }
  return undefined;
}

export const zendeskApi: AgentApi = {
  url: (ref) =>
    `${new URL(ref.url).origin}/api/v2/tickets/${ref.ticketId}.json?include=users,organizations,groups`,
  read(json, ref) {
    if (!isObject(json) || !isObject(json.ticket)) return null;
    const t = json.ticket;
    if (String(t.id) !== ref.ticketId) return null;
    const requester = byId(json.users, t.requester_id);
    const assignee = byId(json.users, t.assignee_id);
    const group = byId(json.groups, t.group_id);
    const organization = byId(json.organizations, t.organization_id ?? requester?.organization_id);
    const created = Date.parse(str(t.created_at) ?? '');
    // Only what the answer has: the page's strategies fill the rest.
    const reads: TicketReads = {};
    const put = <K extends keyof TicketReads>(key: K, value: string | number | undefined) => {
      if (value !== undefined) reads[key] = readValue(value) as TicketReads[K];
    };
    put('subject', str(t.raw_subject) ?? str(t.subject));
    put('status', str(t.status));
    put('priority', str(t.priority));
    put('createdAt', Number.isFinite(created) ? created : undefined);
    put('requesterName', str(requester?.name));
    put('requesterEmail', str(requester?.email));
    put('organization', str(organization?.name));
    put('plan', planIn(organization?.organization_fields) ?? planIn(requester?.user_fields));
    // Unassigned is a fact (null ids); a sideload we did not get is not.
    if (t.assignee_id === null || assignee) reads.assignee = readValue(str(assignee?.name));
    if (t.group_id === null || group) reads.assigneeGroup = readValue(str(group?.name));
    return reads;
  },
};

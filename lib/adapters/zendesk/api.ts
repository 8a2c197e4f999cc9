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
    const reads: TicketReads = {
      subject: readValue(str(t.raw_subject) ?? str(t.subject)),
      status: readValue(str(t.status)),
      priority: readValue(str(t.priority)),
      createdAt: readValue(Number.isFinite(created) ? created : undefined),
      requesterName: readValue(str(requester?.name)),
      requesterEmail: readValue(str(requester?.email)),
      organization: readValue(str(organization?.name)),
      plan: readValue(planIn(organization?.organization_fields) ?? planIn(requester?.user_fields)),
    };
    // Unassigned is a fact (null ids); a sideload we did not get is not.
    if (t.assignee_id === null || assignee) reads.assignee = readValue(str(assignee?.name));
    if (t.group_id === null || group) reads.assigneeGroup = readValue(str(group?.name));
    // Keep only what the answer had: the page's strategies fill the rest.
    for (const key of Object.keys(reads) as (keyof TicketReads)[]) {
      const read = reads[key];
      if (read?.found && read.value === undefined && key !== 'assignee' && key !== 'assigneeGroup')
        delete reads[key];
    }
    return reads;
  },
};

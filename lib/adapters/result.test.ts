import { describe, expect, it } from 'vitest';
import { ticketInfoSchema } from '../workflow/schema';
import { buildResult, notFound, readValue } from './result';
import type { TicketRef } from './types';

const ref: TicketRef = {
  helpdesk: 'helpscout',
  ticketId: '2871236524',
  displayId: '#11161',
  url: 'https://secure.helpscout.net/conversation/2871236524/11161',
};

describe('buildResult', () => {
  it('keeps the ref’s identity and adds what was read', () => {
    const { ticket, missing } = buildResult(ref, {
      subject: readValue('Refund'),
      createdAt: readValue(1_700_000_000_000),
      plan: readValue(undefined),
    });
    expect(ticket).toEqual({ ...ref, subject: 'Refund', createdAt: 1_700_000_000_000 });
    expect(missing).toEqual([]);
  });

  it('lists not-found fields in a stable order and leaves out fields the helpdesk does not show', () => {
    const { ticket, missing } = buildResult(ref, {
      plan: notFound,
      subject: notFound,
      status: readValue('Active'),
      displayId: notFound,
    });
    expect(missing).toEqual(['subject', 'plan', 'displayId']);
    expect(ticket).toEqual({ ...ref, status: 'open', statusLabel: 'Active' });
  });

  it('normalizes: agent without group, e-mail lower-cased, categories with the word kept', () => {
    const { ticket } = buildResult(ref, {
      assignee: readValue('Tier 2 Support / Marcus Webb'),
      requesterEmail: readValue('Lea.Fontaine@Contoso-Example.FR'),
      status: readValue('open'),
      statusLabel: readValue('Offen'),
      priority: readValue('高'),
    });
    expect(ticket).toMatchObject({
      assignee: 'Marcus Webb',
      assigneeGroup: 'Tier 2 Support',
      requesterEmail: 'lea.fontaine@contoso-example.fr',
      status: 'open',
      statusLabel: 'Offen',
      priority: 'high',
      priorityLabel: '高',
    });
    expect(ticketInfoSchema.parse(ticket)).toEqual(ticket);
  });

  it('keeps a status it cannot map as the helpdesk said it', () => {
    const { ticket } = buildResult(ref, { status: readValue('Escalated to vendor') });
    expect(ticket.status).toBe('Escalated to vendor');
    expect(ticket.statusLabel).toBe('Escalated to vendor');
  });

  it('drops an e-mail that is not one', () => {
    expect(
      buildResult(ref, { requesterEmail: readValue('n/a') }).ticket.requesterEmail,
    ).toBeUndefined();
  });

  it('lets a read display id replace the URL’s', () => {
    expect(buildResult(ref, { displayId: readValue('#11162') }).ticket.displayId).toBe('#11162');
  });

  it('clips values to the schema’s limits so the ticket always validates', () => {
    const { ticket } = buildResult(ref, {
      subject: readValue('x'.repeat(5000)),
      plan: readValue('p'.repeat(300)),
    });
    expect(ticket.subject).toHaveLength(1000);
    expect(ticket.plan).toHaveLength(100);
    expect(ticketInfoSchema.parse(ticket)).toEqual(ticket);
  });

  it('with nothing read is the URL’s facts only, nothing missing', () => {
    expect(buildResult(ref, {})).toEqual({ ticket: { ...ref }, missing: [] });
    const { displayId: _d, ...noDisplay } = ref;
    expect(buildResult(noDisplay, {}).ticket).toEqual(noDisplay);
  });

  it('readValue(found=false) is not found', () => {
    expect(readValue('x', false)).toEqual({ found: false });
    expect(readValue(null)).toEqual({ found: true });
  });
});

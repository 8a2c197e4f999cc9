import { describe, expect, it } from 'vitest';
import {
  badgeText,
  noticeMessage,
  noticeTitle,
  notificationIdFor,
  runIdOfNotification,
} from './clocks';
import type { DueNotice } from './db/repo/clocks';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);
const notice: DueNotice = {
  runId: 'helpscout:3003',
  clockId: 'first-response',
  label: 'First response',
  kind: 'reminder',
  at: T0,
  dueAt: T0 + 15 * 60_000,
  ticket: {
    helpdesk: 'helpscout',
    ticketId: '3003',
    displayId: '#11161',
    url: 'https://secure.helpscout.net/conversation/3003/11161',
    subject: 'Invoices blank',
  },
};

describe('badge and notification text', () => {
  it('shows nothing for zero and caps large counts', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(7)).toBe('7');
    expect(badgeText(250)).toBe('99+');
  });

  it('says which clock, which ticket and how long', () => {
    expect(noticeTitle(notice)).toBe('First response: due soon');
    expect(noticeMessage(notice, T0)).toBe('#11161 · Invoices blank (due in 15 min)');
    const overdue = { ...notice, kind: 'due' as const };
    expect(noticeTitle(overdue)).toBe('First response: overdue');
    expect(noticeMessage(overdue, T0 + 20 * 60_000)).toBe(
      '#11161 · Invoices blank (5 min overdue)',
    );
  });

  it('finds the run again from the notification id', () => {
    expect(runIdOfNotification(notificationIdFor(notice))).toBe('helpscout:3003');
    expect(runIdOfNotification('something-else')).toBeUndefined();
  });
});

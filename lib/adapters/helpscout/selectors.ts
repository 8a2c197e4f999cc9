/**
 * Help Scout selectors, current UI first and legacy UI second (sources in
 * /work/shared/reference/helpdesk-dom.md: toggl, clockify helpscout.js,
 * hsds-react, helpscout-thread-hider). Each `x_` lists `[count, fixture]`.
 * The editor exists only after Reply is clicked: the `-replying` fixtures are
 * the same pages after that click.
 */
import type { SelectorExpectation } from '../expectations';

/** The view around the header: current UI `<main>`, legacy `#wrap` (header, threads and sidebar). */
export const view = 'main';
export const view_ = [
  [1, 'helpscout/conversation'],
  [1, 'helpscout/mailbox'],
  [0, 'helpscout/legacy'],
] satisfies SelectorExpectation[];

export const legacyView = '#wrap';
export const legacyView_ = [
  [1, 'helpscout/legacy'],
  [0, 'helpscout/conversation'],
] satisfies SelectorExpectation[];

export const header = '[data-cy="ConversationHeader"]';
export const header_ = [
  [1, 'helpscout/conversation'],
  [0, 'helpscout/legacy'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

export const legacyHeader = '#tkHeader';
export const legacyHeader_ = [
  [0, 'helpscout/conversation'],
  [1, 'helpscout/legacy'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

/** A textarea: read its value. */
export const subject = '[data-cy="EditableTextarea"], textarea[aria-label="Conversation Subject"]';
export const subject_ = [
  [1, 'helpscout/conversation'],
  [0, 'helpscout/legacy'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

export const legacySubject = '#subjectLine';
export const legacySubject_ = [
  [1, 'helpscout/legacy'],
  [0, 'helpscout/conversation'],
] satisfies SelectorExpectation[];

/** The "#11161" the agent sees. `[data-cy="Text"]` is a generic component: only the header's counts. */
export const number = `${header} [data-cy="Text"]`;
export const number_ = [
  [1, 'helpscout/conversation'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

export const legacyNumber = '#tkHeader strong';
export const legacyNumber_ = [[1, 'helpscout/legacy']] satisfies SelectorExpectation[];

export const actions = '[data-cy="ConversationHeader.Actions"], .convo-actions';
export const actions_ = [
  [1, 'helpscout/conversation'],
  [1, 'helpscout/legacy'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

export const status = '[data-cy="StatusDropdown"], #navStatus .value';
export const status_ = [
  [1, 'helpscout/conversation'],
  [1, 'helpscout/legacy'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

export const assignee = '[data-cy="AssigneeDropdown"], #navAssign .value';
export const assignee_ = [
  [1, 'helpscout/conversation'],
  [1, 'helpscout/legacy'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

/** Newest first. */
export const threadItem = 'ol[aria-label="Thread Items"] > li > div[id^="thread-"], article.thread';
export const threadItem_ = [
  [3, 'helpscout/conversation'],
  [3, 'helpscout/legacy'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

export const threadTime =
  'ol[aria-label="Thread Items"] > li > div[id^="thread-"] time[datetime], article.thread time[datetime]';
export const threadTime_ = [
  [3, 'helpscout/conversation'],
  [3, 'helpscout/legacy'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

export const customerThread = 'div[id^="thread-"].is-customer, article.thread.customer';
export const customerThread_ = [
  [1, 'helpscout/conversation'],
  [1, 'helpscout/legacy'],
] satisfies SelectorExpectation[];

export const customerSidebar = '[data-cy="CustomerSidebar"], .customer-sidebar';
export const customerSidebar_ = [
  [1, 'helpscout/conversation'],
  [1, 'helpscout/legacy'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

export const customerName = '[data-cy="CustomerName"], .customer-name';
export const customerName_ = [
  [1, 'helpscout/conversation'],
  [1, 'helpscout/legacy'],
] satisfies SelectorExpectation[];

export const replyButton = '[data-testid="reply-button"], #navReply';
export const replyButton_ = [
  [1, 'helpscout/conversation'],
  [1, 'helpscout/legacy'],
  [0, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

/** Slate; created by the Reply click. */
export const editor = '[data-slate-editor][role="textbox"][contenteditable="true"]';
export const editor_ = [
  [0, 'helpscout/conversation'],
  [1, 'helpscout/conversation-replying'],
  [0, 'helpscout/legacy'],
] satisfies SelectorExpectation[];

export const editorBox = '[data-cy="ConvoEditor"]';
export const editorBox_ = [
  [0, 'helpscout/conversation'],
  [1, 'helpscout/conversation-replying'],
] satisfies SelectorExpectation[];

/** Redactor; in the page but hidden until Reply. */
export const legacyEditor = '.redactor_editor[contenteditable="true"]';
export const legacyEditor_ = [
  [1, 'helpscout/legacy'],
  [1, 'helpscout/legacy-replying'],
  [0, 'helpscout/conversation-replying'],
] satisfies SelectorExpectation[];

export const legacyReplyForm = '#replyForm';
export const legacyReplyForm_ = [
  [1, 'helpscout/legacy'],
  [0, 'helpscout/conversation'],
] satisfies SelectorExpectation[];

export const fileInput =
  '[data-cy="ConvoEditor"] input[type="file"], #replyForm input[type="file"]';
export const fileInput_ = [
  [0, 'helpscout/conversation'],
  [1, 'helpscout/conversation-replying'],
  [1, 'helpscout/legacy'],
] satisfies SelectorExpectation[];

export const sendButton = '[data-cy="SendButton"], #sendBtn';
export const sendButton_ = [
  [0, 'helpscout/conversation'],
  [1, 'helpscout/conversation-replying'],
  [1, 'helpscout/legacy'],
] satisfies SelectorExpectation[];

export const agentAvatar = '[data-cy="AccountDropdown"] img[alt], #accountMenu img[alt]';
export const agentAvatar_ = [
  [1, 'helpscout/conversation'],
  [1, 'helpscout/legacy'],
  [1, 'helpscout/mailbox'],
] satisfies SelectorExpectation[];

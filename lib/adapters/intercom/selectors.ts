/**
 * Intercom inbox selectors (sources in /work/shared/reference/helpdesk-dom.md:
 * toggl and clockify intercom.js, 2025–26 content scripts). Since 2026 the
 * inbox renders inside an open shadow root on `#teammate-app-react`, so every
 * query runs over `searchRoots(doc)`. Classes were renamed `inbox2__` →
 * `inbox-2__` in April 2026: class selectors here match both spellings.
 * Each `x_` lists `[count, fixture]` over the final page, shadow roots included.
 */
import type { SelectorExpectation } from '../expectations';

export const shadowHost = '#teammate-app-react';
export const shadowHost_ = [
  [1, 'intercom/conversation'],
  [1, 'intercom/conversation-lazy'],
  [1, 'intercom/reports'],
] satisfies SelectorExpectation[];

/** The open conversation: header, stream, composer and details sidebar. */
export const conversationSpace = '[data-intercom-target="conversation-space"]';
export const conversationSpace_ = [
  [1, 'intercom/conversation'],
  [1, 'intercom/conversation-lazy'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

export const title = '[data-inbox-conversation-header-title]';
export const title_ = [
  [1, 'intercom/conversation'],
  [1, 'intercom/conversation-lazy'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

export const stream =
  '[data-conversation-stream], [data-testid="conversation-stream-scroll-container"]';
export const stream_ = [
  [1, 'intercom/conversation'],
  [1, 'intercom/conversation-lazy'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

/** Message parts; category 1 user, 3 admin, 4 note, 5 bot, 20 system. */
export const part = '[data-part-group-category]';
export const part_ = [
  [4, 'intercom/conversation'],
  [2, 'intercom/conversation-lazy'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

export const partTime = '[data-part-group-category] time[datetime]';
export const partTime_ = [
  [4, 'intercom/conversation'],
  [2, 'intercom/conversation-lazy'],
] satisfies SelectorExpectation[];

/** A user part's author: the customer, when the sidebar has no Name row. */
export const userPartAuthor = '[data-part-group-category="1"] .font-semibold';
export const userPartAuthor_ = [
  [1, 'intercom/conversation'],
  [1, 'intercom/conversation-lazy'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

/** Details sidebar; read by visible labels ("Email", "Company", …), which outlive class renames. */
export const detailsSidebar =
  '.inbox-2__conversation-details-sidebar, .inbox2__conversation-details-sidebar';
export const detailsSidebar_ = [
  [1, 'intercom/conversation'],
  [1, 'intercom/conversation-lazy'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

export const attributeLabel = '[class*="attribute__label"]';
export const attributeLabel_ = [
  [9, 'intercom/conversation'],
  [9, 'intercom/conversation-lazy'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

export const composer = '[data-conversation-reply-composer]';
export const composer_ = [
  [1, 'intercom/conversation'],
  [1, 'intercom/conversation-lazy'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

export const editor =
  '[data-conversation-reply-composer] .ProseMirror.embercom-prosemirror-composer-editor[contenteditable="true"][role="textbox"]';
export const editor_ = [
  [1, 'intercom/conversation'],
  [1, 'intercom/conversation-lazy'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

/** Any ProseMirror editable in the composer, should Intercom drop its own class. */
export const editorFallback =
  '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]';
export const editorFallback_ = [
  [1, 'intercom/conversation'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

/** Tools attach files by dispatching drag/drop here. */
export const dropTarget = '.embercom-prosemirror-composer';
export const dropTarget_ = [
  [1, 'intercom/conversation'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

/** Not documented publicly; may be created on click, so callers also watch for new ones. */
export const fileInput = '[data-conversation-reply-composer] input[type="file"]';
export const fileInput_ = [
  [1, 'intercom/conversation'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

export const sendButton = '[data-intercom-target="composer-send-button"]';
export const sendButton_ = [
  [1, 'intercom/conversation'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

/** Other conversations in the list: decoys, never read. */
export const listItem = '[data-conversation-list-item]';
export const listItem_ = [
  [3, 'intercom/conversation'],
  [3, 'intercom/conversation-lazy'],
  [0, 'intercom/reports'],
] satisfies SelectorExpectation[];

export const agentAvatar = '[data-intercom-target="admin-avatar"] img[alt]';
export const agentAvatar_ = [
  [1, 'intercom/conversation'],
  [1, 'intercom/reports'],
] satisfies SelectorExpectation[];

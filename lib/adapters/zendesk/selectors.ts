/**
 * Zendesk Agent Workspace selectors (sources in /work/shared/reference/helpdesk-dom.md:
 * toggl track-extension zendesk.js, clockify selectors.json, zendesk-auto-translate,
 * userscripts). Each `x_` lists `[count, fixture]`: how many elements `x`
 * matches on that saved page (all workspaces included). Reads are always
 * scoped to the URL ticket's workspace, never the whole document: element ids
 * and test ids repeat once per open tab.
 */
import type { SelectorExpectation } from '../expectations';

/** One per open ticket tab; inactive ones are `style="display: none"`. */
export const workspace = 'div.workspace';
export const workspace_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [1, 'zendesk/lazy'],
  [1, 'zendesk/drifted'],
  [0, 'zendesk/views'],
] satisfies SelectorExpectation[];

/** The grid inside a workspace; `data-is-active="false"` on inactive tabs. */
export const layout = '.ticket-panes-grid-layout';
export const layout_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [1, 'zendesk/drifted'],
  [0, 'zendesk/views'],
] satisfies SelectorExpectation[];

/** Any element naming a ticket id inside a workspace (the id itself is checked in code). */
export const ticketMarker =
  '[data-ticket-id], [data-side-conversations-anchor-id], [data-test-id$="-standard-layout"]';
export const ticketMarker_ = [
  [2, 'zendesk/ticket'],
  [6, 'zendesk/multi-tab'],
  [1, 'zendesk/drifted'],
  // The view's rows carry data-ticket-id too: decoys outside any workspace.
  [3, 'zendesk/views'],
] satisfies SelectorExpectation[];

/** Elements that say which ticket a workspace holds. */
export function ticketMarkersFor(id: string): string {
  return [
    `[data-test-id="ticket-${id}-standard-layout"]`,
    `[data-ticket-id="${id}"]`,
    `[data-side-conversations-anchor-id="${id}"]`,
  ].join(', ');
}

/** An input: the subject is its `.value`, its textContent is empty. */
export const subject = 'input[data-test-id="omni-header-subject"]';
export const subject_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [1, 'zendesk/lazy'],
  [0, 'zendesk/drifted'],
  [0, 'zendesk/views'],
] satisfies SelectorExpectation[];

/** Older Agent Workspace builds (no saved page of one: checked only not to match today's). */
export const subjectLegacy = '[data-test-id="ticket-pane-subject"]';
export const subjectLegacy_ = [
  [0, 'zendesk/ticket'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/** Fallbacks for builds we have no page of; every other selector must match somewhere. */
export const unmatchedOnPurpose = ['subjectLegacy'] as const;

export const requesterField = '[data-test-id="ticket-system-field-requester-select"]';
export const requesterField_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/** The requester's name is the tag's title. */
export const requesterName = `${requesterField} [title]`;
export const requesterName_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

export const assigneeField = '[data-test-id="assignee-field"]';
export const assigneeField_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/** "Group/Agent" in its title; absent while the ticket is unassigned (6001). */
export const assigneeTag = '[data-test-id="assignee-field-selected-agent-tag"]';
export const assigneeTag_ = [
  [1, 'zendesk/ticket'],
  [2, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

export const priorityField = '[data-test-id="ticket-fields-priority-select"]';
export const priorityField_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

export const comboboxValue = '[data-garden-id="dropdowns.combobox.value"]';
export const comboboxValue_ = [
  [2, 'zendesk/ticket'],
  [6, 'zendesk/multi-tab'],
  [1, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

export const statusLabel = '[data-test-id="tabs-section-nav-item-ticket"] .ticket_status_label';
export const statusLabel_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/** "Submit as <strong>Open</strong>": the status again, when the nav label is gone. */
export const sendButton = '[data-test-id="submit_button-button"]';
export const sendButton_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

export const submitStatus = `${sendButton} strong`;
export const submitStatus_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

export const logContainer = '[data-test-id="omni-log-container"]';
export const logContainer_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/** Message times; the earliest is the ticket's creation (tickets 4242: 3, 5150: 2, 6001: 1 messages). */
export const logTime =
  'article[data-test-id="omni-log-comment-item"] time[data-test-id^="timestamp-"][datetime]';
export const logTime_ = [
  [3, 'zendesk/ticket'],
  [6, 'zendesk/multi-tab'],
  [3, 'zendesk/lazy'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/**
 * The customer-context side panel. No public source pins its markup down, so
 * e-mail, organization and plan are read from it by `mailto:` and visible
 * labels rather than by class.
 */
export const contextPanel = '[data-test-id="customer-context-panel"]';
export const contextPanel_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/** CKEditor 5's editable. */
export const editor = '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]';
export const editor_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/** CKEditor's own classes outlive Zendesk's test-id renames. */
export const editorFallback = '.ck-editor__editable[contenteditable="true"]';
export const editorFallback_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [1, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/** Drag-and-drop onto the editor view attaches files ("Drop to attach"). */
export const editorView = '[data-test-id="editor-view"], .ck.ck-editor';
export const editorView_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [1, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/** Hidden; tools attach files by setting `files` and dispatching `change`. */
export const fileInput = 'input[type="file"][data-test-id="omnicomposer-external-file-uploader"]';
export const fileInput_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

export const anyFileInput = 'input[type="file"]';
export const anyFileInput_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [1, 'zendesk/drifted'],
  [0, 'zendesk/views'],
] satisfies SelectorExpectation[];

export const ticketTab = '[data-test-id="header-tab"][data-entity-type="ticket"][data-entity-id]';
export const ticketTab_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [1, 'zendesk/lazy'],
  [0, 'zendesk/views'],
] satisfies SelectorExpectation[];

/** The signed-in agent's avatar; its alt is their name. */
export const agentAvatar = '[data-test-id="header-profile-menu-button"] img[alt]';
export const agentAvatar_ = [
  [1, 'zendesk/ticket'],
  [1, 'zendesk/views'],
  [1, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

/** The flag on a workspace's grid, whatever the grid's class (2026: renamed). */
export const activeFlag = '[data-is-active]';
export const activeFlag_ = [
  [1, 'zendesk/ticket'],
  [3, 'zendesk/multi-tab'],
  [2, 'zendesk/agent-2026'],
] satisfies SelectorExpectation[];

/** A message in the omni-log. */
export const logItem = 'article[data-test-id="omni-log-comment-item"]';
export const logItem_ = [
  [3, 'zendesk/ticket'],
  [4, 'zendesk/agent-2026'],
  [40, 'zendesk/narrow-long'],
  [0, 'zendesk/drifted'],
] satisfies SelectorExpectation[];

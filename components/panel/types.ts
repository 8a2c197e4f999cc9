/**
 * The panel's contract with its container (the helpdesk content script): props
 * in, callbacks out. The container owns the port, the clock tick and storage.
 */
import type { TeamRunStatusData } from '../../lib/messaging/team';
import type { PageFacts } from '../../lib/workflow/page-suggestions';
import type { ReactNode } from 'react';
import type { MetadataKey } from '../../lib/adapters/types';
import type {
  FieldValue,
  Helpdesk,
  Run,
  RunEvent,
  TicketInfo,
  WorkflowTemplate,
} from '../../lib/workflow/schema';
import type { TrackerKind } from '../../lib/workflow/step-words';
import type { RunView, StepView } from '../../lib/workflow/view';

export type { MetadataKey };

export type ConnectionState = 'connected' | 'reconnecting' | 'error';

export interface PanelPosition {
  x: number;
  y: number;
}

/** A viewport rectangle the panel's default position must not cover (the composer's send button). */
export interface AvoidRect {
  top: number;
  left: number;
  width: number;
  height: number;
}

/** Something Casebook did on the page that the agent should know about. */
export interface PanelNotice {
  id: string;
  tone: 'info' | 'success' | 'error';
  text: string;
  /** Further lines, e.g. what a sanitized HAR had removed. */
  details?: string[];
  /** Share done, 0–1, for work in progress (a HAR being sanitized). */
  progress?: number;
  /** The sanitizing job a HAR notice is about (the panel offers Cancel for it). */
  job?: string;
  /** One action besides Dismiss, e.g. Cancel while a HAR is sanitized. */
  action?: { label: string; run(): void };
}

export interface PanelCallbacks {
  onSetField(stepId: string, fieldId: string, value: FieldValue): Promise<void>;
  onSetStatus(
    stepId: string,
    status: 'pending' | 'done' | 'skipped',
    skipReason?: string,
  ): Promise<void>;
  onUploadFiles(stepId: string, fieldId: string, files: File[]): Promise<void>;
  onLoadHistory(stepId: string): Promise<RunEvent[]>;
  /** Slot for step actions (components/panel/actions/**); null/undefined renders nothing. */
  renderActions?(step: StepView): ReactNode;
}

export interface PanelProps extends PanelCallbacks {
  helpdesk: Helpdesk;
  /** The tracker the settings select: step text names it (`{{tracker}}`); absent reads as none. */
  tracker?: TrackerKind;
  ticket: TicketInfo;
  template: WorkflowTemplate;
  /** Both undefined while the run is loading. */
  run: Run | undefined;
  view: RunView | undefined;
  /**
   * Pins the panel's clock to this moment (epoch ms), for a frozen view.
   * Without it the clocks read the ticking `NowContext` the container
   * provides, and each second re-renders only what shows time.
   */
  now?: number;
  /** Selector health: metadata the adapter could not read from the page. */
  missing: MetadataKey[];
  /** The agent entered a fact the page did not let us read. */
  onEnterFact?(key: MetadataKey, value: string): Promise<void>;
  /** Copy the text-free page structure for the team; false when the clipboard refused. */
  onCopyDiagnostic?(): Promise<boolean>;
  connection: ConnectionState;
  error?: string;
  collapsed: boolean;
  onCollapsedChange(collapsed: boolean): void;
  /** Top-left corner in viewport px; null means the default (bottom-right, clear of avoidRect). */
  position: PanelPosition | null;
  onPositionChange(p: PanelPosition): void;
  avoidRect?: AvoidRect;
  /** Docked or floating; absent means floating (the view alone, e.g. in tests and demos). */
  layout?: PanelLayout;
  /** A layout change: `final` false while the agent is still dragging the width. */
  onLayoutChange?(layout: PanelLayout, final: boolean): void;
  notices?: PanelNotice[];
  onDismissNotice?(id: string): void;
  /** Team mode: sharing, who else has the run open, your replaced edits. */
  team?: TeamRunStatusData;
  /** Issue links on the page and the team's priority mapping: offered "from the page". */
  pageFacts?: PageFacts;
}

export type PanelMode = 'docked' | 'floating';

/** How the panel sits: docked at a side (the page makes room) or floating over it. */
export interface PanelLayout {
  mode: PanelMode;
  side: 'left' | 'right';
  /** Docked width in CSS px (300–520). */
  width: number;
}

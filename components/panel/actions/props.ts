/** What every step action gets from the panel: the run, its drafts and the container's callbacks. */
import type { ActionDrafts, ActionSettings } from '../../../lib/actions/drafts';
import type { PageState } from '../../../lib/actions/pagerduty-delivery';
import type { PagingReadiness } from '../../../lib/messaging/actions';
import type { FieldValue, WorkflowTemplate } from '../../../lib/workflow/schema';
import type { RunView, StepView } from '../../../lib/workflow/view';

/** How a composer insertion went (platform/composer/insert.ts reports it). */
export interface InsertOutcome {
  /** `clipboard` when the editor could not be reached and the text was copied instead. */
  path: string;
}

export interface StepActionsProps {
  step: StepView;
  view: RunView;
  template: WorkflowTemplate;
  /** The run's drafted texts, links and refusals (re-drafted whenever the run changes). */
  drafts: ActionDrafts;
  settings: ActionSettings;
  /** The page's delivery state and readiness (action.pageStatus); undefined while loading. */
  page: { state: PageState; readiness: PagingReadiness } | undefined;
  onInsertText(text: string): Promise<InsertOutcome | void>;
  onCopy(text: string): Promise<void>;
  onOpenUrl(url: string): void;
  /** Resolves with a notice when nothing was sent (a page is pending or already accepted). */
  onPage(repage: boolean): Promise<{ notice?: string } | void>;
  /**
   * Record an action on the run; `data` lets the run fill the fields it
   * answers; `done` also marks the step done in the same change (offered
   * only for the actions `drafts.finishing` lists for the step).
   */
  onRecordAction(
    action: string,
    note?: string,
    data?: Record<string, unknown>,
    done?: boolean,
  ): Promise<void>;
  /**
   * A message went to the customer (inserted or copied): records the action
   * and ticks the step's "sent" field; falls back to onRecordAction.
   */
  onMessageSent?(action: string, note: string): Promise<void>;
  /** The agent's name for signatures (settings, else the signed-in agent the page shows). */
  agentName?: string;
  /** Keep the name the agent typed into a signature gap, so it is asked once. */
  onRememberAgentName?(name: string): Promise<void>;
  /** Record what an action did in the run's own fields (status-page state, escalation). */
  onSetField?(stepId: string, fieldId: string, value: FieldValue): Promise<void>;
}

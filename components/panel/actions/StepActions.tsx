/**
 * The buttons a step offers (its template `actions`), rendered in the panel's
 * `renderActions(step)` slot. Props in, callbacks out: the texts, links and
 * refusals come drafted (`drafts`, lib/actions/drafts.ts, built by the
 * background from the run and settings); inserting, copying, opening, paging
 * and recording are the container's.
 */
import type { ReactNode } from 'react';
import type { ComposerAction } from '../../../lib/actions/composer-text';
import { AckNotice } from './AckNotice';
import { CopyAction } from './CopyAction';
import { EscalateAction } from './EscalateAction';
import { FileBugAction } from './FileBugAction';
import { LogSearchAction } from './LogSearchAction';
import { MessageAction } from './MessageAction';
import { PageAction } from './PageAction';
import type { StepActionsProps } from './props';
import { StatusPageAction } from './StatusPageAction';
import './actions.css';

export type { ActionSettings } from '../../../lib/actions/drafts';

export function StepActions(props: StepActionsProps) {
  const actions = props.step.step.actions;
  if (actions.length === 0) return null;
  const { drafts } = props;
  const items: ReactNode[] = [];
  if (actions.includes('re-page') || actions.includes('escalate-to-manager')) {
    items.push(<AckNotice key="ack" view={props.view} template={props.template} />);
  }
  for (const action of actions) {
    if (Object.hasOwn(drafts.messages, action)) {
      items.push(<MessageAction key={action} {...props} action={action as ComposerAction} />);
      continue;
    }
    switch (action) {
      case 'page-on-call':
        items.push(<PageAction key={action} {...props} repage={false} />);
        break;
      case 're-page':
        items.push(<PageAction key={action} {...props} repage />);
        break;
      case 'copy-incident-channel': {
        const channel = `#${drafts.incidentChannel}`;
        items.push(
          <CopyAction
            key={action}
            action={action}
            label={`Copy ${channel}`}
            text={channel}
            note={`Copied the incident channel name ${channel}`}
            data={{ channel }}
            onCopy={props.onCopy}
            onRecordAction={props.onRecordAction}
          />,
        );
        break;
      }
      case 'copy-slack-mention': {
        if (props.view.severity !== 'SEV3') break;
        const m = drafts.slackMention;
        items.push(
          <CopyAction
            key={action}
            action={action}
            label="Copy Slack mention for the on-call"
            text={m.text}
            note="Copied the SEV3 on-call Slack mention"
            onCopy={props.onCopy}
            onRecordAction={props.onRecordAction}
          />,
        );
        break;
      }
      case 'draft-status-page':
        items.push(<StatusPageAction key={action} {...props} />);
        break;
      case 'open-log-search':
        items.push(<LogSearchAction key={action} {...props} />);
        break;
      case 'file-bug':
        items.push(<FileBugAction key={action} {...props} />);
        break;
      case 'escalate-to-manager':
        items.push(<EscalateAction key={action} {...props} />);
        break;
    }
  }
  return <div className="cb-step-actions">{items}</div>;
}

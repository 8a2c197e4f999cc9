import type { PanelNotice } from './types';

/** What Casebook did on the page for the agent, e.g. a HAR it sanitized or blocked. */
export function NoticeList({
  notices,
  onDismiss,
}: {
  notices: PanelNotice[];
  onDismiss?: (id: string) => void;
}) {
  if (notices.length === 0) return null;
  return (
    <ul className="cb-notices" aria-label="Notices">
      {notices.map((notice) => (
        <li
          key={notice.id}
          className={`cb-notice cb-notice--${notice.tone}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
        >
          <p className="cb-notice-text">{notice.text}</p>
          {notice.details && notice.details.length > 0 ? (
            <ul className="cb-notice-details">
              {notice.details.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          ) : null}
          {notice.progress !== undefined ? (
            <progress className="cb-notice-progress" max={1} value={notice.progress} />
          ) : null}
          {notice.action ? (
            <button type="button" className="cb-link-button" onClick={notice.action.run}>
              {notice.action.label}
            </button>
          ) : null}
          {onDismiss ? (
            <button type="button" className="cb-link-button" onClick={() => onDismiss(notice.id)}>
              Dismiss
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

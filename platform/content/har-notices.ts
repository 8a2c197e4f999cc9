/**
 * Words for what the HAR interception did, shown in the panel: the agent
 * attached a HAR and should see that it was sanitized and what went, or that
 * it was blocked and why.
 */
import type { PanelNotice } from '../../components/panel/types';
import type { HarReport } from '../../lib/har/index';
import type { GuardVia } from '../har/guard-channel';
import { HarRejected, HarSanitizerUnavailable } from '../har/sanitizer-client';
import { errorMessage } from '../../lib/errors';

export interface HarInterceptInfo {
  via: GuardVia;
  /** Original file name. */
  original: string;
  /** Name handed to the page (absent on error). */
  sanitized?: string;
  /** Size of the original file in bytes. */
  size?: number;
  /** Stops sanitizing this file; the upload is then blocked (nothing reaches the page). */
  cancel?: () => void;
}

/** How far sanitizing one file has got. */
export interface HarInterceptProgress {
  bytesRead: number;
  totalBytes: number;
  entries: number;
}

/** Lines listing kinds removed, most frequent first. */
export function describeRedactions(report: HarReport, limit = 6): string[] {
  const kinds = Object.entries(report.counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const lines = kinds.slice(0, limit).map(([kind, n]) => `${kind}: ${n}`);
  if (kinds.length > limit) lines.push(`…and ${kinds.length - limit} more kinds`);
  return lines;
}

export function harStartNotice(info: HarInterceptInfo): PanelNotice {
  return {
    id: `har:${info.original}`,
    tone: 'info',
    text: `Sanitizing ${info.original}…`,
    ...cancelAction(info),
  };
}

const MB = 1024 * 1024;

/** `Sanitizing capture.har… 42 % (16.8 of 40.0 MB)`, with Cancel. */
export function harProgressNotice(
  progress: HarInterceptProgress,
  info: HarInterceptInfo,
): PanelNotice {
  const total = progress.totalBytes || info.size || 0;
  const share = total > 0 ? Math.min(1, progress.bytesRead / total) : 0;
  return {
    id: `har:${info.original}`,
    tone: 'info',
    text: `Sanitizing ${info.original}… ${Math.floor(share * 100)} % (${(progress.bytesRead / MB).toFixed(1)} of ${(total / MB).toFixed(1)} MB)`,
    progress: share,
    ...cancelAction(info),
  };
}

function cancelAction(info: HarInterceptInfo): Pick<PanelNotice, 'action'> {
  return info.cancel ? { action: { label: 'Cancel', run: info.cancel } } : {};
}

export function harReportNotice(report: HarReport, info: HarInterceptInfo): PanelNotice {
  const name = info.sanitized ?? info.original;
  const text =
    report.total === 0
      ? `${info.original}: no secrets found; attached as ${name}.`
      : `${info.original}: removed ${report.total} secret ${report.total === 1 ? 'value' : 'values'} (${report.distinct} distinct) across ${report.entries} requests; attached as ${name}.`;
  return { id: `har:${info.original}`, tone: 'success', text, details: describeRedactions(report) };
}

export function harErrorNotice(error: unknown, info: HarInterceptInfo): PanelNotice {
  if (error instanceof HarSanitizerUnavailable) {
    return {
      id: `har:${info.original}`,
      tone: 'error',
      text: `${info.original} was not attached: ${error.message}. Nothing was uploaded: an unsanitized HAR never reaches the helpdesk. Reload the page and attach it again.`,
    };
  }
  if (error instanceof HarRejected && error.code === 'cancelled') {
    return {
      id: `har:${info.original}`,
      tone: 'error',
      text: `${info.original} was not attached: sanitizing was cancelled. Nothing was uploaded.`,
    };
  }
  const reason = errorMessage(error);
  return {
    id: `har:${info.original}`,
    tone: 'error',
    text: `${info.original} was not attached: it could not be sanitized (${reason}). Nothing was uploaded.`,
  };
}

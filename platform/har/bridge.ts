/**
 * Casebook's side of the file guard, in the isolated world of every frame of
 * a helpdesk page (entrypoints/har-bridge.content): takes the guard's port
 * (guard-channel.ts), looks at each file the page is about to read by its
 * bytes (inspect.ts) and answers:
 *
 * - anything that is not a HAR: pass, untouched;
 * - a HAR or a gzipped HAR: sanitized in the hidden sanitizer frame, the page
 *   gets `<name>.sanitized.har`;
 * - an archive holding a HAR: blocked (it cannot be sanitized inside the archive);
 * - anything that fails: blocked. A HAR never reaches the page unsanitized.
 *
 * The agent is told in the panel of the top frame (relayed by the background,
 * as this frame may be a sub-frame).
 */
import type { PanelNotice } from '../../components/panel/types';
import type { HarReport } from '../../lib/har/index';
import { sanitizedHarName } from '../../lib/har/sniff';
import type { RedactionSettings, Settings } from '../../lib/settings/schema';
import type { Helpdesk } from '../../lib/workflow/schema';
import {
  harErrorNotice,
  harProgressNotice,
  harReportNotice,
  harStartNotice,
} from '../content/har-notices';
import { send } from '../messaging/content-client';
import {
  GUARD_ACK,
  GUARD_ASK,
  GUARD_OFFER,
  type GuardDecision,
  type GuardMessage,
  type GuardReview,
  type GuardVia,
} from './guard-channel';
import { inspectFile } from './inspect';
import { deliverPanelFiles, servePanelReview, type PanelFile } from './panel-files';
import { createHarSanitizer, type HarSanitizer } from './sanitizer-client';

/** Which helpdesk's settings apply on this host (mapped brand domains are Zendesk). */
export function helpdeskForHost(hostname: string): Helpdesk {
  if (/(^|\.)intercom\.com$/.test(hostname)) return 'intercom';
  if (hostname === 'secure.helpscout.net') return 'helpscout';
  return 'zendesk';
}

/** Shown when an archive holds a HAR. */
export function archiveNotice(name: string, entry: string): PanelNotice {
  return {
    id: `har:${name}`,
    tone: 'error',
    text: `${name} was not attached: it contains a HAR (${entry}), and Casebook cannot sanitize a HAR inside an archive. Nothing was uploaded. Unzip it and attach the .har file itself: it will be sanitized on the way in.`,
  };
}

/** A failure the agent has already been told about. */
class Told extends Error {
  constructor(readonly reason: unknown) {
    super('told');
  }
}

export interface BridgeOptions {
  /** Shows a notice in the top frame's panel. */
  notify(notice: PanelNotice): void;
  /** The agent's settings (undefined: the background did not answer; defaults apply). */
  settings(): Promise<Settings | undefined>;
  sanitizer?: (redaction: () => RedactionSettings | undefined) => HarSanitizer;
}

export interface Bridge {
  /** The agent's Cancel for `job`: false when this frame does not run it (any more). */
  cancel(job: string): boolean;
}

export function startBridge(doc: Document, options: BridgeOptions): Bridge {
  const helpdesk = helpdeskForHost(doc.location?.hostname ?? '');
  let settings: Promise<Settings | undefined> | undefined;
  let sanitizer: HarSanitizer | undefined;
  let redaction: RedactionSettings | undefined;
  /** Jobs running in this frame, by the id their notices carry. */
  const running = new Map<string, AbortController>();

  const getSanitizer = () =>
    (sanitizer ??= (options.sanitizer ?? ((r) => createHarSanitizer({ redaction: r })))(
      () => redaction,
    ));

  const sanitizeOne = async (
    file: File,
    gzip: boolean,
    via: GuardVia,
    forPanel: boolean,
  ): Promise<File> => {
    const job = crypto.randomUUID();
    const stop = new AbortController();
    running.set(job, stop);
    const info = { via, original: file.name, size: file.size, job };
    options.notify(harStartNotice(info));
    // At most one progress notice per 250 ms: the worker reports every 100 ms.
    let lastProgress = 0;
    try {
      const { file: clean, report } = await getSanitizer().sanitize(file, {
        gzip,
        vouch: forPanel,
        signal: stop.signal,
        onProgress: (progress) => {
          const now = Date.now();
          if (now - lastProgress < 250 || stop.signal.aborted) return;
          lastProgress = now;
          options.notify(harProgressNotice(progress, info));
        },
      });
      const named = new File([clean], sanitizedHarName(file.name), {
        type: 'application/json',
        lastModified: Date.now(),
      });
      const { job: _done, ...finished } = info;
      options.notify(harReportNotice(report as HarReport, { ...finished, sanitized: named.name }));
      const counted = report as HarReport;
      reports.set(named, { redactions: counted.total, byKind: counted.counts });
      return named;
    } catch (error) {
      const { job: _failed, ...finished } = info;
      options.notify(harErrorNotice(error, finished));
      throw new Told(error);
    } finally {
      running.delete(job);
    }
  };

  /** What the sanitizer removed from each file it made, for the panel's own field. */
  const reports = new WeakMap<File, NonNullable<PanelFile['sanitized']>>();

  /** `forPanel`: the files go to the panel's own field (stored through the background). */
  const decide = async (
    review: GuardReview,
    forPanel = review.panelInputId !== undefined,
  ): Promise<GuardDecision> => {
    const { id, files } = review;
    const looks = await Promise.all(files.map((file) => inspectFile(file)));
    if (looks.every((l) => l.kind === 'other')) return { id, action: 'pass' };
    settings ??= options.settings();
    const loaded = await settings;
    if (loaded && !loaded.helpdesks[helpdesk].interceptHar) return { id, action: 'pass' };
    redaction = loaded?.redaction;
    const out: File[] = [];
    for (const [i, file] of files.entries()) {
      const look = looks[i]!;
      if (look.kind === 'other') out.push(file);
      else if (look.kind === 'archive-with-har') {
        options.notify(archiveNotice(file.name, look.entry));
        return { id, action: 'block' };
      } else out.push(await sanitizeOne(file, look.gzip, review.via, forPanel));
    }
    return { id, action: 'replace', files: out };
  };

  const reviewed = (decision: GuardDecision, chosen: File[]): PanelFile[] | undefined =>
    decision.action === 'block'
      ? undefined
      : (decision.action === 'replace' ? decision.files : chosen).map((file) => {
          const sanitized = reports.get(file);
          return sanitized ? { file, sanitized } : { file };
        });

  // The panel's own choice when the page-world guard never heard it (Firefox).
  let panelReviews = 0;
  servePanelReview(async (files) => {
    const review: GuardReview = { id: --panelReviews, via: 'input', files };
    try {
      return reviewed(await decide(review, true), files);
    } catch (error) {
      // A HAR's own failure was told already; the field says it was not attached.
      if (error instanceof Told) return undefined;
      throw error;
    }
  });

  /** Files are coming (the guard saw a file dialog or a drag): read settings and start the sanitizer. */
  const warmUp = () => {
    const reading = (settings ??= options.settings());
    void reading.then(
      (loaded) => {
        if (loaded && !loaded.helpdesks[helpdesk].interceptHar) return;
        getSanitizer().warm();
      },
      // Not kept: the choice itself reads them again and reports what fails.
      () => {
        if (settings === reading) settings = undefined;
      },
    );
  };

  const serve = (port: MessagePort) => {
    port.onmessage = (event: MessageEvent<GuardMessage>) => {
      const message = event.data;
      if (message && 'warm' in message && message.warm === true) return warmUp();
      const review = message as GuardReview;
      if (!review || typeof review.id !== 'number' || !Array.isArray(review.files)) return;
      decide(review).then(
        (decision) => {
          port.postMessage(decision);
          // The agent's choice in the panel's own field goes to the panel, reviewed.
          const files = reviewed(decision, review.files);
          if (review.panelInputId && files) deliverPanelFiles(review.panelInputId, files);
        },
        (error: unknown) => {
          port.postMessage({ id: review.id, action: 'block' } satisfies GuardDecision);
          // A HAR's own failure was told already; anything else is told here.
          if (!(error instanceof Told)) {
            for (const file of review.files)
              options.notify(harErrorNotice(error, { via: review.via, original: file.name }));
          }
        },
      );
    };
  };

  const onOffer = (event: Event) => {
    const port = (event as MessageEvent).ports?.[0];
    if (!port) return;
    doc.removeEventListener(GUARD_OFFER, onOffer, true);
    serve(port);
    doc.dispatchEvent(new Event(GUARD_ACK));
  };
  doc.addEventListener(GUARD_OFFER, onOffer, true);
  doc.dispatchEvent(new Event(GUARD_ASK));

  return {
    cancel(job) {
      const stop = running.get(job);
      if (!stop) return false;
      stop.abort();
      return true;
    },
  };
}

/** The background relays a notice to the panel in the tab's top frame. */
export function relayNotice({ id, tone, text, details, progress, job }: PanelNotice): void {
  const notice = { id, tone, text, details, progress, job };
  void send({ type: 'har.notice', notice }).catch((error: unknown) => {
    console.warn('[casebook] could not show a HAR notice', error);
  });
}

export async function readSettingsForBridge(): Promise<Settings | undefined> {
  try {
    return (await send({ type: 'settings.get' })).settings;
  } catch {
    return undefined;
  }
}

/**
 * The floating step panel. A pure view: the content script owns the run
 * subscription, the clock tick, storage of position and collapse, and hands
 * everything in as props.
 */
import './panel.css';
import './panel-steps.css';
import './panel-buttons.css';
import './panel-dock.css';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
} from 'react';
import { ClockReminder } from './ClockReminder';
import { Header } from './Header';
import { ConnectionLine } from './HealthLine';
import { MissingFacts } from './MissingFacts';
import { NoticeList } from './NoticeList';
import { NowContext } from './now';
import { Pill } from './Pill';
import { Rail } from './Rail';
import { DockControls, ResizeHandle } from './DockControls';
import { clampDockWidth, RAIL_WIDTH } from './dock';
import { clampPosition, defaultAnchor, type Viewport } from './position';
import { pageSuggestions } from '../../lib/workflow/page-suggestions';
import { SectionList } from './SectionList';
import { useStepWords } from './step-words';
import { TeamLine } from './TeamLine';
import type { PanelPosition, PanelProps } from './types';
import { useDrag } from './useDrag';

export type { PanelProps } from './types';

/** Matches `.cb-root { width }` in panel.css; used before the first measurement. */
export const PANEL_WIDTH = 360;
const PILL_WIDTH = 280;
const MOVE_STEP_PX = 24;
const KEY_MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-MOVE_STEP_PX, 0],
  ArrowRight: [MOVE_STEP_PX, 0],
  ArrowUp: [0, -MOVE_STEP_PX],
  ArrowDown: [0, MOVE_STEP_PX],
};

function readViewport(): Viewport {
  return { width: window.innerWidth, height: window.innerHeight };
}

export function Panel(props: PanelProps) {
  const { helpdesk, ticket, template, run, now, collapsed, onCollapsedChange } = props;
  // Step text names this ticket's helpdesk and the team's tracker ({{helpdesk}}, {{tracker}}).
  const { view, onSetField, onSetStatus } = useStepWords(
    helpdesk,
    props.tracker,
    props.view,
    props,
  );
  const { pageFacts } = props;
  const suggestions = useMemo(
    () => (run ? pageSuggestions(template, run, pageFacts) : undefined),
    [template, run, pageFacts],
  );
  const root = useRef<HTMLDivElement>(null);
  const collapseButton = useRef<HTMLButtonElement>(null);
  const pillButton = useRef<HTMLButtonElement>(null);
  const [viewport, setViewport] = useState<Viewport>(readViewport);
  const [size, setSize] = useState<{ width: number; height: number } | undefined>();
  const [dragPos, setDragPos] = useState<PanelPosition | undefined>();

  useEffect(() => {
    const onResize = () => setViewport(readViewport());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);

  // Measure so a moved panel stays on screen as it grows (steps expanding, expand from pill).
  useLayoutEffect(() => {
    const el = root.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      setSize((s) =>
        s && s.width === r.width && s.height === r.height
          ? s
          : { width: r.width, height: r.height },
      );
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [collapsed]);

  // Move focus with the toggle so keyboard users are not dropped onto the page.
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    (collapsed ? pillButton : collapseButton).current?.focus();
  }, [collapsed]);

  const { onPositionChange } = props;
  const drag = useDrag({
    origin: () => {
      if (props.layout?.mode === 'docked') return undefined;
      const r = root.current?.getBoundingClientRect();
      return r ? { x: r.left, y: r.top } : undefined;
    },
    onMove: setDragPos,
    onEnd: (p) => {
      const clamped = clampPosition(p, size ?? { width: 0, height: 0 }, readViewport());
      setDragPos(undefined);
      onPositionChange(clamped);
    },
    allowOnButton: collapsed,
  });

  const docked = props.layout?.mode === 'docked' ? props.layout : undefined;
  const explicit = dragPos ?? props.position ?? undefined;
  const style: CSSProperties = {};
  if (docked) {
    // Full height at the side; the container has given the page room for exactly this width.
    style.top = 0;
    style.bottom = 0;
    style[docked.side] = 0;
    style.width = collapsed ? RAIL_WIDTH : clampDockWidth(docked.width, viewport.width);
  } else if (explicit) {
    const p = clampPosition(explicit, size ?? { width: 0, height: 0 }, viewport);
    style.left = p.x;
    style.top = p.y;
  } else {
    const anchor = defaultAnchor(
      viewport,
      collapsed ? (size?.width ?? PILL_WIDTH) : PANEL_WIDTH,
      props.avoidRect,
    );
    style.right = anchor.right;
    style.bottom = anchor.bottom;
    style.maxHeight = Math.min(anchor.maxHeight, viewport.height * 0.8);
  }

  const collapse = useCallback(() => onCollapsedChange(true), [onCollapsedChange]);
  const expand = useCallback(() => onCollapsedChange(false), [onCollapsedChange]);

  // Keys typed in the panel must not trigger the helpdesk's shortcuts. React's
  // stopPropagation also stops the native event at React's root container,
  // which sits inside the shadow root, so document listeners never see it.
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape' && !e.defaultPrevented && !collapsed) {
      e.preventDefault();
      collapse();
      return;
    }
    // Keyboard equivalent of dragging: Alt+arrows on the header's or pill's button.
    const step = KEY_MOVES[e.key];
    const onHandle = (e.target as Element).closest?.('.cb-header, .cb-pill');
    if (step && e.altKey && onHandle && root.current && !docked) {
      e.preventDefault();
      const r = root.current.getBoundingClientRect();
      onPositionChange(
        clampPosition({ x: r.left + step[0], y: r.top + step[1] }, r, readViewport()),
      );
    }
  };
  const stop = (e: KeyboardEvent) => e.stopPropagation();

  // React only dispatches keypress for printable keys it can decode; the panel
  // has no keypress handlers, so stopping it natively at the root is safe.
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const stopNative = (e: Event) => e.stopPropagation();
    el.addEventListener('keypress', stopNative);
    return () => el.removeEventListener('keypress', stopNative);
  }, []);

  const lead = template.policy.reminderLeadMinutes;
  const clocks = view?.clocks ?? [];
  const bodyId = `cb-body-${helpdesk}`;

  const panel = (
    <div
      ref={root}
      className={`cb-root${collapsed ? ' cb-root--collapsed' : ''}${dragPos ? ' cb-root--dragging' : ''}${docked ? ` cb-root--docked cb-root--docked-${docked.side}` : ''}`}
      data-layout={docked ? 'docked' : 'floating'}
      role="complementary"
      aria-label="Casebook"
      data-collapsed={collapsed ? 'true' : 'false'}
      style={style}
      onKeyDown={onKeyDown}
      onKeyUp={stop}
    >
      {collapsed && docked ? (
        <Rail
          helpdesk={helpdesk}
          ticket={ticket}
          clocks={clocks}
          leadMinutes={lead}
          progress={view?.progress}
          onExpand={expand}
          buttonRef={pillButton}
        />
      ) : collapsed ? (
        <Pill
          helpdesk={helpdesk}
          ticket={ticket}
          clocks={clocks}
          leadMinutes={lead}
          onExpand={expand}
          buttonRef={pillButton}
          dragHandlers={drag.handlers}
          onClickCapture={drag.onClickCapture}
        />
      ) : (
        <>
          <Header
            helpdesk={helpdesk}
            ticket={ticket}
            clocks={clocks}
            leadMinutes={lead}
            bodyId={bodyId}
            {...(props.layout && props.onLayoutChange
              ? {
                  layoutControls: (
                    <DockControls layout={props.layout} onChange={props.onLayoutChange} />
                  ),
                }
              : {})}
            {...(docked ? { collapseHint: 'Collapse to a rail at the side (Esc)' } : {})}
            onCollapse={collapse}
            collapseButtonRef={collapseButton}
            dragHandlers={drag.handlers}
            onClickCapture={drag.onClickCapture}
          />
          {docked && props.onLayoutChange ? (
            <ResizeHandle
              layout={docked}
              viewportWidth={viewport.width}
              onChange={props.onLayoutChange}
            />
          ) : null}
          <div className="cb-body" id={bodyId}>
            <ConnectionLine connection={props.connection} error={props.error} />
            <ClockReminder clocks={clocks} leadMinutes={lead} template={template} />
            <MissingFacts
              missing={props.missing}
              {...(props.onEnterFact ? { onEnter: props.onEnterFact } : {})}
              {...(props.onCopyDiagnostic ? { onCopyDiagnostic: props.onCopyDiagnostic } : {})}
            />
            <NoticeList notices={props.notices ?? []} onDismiss={props.onDismissNotice} />
            <TeamLine team={props.team} template={props.template} />
            {view ? (
              <>
                <div className="cb-progress">
                  <progress
                    max={Math.max(1, view.progress.applicable)}
                    value={view.progress.done}
                    aria-label="Workflow progress"
                  />
                  <span className="cb-progress-text">
                    {view.progress.done} of {view.progress.applicable} steps
                  </span>
                </div>
                {view.closed ? (
                  <p className="cb-note" role="status">
                    This ticket&apos;s workflow is closed.
                  </p>
                ) : null}
                <SectionList
                  // A different ticket starts with fresh drafts, forms and expansion.
                  key={view.runId}
                  view={view}
                  run={run}
                  suggestions={suggestions}
                  onSetField={onSetField}
                  onSetStatus={onSetStatus}
                  onUploadFiles={props.onUploadFiles}
                  onLoadHistory={props.onLoadHistory}
                  renderActions={props.renderActions}
                />
              </>
            ) : (
              <p className="cb-muted" role="status">
                Loading this ticket&apos;s workflow…
              </p>
            )}
          </div>
        </>
      )}
    </div>
  );
  // A pinned moment for this panel only; otherwise the container's ticking clock.
  return now === undefined ? panel : <NowContext.Provider value={now}>{panel}</NowContext.Provider>;
}

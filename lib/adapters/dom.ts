/**
 * Small pure DOM helpers shared by the adapters. Everything takes the node to
 * read as a parameter; nothing touches globals. Visibility is decided without
 * layout (content scripts run before styles settle and happy-dom has no
 * layout): inline `display:none`, the `hidden` attribute and `aria-hidden`
 * on the element or an ancestor, crossing shadow-root boundaries.
 */

/** Text content with whitespace collapsed and trimmed; undefined when empty. */
export function textOf(el: Element | null | undefined): string | undefined {
  const text = el?.textContent?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

/** A trimmed attribute value; undefined when absent or blank. */
export function attrOf(el: Element | null | undefined, name: string): string | undefined {
  const value = el?.getAttribute(name)?.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

/** The value of an input/textarea (the subject fields keep their text there, not in textContent). */
export function valueOf(el: Element | null | undefined): string | undefined {
  if (!el) return undefined;
  const raw =
    'value' in el && typeof (el as HTMLInputElement).value === 'string'
      ? (el as HTMLInputElement).value
      : (el.getAttribute('value') ?? el.textContent ?? '');
  const value = raw.replace(/\s+/g, ' ').trim();
  return value ? value : undefined;
}

/** Every open shadow root at or below `root`, depth first, nested ones included. */
export function openShadowRoots(root: ParentNode): ShadowRoot[] {
  const found: ShadowRoot[] = [];
  const visit = (node: ParentNode): void => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      const shadow = el.shadowRoot;
      if (shadow) {
        found.push(shadow);
        visit(shadow);
      }
    }
  };
  visit(root);
  return found;
}

/** querySelectorAll over several roots, in root order, without duplicates. */
export function queryAllIn<E extends Element = Element>(
  roots: ParentNode[],
  selector: string,
): E[] {
  const seen = new Set<Element>();
  const out: E[] = [];
  for (const root of roots) {
    for (const el of Array.from(root.querySelectorAll<E>(selector))) {
      if (!seen.has(el)) {
        seen.add(el);
        out.push(el);
      }
    }
  }
  return out;
}

/** querySelectorAll below `root` and inside every open shadow root below it. */
export function queryAllDeep<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  return queryAllIn<E>([root, ...openShadowRoots(root)], selector);
}

function parentAcrossShadow(el: Element): Element | null {
  if (el.parentElement) return el.parentElement;
  const root = el.getRootNode();
  // A ShadowRoot's host; a Document has none.
  return (root as ShadowRoot).host ?? null;
}

function hiddenItself(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const style = (el as HTMLElement).style;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  // `<template>` content and inert subtrees are never what the agent sees.
  if (el.tagName === 'TEMPLATE') return true;
  return false;
}

/**
 * True when neither the element nor an ancestor (up to and excluding `stopAt`)
 * is hidden by inline style, `hidden` or `aria-hidden="true"`.
 */
export function isShown(el: Element, stopAt?: Element | null): boolean {
  for (let cur: Element | null = el; cur && cur !== stopAt; cur = parentAcrossShadow(cur)) {
    if (hiddenItself(cur)) return false;
  }
  return true;
}

/** The first element matching `selector` under `root` that is shown. */
export function firstShown<E extends Element = Element>(
  root: ParentNode,
  selector: string,
  stopAt?: Element | null,
): E | null {
  for (const el of Array.from(root.querySelectorAll<E>(selector))) {
    if (isShown(el, stopAt)) return el;
  }
  return null;
}

/** Like `firstShown`, but over several selectors tried in order (current UI first, older builds after). */
export function firstShownOf<E extends Element = Element>(
  root: ParentNode,
  selectors: readonly string[],
  stopAt?: Element | null,
): E | null {
  for (const selector of selectors) {
    const el = firstShown<E>(root, selector, stopAt);
    if (el) return el;
  }
  return null;
}

/** Epoch milliseconds for an ISO-ish timestamp; undefined when it does not parse. */
export function parseTimestamp(value: string | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) && ms >= 0 ? ms : undefined;
}

/** The earliest `datetime` among the matched `<time>` elements. */
export function earliestTime(elements: Iterable<Element>): number | undefined {
  let earliest: number | undefined;
  for (const el of elements) {
    const ms = parseTimestamp(el.getAttribute('datetime'));
    if (ms !== undefined && (earliest === undefined || ms < earliest)) earliest = ms;
  }
  return earliest;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

/** An e-mail address from a `mailto:` link, else the first address-shaped text. */
export function emailIn(root: ParentNode | null | undefined): string | undefined {
  if (!root) return undefined;
  const link = root.querySelector('a[href^="mailto:"]');
  const href = link?.getAttribute('href');
  if (href) {
    const address = decodeURIComponent(href.slice('mailto:'.length).split('?')[0] ?? '').trim();
    if (EMAIL.test(address)) return address;
  }
  const match = EMAIL.exec((root as Element).textContent ?? '');
  return match?.[0];
}

/**
 * The value next to a visible label: `<dt>Plan</dt><dd>Enterprise</dd>`,
 * `<label>Plan</label><div>…</div>` or any element whose own text is the
 * label followed by a sibling. Labels are matched whole, case-insensitively.
 * Helpdesks render customer attributes this way and rename classes far more
 * often than they rename the visible labels.
 */
export function valueByLabel(
  root: ParentNode | null | undefined,
  labels: readonly string[],
  labelSelector = 'dt, th, label, [class*="label"], [data-label]',
): { found: boolean; value?: string } {
  if (!root) return { found: false };
  const wanted = new Set(labels.map((l) => l.toLowerCase()));
  for (const el of Array.from(root.querySelectorAll(labelSelector))) {
    const label = textOf(el)?.replace(/:$/, '').toLowerCase();
    if (!label || !wanted.has(label)) continue;
    const forId = el.getAttribute('for');
    const target =
      (forId ? Array.from(root.querySelectorAll('[id]')).find((c) => c.id === forId) : null) ??
      el.nextElementSibling;
    if (!target) return { found: true };
    const value =
      valueOf(target.matches('input, textarea, select') ? target : null) ?? textOf(target);
    return value ? { found: true, value } : { found: true };
  }
  return { found: false };
}

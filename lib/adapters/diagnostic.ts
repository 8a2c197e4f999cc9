/**
 * A diagnostic an agent can copy for the team when a fact cannot be read:
 * the page's structure around where the adapter looked, with every text
 * and every attribute value stripped (tag names, ARIA roles, and the names
 * of data-/aria- attributes only), so it carries no customer data. Open
 * shadow roots are entered; iframes are named, never entered. Pure.
 */
const ROLE = /^[a-z]{2,20}$/;

export function structureOf(root: Element, maxNodes = 600, maxDepth = 14): string {
  const lines: string[] = [];
  const visit = (el: Element, depth: number) => {
    if (lines.length >= maxNodes || depth > maxDepth) return;
    const role = el.getAttribute('role');
    const names = el
      .getAttributeNames()
      .filter((n) => n.startsWith('data-') || n.startsWith('aria-'))
      .sort();
    lines.push(
      `${'  '.repeat(depth)}${el.localName}${role && ROLE.test(role) ? `[role=${role}]` : ''}${names.map((n) => `[${n}]`).join('')}`,
    );
    if (el.shadowRoot) {
      lines.push(`${'  '.repeat(depth + 1)}#shadow-root`);
      for (const child of Array.from(el.shadowRoot.children)) visit(child, depth + 2);
    }
    for (const child of Array.from(el.children)) visit(child, depth + 1);
  };
  visit(root, 0);
  if (lines.length >= maxNodes) lines.push('…');
  return lines.join('\n');
}

export function diagnosticReport(
  helpdesk: string,
  missing: readonly string[],
  root: Element,
  rootFound: boolean,
): string {
  // Says what was looked at: the ticket's element, or the page when none was found.
  return `Casebook ${helpdesk} · missing ${missing.join(', ')} · ${rootFound ? 'ticket' : 'page'}, text removed:\n${structureOf(root)}`;
}

/**
 * The form's group view of a condition (all / any / none / not all of a
 * list), which maps one-to-one onto the schema's all/any/not tree, so the
 * lead edits flat lists and the stored condition stays the schema's.
 */
import type { Condition } from '../schema';
import { isClause, type Clause } from './clauses';

/** `none` is not(any), `not-all` is not(all). */
export type GroupMatch = 'all' | 'any' | 'none' | 'not-all';

export const GROUP_MATCHES: ReadonlyArray<{ id: GroupMatch; label: string }> = [
  { id: 'all', label: 'all of these hold' },
  { id: 'any', label: 'any of these holds' },
  { id: 'none', label: 'none of these holds' },
  { id: 'not-all', label: 'not all of these hold' },
];

export interface ConditionGroup {
  kind: 'group';
  match: GroupMatch;
  items: GroupItem[];
}
export type GroupItem = Clause | ConditionGroup;

function toItem(c: Condition): GroupItem {
  return isClause(c) ? c : toGroup(c);
}

/** Any condition as a group; a lone clause is a group of one ("all of" it). */
export function toGroup(c: Condition): ConditionGroup {
  switch (c.kind) {
    case 'all':
      return { kind: 'group', match: 'all', items: c.of.map(toItem) };
    case 'any':
      return { kind: 'group', match: 'any', items: c.of.map(toItem) };
    case 'not':
      if (c.of.kind === 'any') return { kind: 'group', match: 'none', items: c.of.of.map(toItem) };
      if (c.of.kind === 'all') {
        return { kind: 'group', match: 'not-all', items: c.of.of.map(toItem) };
      }
      return { kind: 'group', match: 'none', items: [toItem(c.of)] };
    default:
      return { kind: 'group', match: 'all', items: [c] };
  }
}

/**
 * The condition a group stands for; undefined when it is empty. Empty
 * nested groups drop out. Only the outermost "all of one clause" collapses
 * to the clause, so a nested group the lead just added stays a group.
 */
export function fromGroup(group: ConditionGroup, outermost = true): Condition | undefined {
  const of = group.items
    .map((item) => (item.kind === 'group' ? fromGroup(item, false) : item))
    .filter((c): c is Condition => c !== undefined);
  const [only] = of;
  if (only === undefined) return undefined;
  switch (group.match) {
    case 'all':
      return outermost && of.length === 1 ? only : { kind: 'all', of };
    case 'any':
      return { kind: 'any', of };
    case 'none':
      return { kind: 'not', of: of.length === 1 ? only : { kind: 'any', of } };
    case 'not-all':
      return { kind: 'not', of: { kind: 'all', of } };
  }
}

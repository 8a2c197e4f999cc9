/**
 * A group of clauses and nested groups matched all / any / none / not all,
 * the form's view of the schema's all/any/not tree (lib/workflow/condition-form/groups.ts).
 */
import { newClause } from '../../../lib/workflow/condition-form/clauses';
import {
  GROUP_MATCHES,
  type ConditionGroup,
  type GroupItem,
  type GroupMatch,
} from '../../../lib/workflow/condition-form/groups';
import { Labelled } from '../Labelled';
import { removeAt, replaceAt } from '../template-edit';
import { ClauseEditor } from './ClauseEditor';
import type { ConditionShared } from './shared';

export function GroupEditor({
  group,
  path,
  locked,
  shared,
  onChange,
  onRemove,
}: {
  group: ConditionGroup;
  /** "" for the outermost group, else "2" or "2.1". */
  path: string;
  /** Removing the last item would leave a required condition empty. */
  locked: boolean;
  shared: ConditionShared;
  onChange: (g: ConditionGroup) => void;
  onRemove?: () => void;
}) {
  const setItems = (items: GroupItem[]) => onChange({ ...group, items });
  const lastLocked = locked && group.items.length === 1;
  const groupName = path ? `Group ${path}` : 'Conditions';
  return (
    <div className="cb-condition-group" role="group" aria-label={groupName}>
      <div className="cb-grid">
        <Labelled
          label={
            <>
              {path ? <span className="cb-visually-hidden">{groupName}: </span> : null}
              Match when
            </>
          }
        >
          <select
            value={group.match}
            onChange={(e) => onChange({ ...group, match: e.target.value as GroupMatch })}
          >
            {GROUP_MATCHES.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </select>
        </Labelled>
        {onRemove && (
          <button
            type="button"
            className="cb-button cb-button--small"
            onClick={onRemove}
            aria-label={`Remove group ${path}`}
          >
            Remove group
          </button>
        )}
      </div>
      <ul className="cb-clauses">
        {group.items.map((item, i) => {
          const itemPath = path ? `${path}.${i + 1}` : String(i + 1);
          const remove = lastLocked ? undefined : () => setItems(removeAt(group.items, i));
          return item.kind === 'group' ? (
            <li key={i}>
              <GroupEditor
                group={item}
                path={itemPath}
                locked={lastLocked}
                shared={shared}
                onChange={(g) => setItems(replaceAt(group.items, i, g))}
                onRemove={remove}
              />
            </li>
          ) : (
            <ClauseEditor
              key={i}
              clause={item}
              name={`Condition ${itemPath}`}
              shared={shared}
              onChange={(c) => setItems(replaceAt<GroupItem>(group.items, i, c))}
              onRemove={remove}
            />
          );
        })}
      </ul>
      <div className="cb-inline">
        <button
          type="button"
          className="cb-button cb-button--small"
          onClick={() => setItems([...group.items, newClause(shared.catalog, shared.scope)])}
        >
          Add a condition
          {path ? <span className="cb-visually-hidden"> to group {path}</span> : null}
        </button>
        <button
          type="button"
          className="cb-button cb-button--small"
          onClick={() =>
            setItems([
              ...group.items,
              { kind: 'group', match: 'any', items: [newClause(shared.catalog, shared.scope)] },
            ])
          }
        >
          Add a group{path ? <span className="cb-visually-hidden"> to group {path}</span> : null}
        </button>
      </div>
    </div>
  );
}

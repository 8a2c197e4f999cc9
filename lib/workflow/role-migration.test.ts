import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE } from './default-template';
import { predatesRoles, withKnownRoles } from './role-migration';
import { FIELD_ROLES, fieldRefByRole, messageByPurpose, MESSAGE_PURPOSES } from './roles';
import { templateSchema, type WorkflowTemplate } from './schema';

/** The default template as DB v1 stored it, before roles. */
const stored = templateSchema.parse(
  (
    JSON.parse(
      readFileSync(resolve(import.meta.dirname, '../../tests/fixtures/db/v1.json'), 'utf8'),
    ) as { tables: { templates: Array<{ template: unknown }> } }
  ).tables.templates[0]!.template,
);

describe('withKnownRoles', () => {
  it('gives a template stored before roles the roles the actions read', () => {
    expect(predatesRoles(stored)).toBe(true);
    expect(fieldRefByRole(stored, 'request-id')).toBeUndefined();
    const migrated = templateSchema.parse(withKnownRoles(stored));
    expect(predatesRoles(migrated)).toBe(false);
    expect(fieldRefByRole(migrated, 'request-id')).toEqual({
      stepId: 'collect-repro',
      fieldId: 'request-id',
    });
    expect(messageByPurpose(migrated, 'fix-shipped')?.id).toBe('fix-shipped');
    // Every role and purpose the fixture's fields and messages can carry, they now carry.
    const roles = FIELD_ROLES.filter((r) => fieldRefByRole(migrated, r));
    const defaultRoles = FIELD_ROLES.filter((r) => fieldRefByRole(DEFAULT_TEMPLATE, r));
    expect(roles.length).toBeGreaterThan(15);
    expect(defaultRoles).toEqual(expect.arrayContaining(roles));
    const purposes = MESSAGE_PURPOSES.filter((p) => messageByPurpose(migrated, p));
    expect(purposes.length).toBe(stored.messages.length);
  });

  it('gives no role to a field whose type changed, and leaves role-aware templates alone', () => {
    const changed: WorkflowTemplate = {
      ...stored,
      sections: stored.sections.map((s) => ({
        ...s,
        steps: s.steps.map((st) => ({
          ...st,
          fields: st.fields.map((f) =>
            f.id === 'satisfaction'
              ? { id: f.id, label: f.label, required: false, type: 'text' }
              : f,
          ),
        })),
      })),
    };
    const migrated = templateSchema.parse(withKnownRoles(changed));
    expect(fieldRefByRole(migrated, 'satisfaction')).toBeUndefined();
    expect(fieldRefByRole(migrated, 'impact')).toBeDefined();
    expect(withKnownRoles(DEFAULT_TEMPLATE)).toBe(DEFAULT_TEMPLATE);
  });
});

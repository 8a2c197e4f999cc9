/** The default template's catalog and two common clauses, shared by the condition-form tests. */
import { DEFAULT_TEMPLATE } from '../default-template';
import { conditionCatalog } from './catalog';
import type { Clause } from './clauses';

export const catalog = conditionCatalog(DEFAULT_TEMPLATE);
export const stepIndex = (id: string) => catalog.steps.findIndex((s) => s.id === id);

export const sev1: Clause = { kind: 'severity', in: ['SEV1'] };
export const paidPlans: Clause = { kind: 'plan', in: ['enterprise', 'paid'] };

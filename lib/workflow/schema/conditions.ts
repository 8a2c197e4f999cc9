/** Conditions: when a step applies, when a gate opens, when a clock stops. */
import { z } from 'zod';
import { idSchema, planTierSchema, severitySchema, type PlanTier, type Severity } from './base';

export const fieldRefSchema = z.object({ stepId: idSchema, fieldId: idSchema });
export type FieldRef = z.infer<typeof fieldRefSchema>;

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);

export type Condition =
  | { kind: 'severity'; in: Severity[] }
  | { kind: 'plan'; in: PlanTier[] }
  | {
      kind: 'field';
      field: FieldRef;
      op: 'set' | 'unset' | 'eq' | 'neq' | 'in' | 'lt' | 'lte' | 'gt' | 'gte' | 'includes';
      value?: string | number | boolean | Array<string | number>;
    }
  | { kind: 'step'; stepId: string; is: Array<'pending' | 'done' | 'skipped' | 'not-applicable'> }
  | { kind: 'all'; of: Condition[] }
  | { kind: 'any'; of: Condition[] }
  | { kind: 'not'; of: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('severity'), in: z.array(severitySchema).min(1) }),
    z.object({ kind: z.literal('plan'), in: z.array(planTierSchema).min(1) }),
    z.object({
      kind: z.literal('field'),
      field: fieldRefSchema,
      op: z.enum(['set', 'unset', 'eq', 'neq', 'in', 'lt', 'lte', 'gt', 'gte', 'includes']),
      value: z.union([scalarSchema, z.array(z.union([z.string(), z.number()]))]).optional(),
    }),
    z.object({
      kind: z.literal('step'),
      stepId: idSchema,
      is: z.array(z.enum(['pending', 'done', 'skipped', 'not-applicable'])).min(1),
    }),
    z.object({ kind: z.literal('all'), of: z.array(conditionSchema).min(1) }),
    z.object({ kind: z.literal('any'), of: z.array(conditionSchema).min(1) }),
    z.object({ kind: z.literal('not'), of: conditionSchema }),
  ]),
);

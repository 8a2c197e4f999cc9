/** What every part of a condition form reads: the template's catalog and what this condition may refer to. */
import type { ConditionCatalog } from '../../../lib/workflow/condition-form/catalog';
import type { ConditionScope } from '../../../lib/workflow/condition-form/sites';

export interface ConditionShared {
  catalog: ConditionCatalog;
  scope: ConditionScope;
}

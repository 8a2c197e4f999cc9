import {
  getActiveTemplate,
  getTemplate,
  listTemplates,
  resetTemplate,
  saveTemplate,
} from '../db/repo/templates';
import type { DomainHandlers } from './context';

export const templateHandlers = {
  'template.getActive': async (_request, ctx) => ({
    template: await getActiveTemplate(ctx.db, ctx.now()),
  }),
  'template.list': async (_request, ctx) => ({ items: await listTemplates(ctx.db, ctx.now()) }),
  'template.get': async ({ id, version }, ctx) => ({
    template: await getTemplate(ctx.db, id, version),
  }),
  // Runs stay on their version, so no run changes; views learn of new
  // versions when they next open a run or list templates.
  'template.save': async ({ template }, ctx) => saveTemplate(ctx.db, template, ctx.now()),
  'template.reset': async (_request, ctx) => resetTemplate(ctx.db, ctx.now()),
} satisfies DomainHandlers<
  'template.getActive' | 'template.list' | 'template.get' | 'template.save' | 'template.reset'
>;

/** The workflow engine's public surface. */
export * from './schema';
export type * from './view';
export * from './errors';
export * from './conditions';
export * from './validate';
export * from './derive';
export * from './engine';
export * from './versioning';
export * from './messages';
export * from './export';
export * from './default-template';

export const CONTENT_SCRIPT_BUDGET_KB: number;
export const BUILDS: { name: string; dir: string }[];
export function measureContentScripts(
  root: string,
  dir: string,
): { file: string; raw: number; gzip: number; hasZod: boolean }[] | undefined;
export function measureSanitizerFrame(
  root: string,
  dir: string,
): { page: number; worker: number } | undefined;
export function contentScriptProblems(root: string): string[];
export function printContentScriptSizes(root: string): void;

/**
 * Human-readable validation problems with JSON paths, shared by settings
 * import, template import and the options page.
 */
import type { z } from 'zod';

export interface Problem {
  /** JSON path into the checked document, e.g. `$.agent.email` or `$.templates[0].sections[2]`. */
  path: string;
  message: string;
}

export function jsonPath(path: ReadonlyArray<PropertyKey>, root = '$'): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += `.${key}`;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Flatten zod issues (including union branches) into problems under `root`. */
export function problemsFromZod(error: z.ZodError, root = '$'): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    problems.push({ path: jsonPath(issue.path, root), message: describeIssue(issue) });
  }
  return dedupe(problems);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected}${issue.input === undefined ? ' (missing)' : `, got ${typeName(issue.input)}`}`;
    case 'unrecognized_keys':
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return issue.message;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

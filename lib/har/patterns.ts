/** Value shapes (JWT, AWS, Stripe, …) found anywhere in a string, by the rules' patterns. */
import type { Redactor } from './redactor';

export function scrubPatterns(text: string, r: Redactor): string {
  const any = r.compiled.anyPattern;
  if (any && !any.some((re) => re.test(text))) return text;
  let out = text;
  for (const p of r.compiled.patterns) {
    p.re.lastIndex = 0;
    if (!p.re.test(out)) continue;
    p.re.lastIndex = 0;
    out = out.replace(p.re, (...args: unknown[]) => {
      const match = args[0] as string;
      if (p.group === 0) return r.redact(match, p.kind);
      const secret = args[p.group] as string | undefined;
      if (!secret) return match;
      const at = match.lastIndexOf(secret);
      return match.slice(0, at) + r.redact(secret, p.kind) + match.slice(at + secret.length);
    });
  }
  return out;
}

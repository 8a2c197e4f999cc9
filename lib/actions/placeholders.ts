/**
 * The `{{placeholders}}` a drafted text still has, and filling them from what
 * the agent types into the preview. Nothing with a placeholder left may be
 * inserted or copied: the preview asks for each one by name. Pure and small
 * (the panel imports it into the content script).
 */

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_.\-/]+)\s*\}\}/g;

/** `{{name}}` placeholders still in a text, in order, once each. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] ?? ''))].filter(Boolean);
}

/** Replace the placeholders that have a non-blank value; the rest stay, and are reported. */
export function fillGaps(
  text: string,
  values: Readonly<Record<string, string | undefined>>,
): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name]?.trim();
    if (value) return value;
    if (!missing.includes(name)) missing.push(name);
    return whole;
  });
  return { text: filled, missing };
}

/** What the preview's field for a placeholder is called, in the agent's words. */
const PROMPTS: Record<string, string> = {
  'agent.name': 'Your name (signature)',
  update: 'What changed since the last update',
  eta: 'Next update or ETA',
};

export function placeholderPrompt(name: string): string {
  const known = PROMPTS[name];
  if (known) return known;
  // `fix-shipped.release-tag` → "Release tag (fix shipped)".
  const parts = name.split('.');
  const last = (parts.pop() ?? name).replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
  const sentence = last.charAt(0).toUpperCase() + last.slice(1).toLowerCase();
  return parts.length > 0 ? `${sentence} (${parts.join(' ').replace(/[-_]+/g, ' ')})` : sentence;
}

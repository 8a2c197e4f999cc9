/**
 * HTML and XML. Inputs and meta tags with a secret's name (and password
 * inputs by type) lose their value; an element whose name is a secret's
 * loses its text; every other leaf element's text is walked as a layer of
 * its own (entities decoded, re-encoded when changed): an echoed canonical
 * request, a hex dump of a string-to-sign, a base64 blob. Element names and
 * the text of codes and messages stay.
 */
import type { Redactor } from './redactor';
import { scrubText } from './text';

const TAG_RE = /<(input|meta|param)\b[^>]*>/gi;
const ATTR_RE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g;
const ELEMENT_RE = /<([A-Za-z_][\w:.-]*)(\s[^<>]*)?>([^<]+)<\/\1\s*>/g;
/** Leaf text of these is code or style, not data: walking it element by element costs and finds nothing new. */
const SKIP_ELEMENTS =
  /^(?:script|style|p|span|a|li|td|th|h[1-6]|title|b|i|em|strong|button|label|option)$/i;

export function scrubMarkup(text: string, r: Redactor, depth = 0): string {
  let out = text;
  if (/<(?:input|meta|param)\b/i.test(out)) out = out.replace(TAG_RE, (tag) => scrubTag(tag, r));
  ELEMENT_RE.lastIndex = 0;
  out = out.replace(
    ELEMENT_RE,
    (element, tag: string, attrs: string | undefined, content: string) => {
      const local = tag.includes(':') ? tag.slice(tag.lastIndexOf(':') + 1) : tag;
      const trimmed = content.trim();
      if (trimmed === '') return element;
      const hit = r.compiled.classify(local, 'json');
      if (hit && (!hit.weak || r.compiled.isHighEntropy(trimmed))) {
        return `<${tag}${attrs ?? ''}>${r.redact(trimmed, hit.kind, `<${local}>`)}</${tag}>`;
      }
      if (SKIP_ELEMENTS.test(local) || trimmed.length < 16) return element;
      const decoded = decodeEntities(content);
      r.path.push(`<${local}>`);
      const scrubbed = scrubText(decoded, r, '', depth + 1);
      r.path.pop();
      if (scrubbed === decoded) return element;
      return `<${tag}${attrs ?? ''}>${encodeEntities(scrubbed)}</${tag}>`;
    },
  );
  return out;
}

function scrubTag(tag: string, r: Redactor): string {
  let name: string | null = null;
  let password = false;
  ATTR_RE.lastIndex = 0;
  for (let m = ATTR_RE.exec(tag); m; m = ATTR_RE.exec(tag)) {
    const attr = m[1]!.toLowerCase();
    const value = m[2] ?? m[3] ?? m[4] ?? null;
    if (attr === 'name' || attr === 'id' || attr === 'property' || attr === 'itemprop') {
      name ??= value;
    }
    if (attr === 'type' && value?.toLowerCase() === 'password') password = true;
  }
  // A password field is a password whatever its name.
  const hit = password
    ? { kind: 'password', weak: false }
    : name === null
      ? null
      : r.compiled.classify(name, 'form');
  if (!hit) return tag;
  return tag.replace(
    ATTR_RE,
    (attrText, attrName: string, dq?: string, sq?: string, bare?: string) => {
      const a = attrName.toLowerCase();
      if (a !== 'value' && a !== 'content') return attrText;
      const v = dq ?? sq ?? bare ?? '';
      if (hit.weak && !r.compiled.isHighEntropy(v)) return attrText;
      const marker = r.redact(decodeEntities(v), hit.kind, `<${name}>`);
      return `${attrName}="${marker}"`;
    },
  );
}

export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function encodeEntities(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

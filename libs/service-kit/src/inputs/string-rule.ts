import { badInput } from '../errors/errors';

export interface StringRule {
  /** Kept exactly as sent (passwords): trimming would silently change a credential. */
  verbatim?: boolean;
  /** May hold line breaks and tabs (descriptions, reasons). */
  multiline?: boolean;
}

/** Every control character (Unicode Cc: C0, DEL, C1), NUL included. */
const CONTROL = /\p{Cc}/u;
/** The same, but line breaks and tabs pass. */
const CONTROL_BUT_LAYOUT = /(?![\t\n\r])\p{Cc}/u;
/** Half of a surrogate pair without its other half: not text, and the database refuses it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * The one rule for strings a client sends: trimmed, then no control characters, well-formed
 * Unicode (a lone surrogate cannot be stored). A refusal names the field and never
 * repeats the value, which may be a password.
 */
export function cleanString(value: string, field: string, rule: StringRule = {}): string {
  // Trimmed first: a line break pasted at the end is layout, not content.
  const cleaned = rule.verbatim ? value : value.trim();
  if (LONE_SURROGATE.test(cleaned)) throw badInput(`${field} is not valid Unicode text`, field);
  if ((rule.multiline ? CONTROL_BUT_LAYOUT : CONTROL).test(cleaned)) {
    throw badInput(`${field} must not contain control characters`, field);
  }
  return cleaned;
}

/**
 * Strings anywhere inside a JSON input (a condition): values follow the string rule;
 * keys may not hold control characters either, and are not trimmed (they are names).
 */
export function cleanJson(value: unknown, field: string): unknown {
  if (typeof value === 'string') return cleanString(value, field);
  if (Array.isArray(value)) return value.map((item) => cleanJson(item, field));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      cleanString(key, field, { verbatim: true }),
      cleanJson(item, field),
    ]),
  );
}

/**
 * What an integer field keeps of what was typed: the digits, with full-width
 * ones (from a Chinese input method) made ASCII. Signs, thousands separators
 * and anything else are dropped: every whole number the desk types is >= 0.
 */
export function cleanInteger(typed: string): string {
  return typed.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, "");
}

/** The number a cleaned field holds, or null while it is empty. */
export function parseInteger(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : null;
}

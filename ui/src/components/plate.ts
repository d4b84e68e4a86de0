/** The 31 province abbreviations that start a mainland plate, in the usual order. */
export const PROVINCES = [..."京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"];
export const DEFAULT_PROVINCE = "京";

export interface PlateParts {
  province: string;
  rest: string;
}

/**
 * Cleans what was typed after the province: full-width letters and digits
 * (from a Chinese input method) become ASCII, letters are upper-cased, and
 * spaces and the separators people write (京A·12345, 京A-12345) are dropped.
 */
export function normalizeRest(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s·•・.\-]/g, "")
    .toUpperCase();
}

/**
 * Splits what was typed or pasted into the text part of the plate input. A
 * leading province character moves into the province picker; otherwise the
 * province stays as it was.
 */
export function splitPlate(typed: string, province: string): PlateParts {
  const text = typed.trim();
  const first = text.charAt(0);
  if (PROVINCES.includes(first)) {
    return { province: first, rest: normalizeRest(text.slice(1)) };
  }
  return { province, rest: normalizeRest(text) };
}

/** The plate as the core receives it: province + rest, or "" when no plate was typed. */
export function joinPlate({ province, rest }: PlateParts): string {
  return rest ? province + rest : "";
}

/**
 * What a decimal field keeps of what was typed: digits and one point, at most
 * two decimals; full-width digits and points (from a Chinese input method)
 * made ASCII. Signs, thousands separators and anything else are dropped.
 */
export function cleanDecimal(typed: string): string {
  const ascii = typed
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[。．\uFF0E]/g, ".")
    .replace(/[^\d.]/g, "");
  const point = ascii.indexOf(".");
  if (point < 0) return ascii;
  return ascii.slice(0, point + 1) + ascii.slice(point + 1).replace(/\./g, "").slice(0, 2);
}

/**
 * The number a cleaned field holds, × 100 as the core keeps it (hours and
 * quantities in hundredths, yuan in fen): `1.5` → 150, `.05` → 5, `12` → 1200.
 * Integer arithmetic only, so no fen is lost; null while nothing is typed.
 */
export function parseHundredths(text: string): number | null {
  const match = /^(\d*)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match || (match[1] === "" && !match[2])) return null;
  const whole = match[1] === "" ? 0 : Number(match[1]);
  const fraction = Number((match[2] ?? "").padEnd(2, "0"));
  return whole * 100 + fraction;
}

/**
 * Hundredths as a person types them: `150` → `1.5`, `200` → `2`, `5` → `0.05`;
 * with `fixed`, always two decimals as money is written: `1200` → `12.00`.
 */
export function formatHundredths(value: number, fixed = false): string {
  const sign = value < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(value));
  const whole = String(Math.floor(abs / 100));
  const fraction = String(abs % 100).padStart(2, "0");
  if (fixed) return `${sign}${whole}.${fraction}`;
  const trimmed = fraction.replace(/0+$/, "");
  return trimmed ? `${sign}${whole}.${trimmed}` : `${sign}${whole}`;
}

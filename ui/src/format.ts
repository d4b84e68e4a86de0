const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant from the core (RFC 3339, e.g. `2026-11-23T06:30:00Z`) as the
 * dealership reads it: `2026-11-23 14:30` in its time zone. Anything that is
 * not a full instant (a plain date, a local time) is shown as it came.
 */
export function formatInstant(value: string, timeZone: string): string {
  if (!INSTANT.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      })
        .formatToParts(date)
        .map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  } catch {
    return value; // unknown time zone
  }
}

/** Digits in groups of three: `12,345`. */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ",");
}

/** A whole number as people read it: `12,345`, `-1,200`. */
export function formatCount(value: number): string {
  const sign = value < 0 ? "-" : "";
  return sign + grouped(String(Math.abs(Math.trunc(value))));
}

/**
 * An amount in fen (the integer the core keeps) as money: `¥1,786.00`,
 * `-¥35.50`. Integer arithmetic only, so no cent is ever lost to rounding.
 */
export function formatMoney(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, "0");
  return `${sign}¥${grouped(String(yuan))}.${cents}`;
}

/**
 * A phone number with its middle hidden, as shown wherever the full number is
 * not needed: `138****8000`. Numbers too short to hide anything stay as they are.
 */
export function maskMobile(number: string): string {
  if (number.length < 8) return number;
  return number.slice(0, 3) + "*".repeat(number.length - 7) + number.slice(-4);
}

/** Today's date (`YYYY-MM-DD`) in the dealership's time zone. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return formatInstant(now.toISOString(), timeZone).slice(0, 10);
}

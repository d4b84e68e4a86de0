import type { WelcomeLine } from "../../api";

/** Rows a page of the lobby board shows, and how long each page stays. */
export const ROWS_PER_PAGE = 8;
export const PAGE_SECONDS = 10;
/** How often the board reads today's bookings again. */
export const REFRESH_SECONDS = 15;

export function pageCount(rows: number, perPage: number = ROWS_PER_PAGE): number {
  return Math.max(1, Math.ceil(rows / perPage));
}

/** The page after `page`, back to the first after the last. */
export function nextPage(page: number, pages: number): number {
  return pages <= 1 ? 0 : (page + 1) % pages;
}

/** `page` when it still exists after a refresh, else the first page. */
export function keepPage(page: number, pages: number): number {
  return page < pages ? page : 0;
}

export function pageLines<T>(lines: readonly T[], page: number, perPage: number = ROWS_PER_PAGE): T[] {
  return lines.slice(page * perPage, (page + 1) * perPage);
}

/**
 * A key that stays with a customer's row across refreshes, so a refresh updates
 * the row in place (an arrival turns its tag green) instead of redrawing the list.
 * The same plate may come twice a day: the time and the count tell them apart.
 */
export function lineKeys(lines: readonly WelcomeLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const base = `${line.time}|${line.plate}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return n === 0 ? base : `${base}|${n}`;
  });
}

/** The wall clock at the dealership: `14:30:05`, in its time zone (the local one if unknown). */
export function clockText(now: Date, timeZone: string | undefined): string {
  const options: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" };
  try {
    return new Intl.DateTimeFormat("en-GB", { ...options, timeZone }).format(now);
  } catch {
    return new Intl.DateTimeFormat("en-GB", options).format(now);
  }
}

/** 2026-11-23 as the board's header says it: 2026年11月23日 星期一 / Monday, 23 November 2026. */
export function dayText(day: string, locale: string): string {
  const [y, m, d] = day.split("-").map(Number);
  if (!y || !m || !d) return day;
  const date = new Date(Date.UTC(y, m - 1, d));
  return new Intl.DateTimeFormat(locale, { timeZone: "UTC", year: "numeric", month: "long", day: "numeric", weekday: "long" }).format(date);
}

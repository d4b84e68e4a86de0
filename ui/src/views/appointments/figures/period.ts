import type { Ratio } from "../../../api";

export type PeriodPreset = "week" | "month" | "custom";

/** A period of days, both ends included, as `YYYY-MM-DD`. */
export interface Period {
  from: string;
  to: string;
}

function parse(day: string): Date {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

function format(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `days` after `day` (before it when negative). */
export function addDays(day: string, days: number): string {
  return format(new Date(parse(day).getTime() + days * 86_400_000));
}

/** The week of `today` (Monday to Sunday, as Chinese calendars count weeks). */
export function weekOf(today: string): Period {
  const monday = addDays(today, -((parse(today).getUTCDay() + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}

/** The calendar month of `today`, first to last day. */
export function monthOf(today: string): Period {
  const date = parse(today);
  const first = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1));
  const last = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 0));
  return { from: format(first), to: format(last) };
}

/** The period a preset stands for; `custom` keeps the range picked (or this month until one is). */
export function periodFor(preset: PeriodPreset, today: string, custom: [string, string] | null = null): Period {
  if (preset === "week") return weekOf(today);
  if (preset === "custom" && custom) return { from: custom[0], to: custom[1] };
  return monthOf(today);
}

/** A share as the cards show it: `87.5%`, or null when nothing was counted (shown as —). */
export function percentText(ratio: Pick<Ratio, "percent">): string | null {
  return ratio.percent === null ? null : `${ratio.percent.toFixed(1)}%`;
}

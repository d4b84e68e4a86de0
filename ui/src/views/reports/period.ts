import { addDays, monthOf, weekOf, type Period } from "../appointments/figures/period";

/** The dashboard's quick picks, and a range picked by hand. */
export type ReportPreset = "week" | "month" | "lastMonth" | "last30" | "custom";
export const QUICK_PICKS: readonly Exclude<ReportPreset, "custom">[] = ["week", "month", "lastMonth", "last30"];

/**
 * The days a preset stands for. This week and this month run to today, not to
 * their last day: days still to come would only thin out the per-day figures.
 * `custom` keeps the range picked (this month until one is).
 */
export function reportPeriod(preset: ReportPreset, today: string, custom: Period | null = null): Period {
  switch (preset) {
    case "week":
      return { from: weekOf(today).from, to: today };
    case "lastMonth":
      return monthOf(addDays(monthOf(today).from, -1));
    case "last30":
      return { from: addDays(today, -29), to: today };
    case "custom":
      if (custom) return custom;
  }
  return { from: monthOf(today).from, to: today };
}

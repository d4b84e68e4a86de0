import { describe, expect, it } from "vitest";
import { reportPeriod } from "./period";

describe("reportPeriod", () => {
  it("runs this week and this month up to today", () => {
    expect(reportPeriod("week", "2026-11-25")).toEqual({ from: "2026-11-23", to: "2026-11-25" });
    expect(reportPeriod("month", "2026-11-25")).toEqual({ from: "2026-11-01", to: "2026-11-25" });
  });

  it("takes the whole of last month, across the year and in a leap February", () => {
    expect(reportPeriod("lastMonth", "2026-11-25")).toEqual({ from: "2026-10-01", to: "2026-10-31" });
    expect(reportPeriod("lastMonth", "2027-01-01")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
    expect(reportPeriod("lastMonth", "2028-03-31")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
  });

  it("counts the last 30 days with today", () => {
    expect(reportPeriod("last30", "2026-11-25")).toEqual({ from: "2026-10-27", to: "2026-11-25" });
  });

  it("keeps a range picked by hand, this month until there is one", () => {
    const picked = { from: "2026-01-01", to: "2026-06-30" };
    expect(reportPeriod("custom", "2026-11-25", picked)).toEqual(picked);
    expect(reportPeriod("custom", "2026-11-25")).toEqual({ from: "2026-11-01", to: "2026-11-25" });
  });
});

import { describe, expect, it } from "vitest";
import { addDays, monthOf, percentText, periodFor, weekOf } from "./period";

describe("weekOf", () => {
  it("runs Monday to Sunday", () => {
    expect(weekOf("2026-11-23")).toEqual({ from: "2026-11-23", to: "2026-11-29" }); // a Monday
    expect(weekOf("2026-11-29")).toEqual({ from: "2026-11-23", to: "2026-11-29" }); // a Sunday
    expect(weekOf("2026-12-02")).toEqual({ from: "2026-11-30", to: "2026-12-06" });
  });

  it("crosses the year", () => {
    expect(weekOf("2027-01-01")).toEqual({ from: "2026-12-28", to: "2027-01-03" });
  });
});

describe("monthOf", () => {
  it("runs from the first to the last day, leap years included", () => {
    expect(monthOf("2026-11-23")).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(monthOf("2028-02-10")).toEqual({ from: "2028-02-01", to: "2028-02-29" });
    expect(monthOf("2026-12-31")).toEqual({ from: "2026-12-01", to: "2026-12-31" });
  });
});

describe("periodFor", () => {
  it("defaults a custom period without a range to this month", () => {
    expect(periodFor("custom", "2026-11-23")).toEqual(monthOf("2026-11-23"));
    expect(periodFor("custom", "2026-11-23", ["2026-01-01", "2026-06-30"])).toEqual({ from: "2026-01-01", to: "2026-06-30" });
    expect(periodFor("week", "2026-11-25")).toEqual(weekOf("2026-11-25"));
    expect(periodFor("month", "2026-11-25")).toEqual(monthOf("2026-11-25"));
  });
});

describe("percentText", () => {
  it("shows one decimal, and nothing when nothing was counted", () => {
    expect(percentText({ percent: 87.5 })).toBe("87.5%");
    expect(percentText({ percent: 100 })).toBe("100.0%");
    expect(percentText({ percent: null })).toBeNull();
  });
});

describe("addDays", () => {
  it("moves across months and years both ways", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
  });
});

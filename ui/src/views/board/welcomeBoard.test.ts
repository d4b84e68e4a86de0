import { describe, expect, it } from "vitest";
import type { WelcomeLine } from "../../api";
import { clockText, dayText, keepPage, lineKeys, nextPage, pageCount, pageLines } from "./welcomeBoard";

function line(time: string, plate: string): WelcomeLine {
  return { time, greeting: "王先生", plate, advisor: "李娜", arrived: false };
}

describe("paging", () => {
  it("shows one page for up to eight rows, and an empty board as one page", () => {
    expect(pageCount(0)).toBe(1);
    expect(pageCount(8)).toBe(1);
    expect(pageCount(9)).toBe(2);
    expect(pageCount(17)).toBe(3);
  });

  it("cycles through the pages and stays put on a single page", () => {
    expect(nextPage(0, 3)).toBe(1);
    expect(nextPage(2, 3)).toBe(0);
    expect(nextPage(0, 1)).toBe(0);
  });

  it("falls back to the first page when a refresh leaves fewer pages", () => {
    expect(keepPage(2, 3)).toBe(2);
    expect(keepPage(2, 2)).toBe(0);
  });

  it("slices the rows of a page", () => {
    const lines = Array.from({ length: 10 }, (_, i) => i);
    expect(pageLines(lines, 0)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(pageLines(lines, 1)).toEqual([8, 9]);
  });
});

describe("lineKeys", () => {
  it("keeps a key per row that survives a refresh, twice-booked plates included", () => {
    const lines = [line("09:00", "京A12345"), line("", "京B00001"), line("09:00", "京A12345")];
    expect(lineKeys(lines)).toEqual(["09:00|京A12345", "|京B00001", "09:00|京A12345|1"]);
  });
});

describe("clock and day", () => {
  it("tells the time in the dealership's zone", () => {
    expect(clockText(new Date("2026-11-23T06:30:05Z"), "Asia/Shanghai")).toBe("14:30:05");
  });

  it("survives an unknown zone", () => {
    expect(clockText(new Date("2026-11-23T06:30:05Z"), "Nowhere/Town")).toMatch(/^\d\d:\d\d:\d\d$/);
  });

  it("names the day with its weekday", () => {
    expect(dayText("2026-11-23", "zh-CN")).toBe("2026年11月23日星期一");
    expect(dayText("2026-11-23", "en")).toContain("Monday");
    expect(dayText("oops", "en")).toBe("oops");
  });
});

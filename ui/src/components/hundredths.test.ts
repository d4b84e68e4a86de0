import { describe, expect, it } from "vitest";
import { cleanDecimal, formatHundredths, parseHundredths } from "./hundredths";

describe("cleanDecimal", () => {
  it("keeps digits and one point with at most two decimals", () => {
    expect(cleanDecimal("12.345")).toBe("12.34");
    expect(cleanDecimal("1.2.3")).toBe("1.23");
    expect(cleanDecimal("¥1,234.5")).toBe("1234.5");
    expect(cleanDecimal("-3")).toBe("3");
  });
  it("makes full-width digits and points ASCII", () => {
    expect(cleanDecimal("１２。５")).toBe("12.5");
    expect(cleanDecimal("３．０５")).toBe("3.05");
  });
});

describe("parseHundredths", () => {
  it("reads a decimal as hundredths without losing a fen", () => {
    expect(parseHundredths("1.5")).toBe(150);
    expect(parseHundredths("0.05")).toBe(5);
    expect(parseHundredths(".5")).toBe(50);
    expect(parseHundredths("12")).toBe(1200);
    expect(parseHundredths("12.")).toBe(1200);
    expect(parseHundredths("1786.29")).toBe(178629);
  });
  it("is null while nothing is typed", () => {
    expect(parseHundredths("")).toBeNull();
    expect(parseHundredths(".")).toBeNull();
  });
});

describe("formatHundredths", () => {
  it("writes hours and quantities without trailing zeros", () => {
    expect(formatHundredths(150)).toBe("1.5");
    expect(formatHundredths(200)).toBe("2");
    expect(formatHundredths(25)).toBe("0.25");
  });
  it("writes money with two decimals when fixed", () => {
    expect(formatHundredths(1200, true)).toBe("12.00");
    expect(formatHundredths(5, true)).toBe("0.05");
  });
  it("reads back what it writes", () => {
    for (const value of [0, 1, 99, 100, 12345, 178629]) {
      expect(parseHundredths(formatHundredths(value))).toBe(value);
      expect(parseHundredths(formatHundredths(value, true))).toBe(value);
    }
  });
});

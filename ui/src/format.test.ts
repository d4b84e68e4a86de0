import { describe, expect, it } from "vitest";
import { formatCount, formatInstant, formatMoney, maskMobile, todayIn } from "./format";

describe("formatInstant", () => {
  it("shows a UTC instant in the dealership's time zone", () => {
    expect(formatInstant("2026-11-23T06:30:00Z", "Asia/Shanghai")).toBe("2026-11-23 14:30");
  });

  it("crosses midnight into the next local day", () => {
    expect(formatInstant("2026-11-23T17:05:59.123Z", "Asia/Shanghai")).toBe("2026-11-24 01:05");
  });

  it("honours an explicit offset", () => {
    expect(formatInstant("2026-11-23T14:30:00+08:00", "Asia/Urumqi")).toBe("2026-11-23 12:30");
  });

  it("leaves a plain date or local time as it came", () => {
    expect(formatInstant("2026-11-23", "Asia/Shanghai")).toBe("2026-11-23");
    expect(formatInstant("2026-11-23 14:30", "Asia/Shanghai")).toBe("2026-11-23 14:30");
  });

  it("leaves the value alone for an unknown time zone", () => {
    expect(formatInstant("2026-11-23T06:30:00Z", "Mars/Olympus")).toBe("2026-11-23T06:30:00Z");
  });
});

describe("formatMoney", () => {
  it("shows fen as yuan with grouped thousands and two decimals", () => {
    expect(formatMoney(178600)).toBe("¥1,786.00");
    expect(formatMoney(123456789)).toBe("¥1,234,567.89");
    expect(formatMoney(5)).toBe("¥0.05");
    expect(formatMoney(0)).toBe("¥0.00");
  });

  it("puts the sign before the currency", () => {
    expect(formatMoney(-3550)).toBe("-¥35.50");
  });

  it("keeps every fen of a large amount", () => {
    expect(formatMoney(900719925474099)).toBe("¥9,007,199,254,740.99");
  });
});

describe("formatCount", () => {
  it("groups thousands", () => {
    expect(formatCount(12345)).toBe("12,345");
    expect(formatCount(999)).toBe("999");
    expect(formatCount(-1200)).toBe("-1,200");
  });
});

describe("maskMobile", () => {
  it("hides the middle four digits of a mobile", () => {
    expect(maskMobile("13812348000")).toBe("138****8000");
  });

  it("hides the middle of a longer landline", () => {
    expect(maskMobile("01065432100")).toBe("010****2100");
    expect(maskMobile("057188886666")).toBe("057*****6666");
  });

  it("leaves a number too short to hide anything alone", () => {
    expect(maskMobile("6543210")).toBe("6543210");
    expect(maskMobile("")).toBe("");
  });
});

describe("todayIn", () => {
  it("is the date at the dealership, not in UTC", () => {
    expect(todayIn("Asia/Shanghai", new Date("2026-11-23T17:30:00Z"))).toBe("2026-11-24");
    expect(todayIn("Asia/Shanghai", new Date("2026-11-23T15:30:00Z"))).toBe("2026-11-23");
  });
});

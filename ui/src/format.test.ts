import { describe, expect, it } from "vitest";
import { formatInstant } from "./format";

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

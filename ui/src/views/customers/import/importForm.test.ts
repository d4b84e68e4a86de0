import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../../api";
import { assignColumn, importOutcome, progressPercent, rejectedColumn, rejectedReason } from "./importForm";

describe("assignColumn", () => {
  it("reads a header as the column picked", () => {
    expect(assignColumn(["name", null, "mobile"], 1, "plate")).toEqual(["name", "plate", "mobile"]);
  });

  it("takes the column away from the header that had it", () => {
    expect(assignColumn(["name", "mobile", null], 2, "mobile")).toEqual(["name", null, "mobile"]);
  });

  it("stops importing a header, leaving the others alone", () => {
    expect(assignColumn(["name", null, "mobile"], 2, null)).toEqual(["name", null, null]);
  });
});

describe("rejectedColumn", () => {
  it("names the spreadsheet column a refused field came from", () => {
    expect(rejectedColumn("mobile")).toBe("mobile");
    expect(rejectedColumn("otherPhones")).toBe("phone");
    expect(rejectedColumn("employer")).toBe("company");
    expect(rejectedColumn("birthday")).toBe("birthday");
  });

  it("has no column for a field no column feeds", () => {
    expect(rejectedColumn("modelYear")).toBeNull();
    expect(rejectedColumn("")).toBeNull();
  });
});

describe("rejectedReason", () => {
  const row = { row: 2, field: "mobile", code: "validation", message: "手机号码格式不对", messageEn: "The mobile number is not valid" };

  it("gives the reason in the asked language", () => {
    expect(rejectedReason(row, "zh-CN")).toBe("手机号码格式不对");
    expect(rejectedReason(row, "en")).toBe("The mobile number is not valid");
  });

  it("falls back to Chinese when the English is missing", () => {
    expect(rejectedReason({ ...row, messageEn: "" }, "en")).toBe("手机号码格式不对");
  });
});

describe("importOutcome", () => {
  const report = (imported: boolean, rejected: number): ImportReport => ({
    accepted: 10,
    duplicates: 0,
    imported,
    rejectedReport: null,
    rejected: Array.from({ length: rejected }, (_, i) => ({ row: i + 2, field: "mobile", code: "validation", message: "…", messageEn: "…" })),
  });

  it("says a dry run wrote nothing, rejected rows or not", () => {
    expect(importOutcome(report(false, 0), true)).toBe("checked");
    expect(importOutcome(report(false, 3), true)).toBe("checked");
  });

  it("tells a whole import from one that left the rejected rows out", () => {
    expect(importOutcome(report(true, 0), false)).toBe("imported");
    expect(importOutcome(report(true, 3), false)).toBe("partial");
  });

  it("says when rejected rows stopped the whole file", () => {
    expect(importOutcome(report(false, 3), false)).toBe("refused");
  });
});

describe("progressPercent", () => {
  it("rounds to whole percent", () => {
    expect(progressPercent(12_000, 50_000)).toBe(24);
    expect(progressPercent(1, 3)).toBe(33);
  });

  it("is 0 while the total is unknown", () => {
    expect(progressPercent(0, 0)).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { columnWidths, numericCell } from "./rows";

describe("numericCell", () => {
  it("groups a number and keeps its decimals", () => {
    expect(numericCell("1234.50")).toBe("1,234.50");
    expect(numericCell("12")).toBe("12");
    expect(numericCell("-35.5")).toBe("-35.5");
  });

  it("leaves anything else as it came", () => {
    expect(numericCell("")).toBe("");
    expect(numericCell("1.2.3")).toBe("1.2.3");
  });
});

describe("columnWidths", () => {
  const table = {
    title: { "zh-CN": "结算工单", en: "Settled orders" },
    columns: [
      { title: { "zh-CN": "工单号", en: "Work order" }, numeric: false },
      { title: { "zh-CN": "客户", en: "Customer" }, numeric: false },
      { title: { "zh-CN": "备注", en: "Remarks" }, numeric: false },
    ],
    rows: [
      ["WO20261101-0001", "黄强", "x".repeat(200)],
      ["WO20261101-0002", "欧阳明月", ""],
    ],
  };

  it("fits the widest cell of each column, a Chinese character twice a digit", () => {
    const [number, name] = columnWidths(table);
    expect(number).toBeGreaterThanOrEqual(15 * 7.5);
    expect(name).toBeGreaterThanOrEqual(4 * 14);
    expect(name).toBeLessThan(number!);
  });

  it("keeps a long text column within reason, and a short one wide enough to read", () => {
    const [, , remarks] = columnWidths(table);
    expect(remarks).toBe(320);
    expect(columnWidths({ ...table, rows: [] })[1]).toBe(64);
  });
});

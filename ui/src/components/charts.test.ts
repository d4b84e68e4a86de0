import { describe, expect, it } from "vitest";
import { barOption, donutOption, ringOption, slicesOf, type Slice } from "./charts";

const yuan = (fen: number) => `¥${fen / 100}`;

/** The one series of an option, as a plain object. */
function series(option: ReturnType<typeof donutOption>): Record<string, unknown> {
  const all = option.series as Record<string, unknown>[];
  expect(all).toHaveLength(1);
  return all[0]!;
}

describe("slicesOf", () => {
  it("names the rows and leaves out the empty ones", () => {
    const rows = [
      { grade: "A", count: 3 },
      { grade: "", count: 5 },
      { grade: "B", count: 0 },
    ];
    expect(slicesOf(rows, (r) => r.grade || "未分级", (r) => r.count)).toEqual([
      { name: "A", value: 3 },
      { name: "未分级", value: 5 },
    ]);
  });
});

describe("slicesOf with colours", () => {
  it("gives each slice its row's colour", () => {
    expect(slicesOf([{ grade: "A", count: 2 }], (r) => r.grade, (r) => r.count, () => "#e6a23c")).toEqual([{ name: "A", value: 2, color: "#e6a23c" }]);
  });
});

describe("donutOption", () => {
  const slices: Slice[] = [
    { name: "工时费", value: 120_000 },
    { name: "配件费", value: 80_000 },
  ];

  it("draws every slice and labels it with its formatted value", () => {
    const pie = series(donutOption(slices, yuan));
    expect(pie.type).toBe("pie");
    expect(pie.data).toEqual(slices.map((s) => ({ ...s, itemStyle: undefined })));
    const label = pie.label as { formatter: (p: { name: string; value: number }) => string };
    expect(label.formatter({ name: "工时费", value: 120_000 })).toBe("工时费\n¥1200");
  });

  it("keeps a slice's own colour", () => {
    const pie = series(donutOption([{ name: "A 级", value: 3, color: "#e6a23c" }], String));
    expect(pie.data).toEqual([{ name: "A 级", value: 3, itemStyle: { color: "#e6a23c" } }]);
  });

  it("says the share in the tooltip", () => {
    const tooltip = donutOption(slices, yuan).tooltip as { formatter: (p: unknown) => string };
    expect(tooltip.formatter({ name: "配件费", value: 80_000, percent: 40 })).toBe("配件费: ¥800 (40%)");
  });
});

describe("barOption", () => {
  const bars: Slice[] = [
    { name: "维修质量", value: 4 },
    { name: "价格", value: 1 },
  ];

  it("puts the names on the category axis and the values on the bars", () => {
    const option = barOption(bars, String);
    expect(option.xAxis).toMatchObject({ type: "category", data: ["维修质量", "价格"] });
    expect(option.yAxis).toMatchObject({ type: "value" });
    expect(series(option).data).toEqual([4, 1]);
  });

  it("lays long names along the side, first on top, up to a maximum", () => {
    const option = barOption(bars, String, { horizontal: true, max: 10 });
    expect(option.yAxis).toMatchObject({ type: "category", inverse: true });
    expect(option.xAxis).toMatchObject({ type: "value", max: 10 });
  });

  it("leaves room beside the longest bar for its label", () => {
    const grid = (format: (v: number) => string) => barOption(bars, format, { horizontal: true }).grid as { right: number };
    expect(grid((v) => `¥${v},000.00`).right).toBeGreaterThan(grid(String).right);
  });

  it("labels the value axis with its own format when given", () => {
    const option = barOption(bars, yuan, { axisFormat: (v) => `${v}元` });
    const axis = option.yAxis as { axisLabel: { formatter: (v: number) => string } };
    expect(axis.axisLabel.formatter(5)).toBe("5元");
  });
});

describe("ringOption", () => {
  it("fills the ring to the percent, and leaves it empty when nothing was counted", () => {
    const data = (percent: number | null) => (series(ringOption(percent)).data as { value: number }[])[0]!.value;
    expect(data(92.3)).toBe(92.3);
    expect(data(null)).toBe(0);
  });
});

import type {
  BarSeriesOption,
  ComposeOption,
  DefaultLabelFormatterCallbackParams,
  GaugeSeriesOption,
  GridComponentOption,
  PieSeriesOption,
  TooltipComponentOption,
} from "echarts";

/** What the charts are made of: the parts echarts.ts registers. */
export type ChartOption = ComposeOption<
  BarSeriesOption | GaugeSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption
>;

/** One slice of a whole, or one bar: its name in the UI language, its value, and a colour where it has its own (a grade's). */
export interface Slice {
  name: string;
  value: number;
  color?: string;
}

/** The slices worth drawing: a slice of nothing would only crowd the labels. */
export function slicesOf<T>(
  rows: readonly T[],
  name: (row: T) => string,
  value: (row: T) => number,
  color?: (row: T) => string | undefined,
): Slice[] {
  return rows
    .map((row) => ({ name: name(row), value: value(row), ...(color ? { color: color(row) } : {}) }))
    .filter((slice) => slice.value > 0);
}

type Params = DefaultLabelFormatterCallbackParams | DefaultLabelFormatterCallbackParams[];

function first(params: Params): DefaultLabelFormatterCallbackParams | undefined {
  return Array.isArray(params) ? params[0] : params;
}

/** A donut of shares, each slice labelled with its name and `format`ted value. */
export function donutOption(slices: readonly Slice[], format: (value: number) => string): ChartOption {
  return {
    tooltip: {
      trigger: "item",
      formatter: (params) => {
        const p = first(params as Params);
        return p ? `${p.name}: ${format(Number(p.value))} (${p.percent ?? 0}%)` : "";
      },
    },
    series: [
      {
        type: "pie",
        radius: ["40%", "66%"],
        center: ["50%", "50%"],
        avoidLabelOverlap: true,
        label: { formatter: (p) => `${p.name}\n${format(Number(p.value))}`, lineHeight: 16 },
        data: slices.map(({ name, value, color }) => ({ name, value, itemStyle: color ? { color } : undefined })),
      },
    ],
  };
}

export interface BarOptions {
  /** Bars along the side, for long names. */
  horizontal?: boolean;
  /** The end of the value axis (a 1–10 score ends at 10). */
  max?: number;
  /** How the value axis labels its steps, when shorter than the bars' own labels. */
  axisFormat?: (value: number) => string;
}

/** Bars of values, each labelled with its `format`ted value. */
export function barOption(bars: readonly Slice[], format: (value: number) => string, options: BarOptions = {}): ChartOption {
  const { horizontal = false, max, axisFormat = format } = options;
  // Room at the end of the longest bar for its label (about 7 px a character at 12 px).
  const labelRoom = Math.max(0, ...bars.map((bar) => format(bar.value).length)) * 7 + 12;
  const category = {
    type: "category" as const,
    data: bars.map((bar) => bar.name),
    axisTick: { show: false },
    axisLabel: { interval: 0, hideOverlap: false },
    inverse: horizontal, // the first bar on top, as it reads
  };
  const value = { type: "value" as const, max, minInterval: 1, axisLabel: { formatter: (v: number) => axisFormat(v) } };
  return {
    grid: { left: 8, right: horizontal ? labelRoom : 16, top: 24, bottom: 8 },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v) => format(Number(v)) },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? category : value,
    series: [
      {
        type: "bar",
        barMaxWidth: 28,
        data: bars.map((bar) => bar.value),
        label: { show: true, position: horizontal ? "right" : "top", formatter: (p) => format(Number(p.value)) },
      },
    ],
  };
}

/** A ring filled to a percentage (empty when nothing was counted); the figure's text says the number. */
export function ringOption(percent: number | null): ChartOption {
  const width = 7;
  return {
    series: [
      {
        type: "gauge",
        startAngle: 90,
        endAngle: -270,
        min: 0,
        max: 100,
        radius: "88%",
        pointer: { show: false },
        progress: { show: true, roundCap: true, width },
        axisLine: { lineStyle: { width } },
        splitLine: { show: false },
        axisTick: { show: false },
        axisLabel: { show: false },
        title: { show: false },
        detail: { show: false },
        silent: true,
        data: [{ value: percent ?? 0 }],
      },
    ],
  };
}

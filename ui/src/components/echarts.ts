import { init, use } from "echarts/core";
import { BarChart, GaugeChart, PieChart } from "echarts/charts";
import { GridComponent, TooltipComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";

// The parts of ECharts the charts are built from (see ChartOption); drawn on a canvas, as every webview draws it alike.
use([BarChart, GaugeChart, PieChart, GridComponent, TooltipComponent, CanvasRenderer]);

export { init };

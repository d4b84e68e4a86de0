import type { OrderStatus } from "../../api";

/** Every status in the order the work goes through them (cancelled last). */
export const ORDER_STATUSES: readonly OrderStatus[] = [
  "draft",
  "awaiting_signature",
  "open",
  "dispatched",
  "in_progress",
  "awaiting_qc",
  "rework",
  "passed_qc",
  "washing",
  "ready",
  "settled",
  "exited",
  "cancelled",
];

/**
 * The colour of each status: one per status, the same on every screen and on
 * the workshop board (待派工 grey, 施工中 blue, 待质检 orange, 返工 red,
 * 已完工 green, 已结算 teal, 已出厂 dark …). `bg`, `border` and `text` are
 * CSS colours; a board may use `text` as the accent on a dark background.
 */
export const ORDER_STATUS_COLOUR: Record<OrderStatus, { bg: string; border: string; text: string }> = {
  draft: { bg: "#ffffff", border: "#c0c4cc", text: "#606266" },
  awaiting_signature: { bg: "#f3e8fd", border: "#d4b0f5", text: "#7b3fc4" },
  open: { bg: "#f0f1f3", border: "#c8c9cc", text: "#4d5058" },
  dispatched: { bg: "#e6f4ff", border: "#91caff", text: "#0958d9" },
  in_progress: { bg: "#409eff", border: "#409eff", text: "#ffffff" },
  awaiting_qc: { bg: "#fdf0e0", border: "#f3c17d", text: "#b86200" },
  rework: { bg: "#fde8e8", border: "#f5a3a3", text: "#c62828" },
  passed_qc: { bg: "#eefbe6", border: "#b7e4a0", text: "#3f8a17" },
  washing: { bg: "#e3f7fb", border: "#8fd8e8", text: "#0e7c93" },
  ready: { bg: "#67c23a", border: "#67c23a", text: "#ffffff" },
  settled: { bg: "#e0f5f1", border: "#7fd0c0", text: "#0b7a66" },
  exited: { bg: "#303133", border: "#303133", text: "#ffffff" },
  cancelled: { bg: "#f5f5f5", border: "#e4e4e4", text: "#a0a0a0" },
};

import type { BoardCard, OrderHistoryLine, OrderStatus, StaffMember, WorkshopLine } from "../../api";

/** How often the job-status board asks the core again: a change anywhere shows within 2 s. */
export const BOARD_REFRESH_SECONDS = 1;

/**
 * The columns of the job-status board (作业管理目视板), left to right as a car
 * goes through the shop, and the statuses each one holds.
 */
export const BOARD_COLUMNS = [
  { key: "reception", statuses: ["draft", "awaiting_signature", "open"] },
  { key: "dispatched", statuses: ["dispatched"] },
  { key: "working", statuses: ["in_progress", "rework"] },
  { key: "qc", statuses: ["awaiting_qc"] },
  { key: "wash", statuses: ["passed_qc", "washing"] },
  { key: "ready", statuses: ["ready"] },
  { key: "settled", statuses: ["settled"] },
] as const satisfies readonly { key: string; statuses: readonly OrderStatus[] }[];

export type ColumnKey = (typeof BOARD_COLUMNS)[number]["key"];

export interface BoardColumn {
  key: ColumnKey;
  /** Whether the column holds more than one status: its cards then show theirs. */
  mixed: boolean;
  cards: BoardCard[];
}

/** The cards in their columns, each column in the order the core gave (earliest promise first). */
export function boardColumns(cards: readonly BoardCard[]): BoardColumn[] {
  return BOARD_COLUMNS.map((column) => ({
    key: column.key,
    mixed: column.statuses.length > 1,
    cards: cards.filter((card) => (column.statuses as readonly OrderStatus[]).includes(card.status)),
  }));
}

/**
 * The rework count a card shows: always on a car sent back, and while a reworked
 * car is worked and inspected again; null when there is nothing to say.
 */
export function reworkMark(card: Pick<BoardCard, "status" | "reworkCount">): number | null {
  if (card.status === "rework") return Math.max(card.reworkCount, 1);
  if ((card.status === "in_progress" || card.status === "awaiting_qc") && card.reworkCount > 0) return card.reworkCount;
  return null;
}

/** How many cars stand near or past their promised time. */
export function urgencyCounts(cards: readonly BoardCard[]): { soon: number; late: number } {
  return {
    soon: cards.filter((card) => card.urgency === "soon").length,
    late: cards.filter((card) => card.urgency === "late").length,
  };
}

/**
 * Minutes from `now` (the dealership's wall clock, `YYYY-MM-DD HH:MM`) to a
 * card's promised time (`HH:MM` today or `MM-DD HH:MM`): negative once it has
 * passed; null when either cannot be read. A promise without its year is taken
 * in the year that puts it nearest to now (a car promised 12-31 seen on 1 January).
 */
export function minutesToPromise(promised: string, now: string): number | null {
  const clock = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(now);
  if (!clock) return null;
  const [year, month, day, hour, minute] = clock.slice(1).map(Number) as [number, number, number, number, number];
  const nowMs = Date.UTC(year, month - 1, day, hour, minute);
  const today = /^(\d{2}):(\d{2})$/.exec(promised.trim());
  const dated = /^(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(promised.trim());
  let at: number;
  if (today) {
    at = Date.UTC(year, month - 1, day, Number(today[1]), Number(today[2]));
  } else if (dated) {
    const [m, d, h, min] = dated.slice(1).map(Number) as [number, number, number, number];
    const candidates = [year - 1, year, year + 1].map((y) => Date.UTC(y, m - 1, d, h, min));
    at = candidates.reduce((best, c) => (Math.abs(c - nowMs) < Math.abs(best - nowMs) ? c : best));
  } else {
    return null;
  }
  return Math.round((at - nowMs) / 60_000);
}

/**
 * A span of minutes in the locale's words (`workshop.duration.*`): `25 分钟`,
 * `1 小时`, `1 小时 5 分钟`; the sign is dropped (the sentence around says which way).
 */
export function durationText(total: number, t: (key: string, values: Record<string, number>) => string): string {
  const abs = Math.abs(Math.trunc(total));
  const hours = Math.floor(abs / 60);
  const minutes = abs % 60;
  if (hours === 0) return t("workshop.duration.minutes", { m: minutes });
  if (minutes === 0) return t("workshop.duration.hours", { h: hours });
  return t("workshop.duration.hoursMinutes", { h: hours, m: minutes });
}

/** Heights on the wall board, in the board's size unit: a full card, a short card (plate and time), the gap between. */
export const WALL_CARD_UNITS = 12.6;
export const WALL_ROW_UNITS = 6;
export const WALL_GAP_UNITS = 0.7;

/**
 * How a wall column of `count` cards uses `height` (both px; `unit` is the
 * board's size unit in px): full cards while they fit, else short ones;
 * `shown` cards, and how many are left out (the last slot then says so).
 */
export function wallColumn(count: number, height: number, unit: number): { compact: boolean; shown: number; more: number } {
  const fits = (units: number) => Math.max(1, Math.floor((height + WALL_GAP_UNITS * unit) / ((units + WALL_GAP_UNITS) * unit)));
  if (count <= fits(WALL_CARD_UNITS)) return { compact: false, shown: count, more: 0 };
  const slots = fits(WALL_ROW_UNITS);
  if (count <= slots) return { compact: true, shown: count, more: 0 };
  return { compact: true, shown: slots - 1, more: count - (slots - 1) };
}

/**
 * The 洗车队列: cars through final inspection whose customer wants a wash, and
 * those in the wash, the earliest promise first (the board's order), so the
 * car waiting longest for its customer goes in first.
 */
export function washQueue(cards: readonly BoardCard[]): BoardCard[] {
  return cards.filter((card) => card.status === "washing" || (card.status === "passed_qc" && card.wash));
}

/** Statuses in which technicians work the labour lines. */
const WORKING: readonly OrderStatus[] = ["dispatched", "in_progress", "rework"];

/**
 * Which steps a labour line offers in the order's status: 开工 for a line not
 * running (a finished one starts again: after rework, or finished by mistake),
 * 完工 for a running line, 上工 while the line is open (or the car is back for
 * rework), 下工 while someone is clocked on it.
 */
export function lineSteps(status: OrderStatus, line: Pick<WorkshopLine, "startedAt" | "finishedAt" | "clockedOn">) {
  const working = WORKING.includes(status);
  const running = line.startedAt !== null && line.finishedAt === null;
  return {
    start: working && !running,
    finish: status === "in_progress" && running,
    clockOn: working && (line.finishedAt === null || status === "rework"),
    clockOff: line.clockedOn.length > 0,
  };
}

/** The steps after the lines: report done, final inspection, the wash or the finished-car area. */
export function orderSteps(status: OrderStatus, wash: boolean) {
  return {
    reportDone: status === "in_progress",
    qc: status === "awaiting_qc",
    startWash: status === "passed_qc" && wash,
    park: status === "passed_qc" && !wash,
    finishWash: status === "washing",
  };
}

/**
 * The technician a line's 上工 / 下工 acts for unless another is picked: the one
 * clocked on it, else the one it was dispatched to; null when neither is on staff.
 */
export function defaultTechnician(
  line: Pick<WorkshopLine, "technicianName" | "clockedOn">,
  technicians: readonly StaffMember[],
): number | null {
  for (const name of [...line.clockedOn, line.technicianName]) {
    const found = technicians.find((member) => member.name === name);
    if (found) return found.id;
  }
  return null;
}

/** Who may sign the final inspection (完工审查). */
export function isInspector(member: Pick<StaffMember, "role">): boolean {
  return member.role === "qc_inspector" || member.role === "manager";
}

/**
 * A moment as the workshop reads it (from `formatInstant`, `YYYY-MM-DD HH:MM`):
 * the time alone today, `MM-DD HH:MM` on another day, as the board shows promises.
 */
export function shortInstant(formatted: string, today: string): string {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(formatted)) return formatted;
  return formatted.startsWith(today) ? formatted.slice(11) : formatted.slice(5);
}

/** Why the car was last sent back, and by whom, from its history; null when it never was. */
export function lastRework(history: readonly OrderHistoryLine[]): { reason: string; by: string } | null {
  const found = [...history].reverse().find((line) => line.action === "rework");
  return found ? { reason: found.note, by: found.actorName } : null;
}

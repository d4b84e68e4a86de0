import { describe, expect, it } from "vitest";
import type { BoardCard, OrderHistoryLine, OrderStatus, StaffMember, WorkshopLine } from "../../api";
import {
  BOARD_COLUMNS,
  boardColumns,
  defaultTechnician,
  durationText,
  isInspector,
  lastRework,
  lineSteps,
  minutesToPromise,
  orderSteps,
  reworkMark,
  shortInstant,
  urgencyCounts,
  wallColumn,
  washQueue,
} from "./workshop";
import { ORDER_STATUSES } from "../work-orders/status";

function card(status: OrderStatus, plate: string, more: Partial<BoardCard> = {}): BoardCard {
  return {
    orderId: plate.length,
    number: `WO20261123-${plate.slice(-4)}`,
    status,
    plate,
    model: "CX-5",
    advisorName: "李明轩",
    team: "机电一组",
    bay: "3号工位",
    promised: "17:30",
    urgency: "on_time",
    wash: false,
    reworkCount: 0,
    clockedOn: [],
    ...more,
  };
}

function line(more: Partial<WorkshopLine> = {}): WorkshopLine {
  return {
    lineId: 1,
    name: "更换机油、机油滤清器",
    technicianName: "吴师傅",
    soldHundredths: 50,
    actualMinutes: 0,
    startedAt: null,
    finishedAt: null,
    clockedOn: [],
    ...more,
  };
}

const staff: StaffMember[] = [
  { id: 5, name: "吴师傅", role: "technician" },
  { id: 6, name: "郑磊", role: "technician" },
  { id: 9, name: "陈检", role: "qc_inspector" },
  { id: 15, name: "杨经理", role: "manager" },
  { id: 4, name: "周国强", role: "foreman" },
];

describe("board columns", () => {
  it("puts every car still in the shop in exactly one column, left to right as the work goes", () => {
    const inShop = ORDER_STATUSES.filter((s) => s !== "exited" && s !== "cancelled");
    const placed = BOARD_COLUMNS.flatMap((column) => column.statuses as readonly OrderStatus[]);
    expect([...placed].sort()).toEqual([...inShop].sort());
    expect(BOARD_COLUMNS.map((c) => c.key)).toEqual(["reception", "dispatched", "working", "qc", "wash", "ready", "settled"]);
  });

  it("groups the cards by status and keeps the board's order inside a column", () => {
    const cards = [
      card("open", "京A·10001"),
      card("in_progress", "京A·10002"),
      card("rework", "京A·10003"),
      card("in_progress", "京A·10004"),
      card("washing", "京A·10005"),
      card("passed_qc", "京A·10006"),
      card("settled", "京A·10007"),
    ];
    const columns = Object.fromEntries(boardColumns(cards).map((c) => [c.key, c.cards.map((x) => x.plate)]));
    expect(columns.reception).toEqual(["京A·10001"]);
    expect(columns.dispatched).toEqual([]);
    expect(columns.working).toEqual(["京A·10002", "京A·10003", "京A·10004"]);
    expect(columns.wash).toEqual(["京A·10005", "京A·10006"]);
    expect(columns.settled).toEqual(["京A·10007"]);
  });

  it("shows a card's own status only where a column holds several", () => {
    const mixed = Object.fromEntries(boardColumns([]).map((c) => [c.key, c.mixed]));
    expect(mixed).toEqual({ reception: true, dispatched: false, working: true, qc: false, wash: true, ready: false, settled: false });
  });
});

describe("reworkMark", () => {
  it("marks a car sent back with its count, at least once", () => {
    expect(reworkMark({ status: "rework", reworkCount: 2 })).toBe(2);
    expect(reworkMark({ status: "rework", reworkCount: 0 })).toBe(1);
  });

  it("keeps the count while a reworked car is worked and inspected again, then drops it", () => {
    expect(reworkMark({ status: "in_progress", reworkCount: 1 })).toBe(1);
    expect(reworkMark({ status: "awaiting_qc", reworkCount: 1 })).toBe(1);
    expect(reworkMark({ status: "in_progress", reworkCount: 0 })).toBeNull();
    expect(reworkMark({ status: "ready", reworkCount: 1 })).toBeNull();
  });
});

describe("urgencyCounts", () => {
  it("counts cars near and past their promised time", () => {
    const cards = [card("in_progress", "A", { urgency: "soon" }), card("awaiting_qc", "B", { urgency: "late" }), card("dispatched", "C", { urgency: "late" }), card("ready", "D")];
    expect(urgencyCounts(cards)).toEqual({ soon: 1, late: 2 });
  });
});

describe("minutesToPromise", () => {
  it("counts down to a promise today and up past it", () => {
    expect(minutesToPromise("17:30", "2026-11-23 17:05")).toBe(25);
    expect(minutesToPromise("17:30", "2026-11-23 17:40")).toBe(-10);
    expect(minutesToPromise("17:30", "2026-11-23 17:30")).toBe(0);
  });

  it("reads a promise on another day, across the year's end too", () => {
    expect(minutesToPromise("11-24 09:00", "2026-11-23 17:00")).toBe(16 * 60);
    expect(minutesToPromise("11-22 17:30", "2026-11-23 08:30")).toBe(-15 * 60);
    expect(minutesToPromise("12-31 17:30", "2027-01-01 08:30")).toBe(-15 * 60);
    expect(minutesToPromise("01-01 09:00", "2026-12-31 17:00")).toBe(16 * 60);
  });

  it("says nothing when a time cannot be read", () => {
    expect(minutesToPromise("", "2026-11-23 17:00")).toBeNull();
    expect(minutesToPromise("soon", "2026-11-23 17:00")).toBeNull();
    expect(minutesToPromise("17:30", "today")).toBeNull();
  });

  it("says a span in hours and minutes", () => {
    const say = (key: string, v: Record<string, number>) => `${key.split(".").pop()}:${Object.values(v).join(",")}`;
    expect(durationText(25, say)).toBe("minutes:25");
    expect(durationText(120, say)).toBe("hours:2");
    expect(durationText(-65, say)).toBe("hoursMinutes:1,5");
  });
});

describe("wallColumn", () => {
  // 1920 × 1080: the unit is 19.2 px; a column body of about 820 px.
  const unit = 19.2;
  const height = 820;

  it("shows full cards while they fit", () => {
    expect(wallColumn(0, height, unit)).toEqual({ compact: false, shown: 0, more: 0 });
    expect(wallColumn(3, height, unit)).toEqual({ compact: false, shown: 3, more: 0 });
  });

  it("turns a crowded column into short cards", () => {
    expect(wallColumn(4, height, unit)).toEqual({ compact: true, shown: 4, more: 0 });
    expect(wallColumn(6, height, unit)).toEqual({ compact: true, shown: 6, more: 0 });
  });

  it("says how many are left out when even the lines do not fit", () => {
    const fit = wallColumn(40, height, unit);
    expect(fit.compact).toBe(true);
    expect(fit.shown + fit.more).toBe(40);
    expect(fit.more).toBeGreaterThan(0);
    // The note takes the last line: the lines and the note together fill the column.
    expect((fit.shown + 1) * (6 + 0.7) * unit).toBeLessThanOrEqual(height + 0.7 * unit);
  });
});

describe("washQueue", () => {
  it("lists the cars waiting for the wash and in it, in the board's order, and no others", () => {
    const cards = [
      card("passed_qc", "京A·00001", { wash: true }),
      card("passed_qc", "京A·00002", { wash: false }),
      card("washing", "京A·00003", { wash: true }),
      card("ready", "京A·00004", { wash: true }),
    ];
    expect(washQueue(cards).map((c) => c.plate)).toEqual(["京A·00001", "京A·00003"]);
  });
});

describe("lineSteps", () => {
  it("offers clock on and start on a dispatched car's line", () => {
    expect(lineSteps("dispatched", line())).toEqual({ start: true, finish: false, clockOn: true, clockOff: false });
  });

  it("offers finish on a running line, and clock off while someone is on it", () => {
    const running = line({ startedAt: "2026-11-23T01:00:00Z", clockedOn: ["吴师傅"] });
    expect(lineSteps("in_progress", running)).toEqual({ start: false, finish: true, clockOn: true, clockOff: true });
  });

  it("starts a finished line again only by the foreman's hand, and leaves it alone once reported done", () => {
    const done = line({ startedAt: "2026-11-23T01:00:00Z", finishedAt: "2026-11-23T02:00:00Z" });
    expect(lineSteps("in_progress", done)).toEqual({ start: true, finish: false, clockOn: false, clockOff: false });
    expect(lineSteps("awaiting_qc", done)).toEqual({ start: false, finish: false, clockOn: false, clockOff: false });
  });

  it("opens every finished line to work again when the car comes back for rework", () => {
    const done = line({ startedAt: "2026-11-23T01:00:00Z", finishedAt: "2026-11-23T02:00:00Z" });
    expect(lineSteps("rework", done)).toEqual({ start: true, finish: false, clockOn: true, clockOff: false });
  });

  it("offers no work on a car not yet dispatched", () => {
    expect(lineSteps("open", line())).toEqual({ start: false, finish: false, clockOn: false, clockOff: false });
  });
});

describe("orderSteps", () => {
  it("offers report done while in work and the inspection once reported", () => {
    expect(orderSteps("in_progress", false)).toMatchObject({ reportDone: true, qc: false });
    expect(orderSteps("awaiting_qc", false)).toMatchObject({ reportDone: false, qc: true });
  });

  it("sends a passed car to the wash when the customer wants one, else to the finished-car area", () => {
    expect(orderSteps("passed_qc", true)).toMatchObject({ startWash: true, park: false });
    expect(orderSteps("passed_qc", false)).toMatchObject({ startWash: false, park: true });
    expect(orderSteps("washing", true)).toMatchObject({ finishWash: true, startWash: false });
    expect(Object.values(orderSteps("ready", true)).some(Boolean)).toBe(false);
  });
});

describe("who acts", () => {
  it("clocks for the technician on the line, else the one it was dispatched to", () => {
    expect(defaultTechnician(line({ clockedOn: ["郑磊"] }), staff)).toBe(6);
    expect(defaultTechnician(line(), staff)).toBe(5);
    expect(defaultTechnician(line({ technicianName: "" }), staff)).toBeNull();
    expect(defaultTechnician(line({ technicianName: "周国强" }), staff.filter((m) => m.role === "technician"))).toBeNull();
  });

  it("lets QC inspectors and the service manager sign the final inspection", () => {
    expect(staff.filter(isInspector).map((m) => m.name)).toEqual(["陈检", "杨经理"]);
  });
});

describe("shortInstant", () => {
  it("shows the time alone today and the date on another day", () => {
    expect(shortInstant("2026-11-23 09:12", "2026-11-23")).toBe("09:12");
    expect(shortInstant("2026-11-22 16:40", "2026-11-23")).toBe("11-22 16:40");
    expect(shortInstant("oops", "2026-11-23")).toBe("oops");
  });
});

describe("lastRework", () => {
  const step = (action: OrderHistoryLine["action"], note: string, actorName = "陈检"): OrderHistoryLine => ({
    at: "2026-11-23T02:00:00Z",
    actorName,
    action,
    fromStatus: null,
    toStatus: "rework",
    version: 1,
    note,
  });

  it("tells the technicians why the car came back the last time, and who said so", () => {
    const history = [step("rework", "机油液位偏低"), step("start", "返工：更换机油"), step("rework", "刹车仍有异响", "杨经理")];
    expect(lastRework(history)).toEqual({ reason: "刹车仍有异响", by: "杨经理" });
  });

  it("has nothing to say about a car never sent back", () => {
    expect(lastRework([step("start", "开工：更换机油")])).toBeNull();
  });
});

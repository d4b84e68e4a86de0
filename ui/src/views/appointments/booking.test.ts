import { describe, expect, it, vi } from "vitest";
import type { AppError, DayView } from "../../api";
import {
  allowedActions,
  bookingInput,
  freeAt,
  hoursToMinutes,
  isFull,
  minutesLeft,
  minutesToHours,
  newBookingForm,
  shiftDay,
  slotChoices,
  timeStep,
  withOverbook,
} from "./booking";

describe("newBookingForm", () => {
  it("starts as a customer-initiated maintenance booking on the day given, untimed, one hour", () => {
    const form = newBookingForm({}, { day: "2026-11-23", advisorId: 4 });
    expect(form).toMatchObject({
      kind: "passive",
      serviceType: "maintenance",
      customerId: null,
      vehicleId: null,
      newCustomer: false,
      day: "2026-11-23",
      slot: "",
      advisorId: 4,
      hours: 1,
      call: null,
    });
  });

  it("takes what the call list knows, and a call makes the booking proactive", () => {
    const call = { reason: "maintenance_due" as const, campaignId: null };
    const form = newBookingForm(
      { customerId: 7, vehicleId: 12, call, description: "保养到期", day: "2026-11-24", slot: "09:30" },
      { day: "2026-11-23" },
    );
    expect(form).toMatchObject({ kind: "proactive", customerId: 7, vehicleId: 12, call, description: "保养到期", day: "2026-11-24", slot: "09:30" });
  });

  it("keeps a kind the caller names", () => {
    expect(newBookingForm({ kind: "passive", call: { reason: "campaign", campaignId: 2 } }, { day: "2026-11-23" }).kind).toBe("passive");
  });
});

describe("bookingInput", () => {
  it("sends the customer on file with hours as minutes and trimmed texts", () => {
    const form = {
      ...newBookingForm({ customerId: 7, vehicleId: 12 }, { day: "2026-11-23", advisorId: 3 }),
      slot: "10:00",
      team: "一组",
      bay: "工位2",
      hours: 1.5,
      parts: " 机油、机滤 ",
      description: " 刹车异响\n",
      newName: "typed but switched off",
    };
    expect(bookingInput(form)).toEqual({
      kind: "passive",
      serviceType: "maintenance",
      customerId: 7,
      vehicleId: 12,
      newCustomer: null,
      day: "2026-11-23",
      slot: "10:00",
      advisorId: 3,
      team: "一组",
      bay: "工位2",
      expectedMinutes: 90,
      parts: "机油、机滤",
      description: "刹车异响",
      call: null,
      overbook: false,
    });
  });

  it("sends a new customer instead of the one on file, with the plate joined", () => {
    const form = {
      ...newBookingForm({ customerId: 7, vehicleId: 12 }, { day: "2026-11-23" }),
      newCustomer: true,
      newName: " 欧阳娜娜 ",
      newMobile: "13912345678 ",
      province: "沪",
      rest: "B88888",
    };
    const input = bookingInput(form, true);
    expect(input.customerId).toBeNull();
    expect(input.vehicleId).toBeNull();
    expect(input.newCustomer).toEqual({ name: "欧阳娜娜", mobile: "13912345678", plate: "沪B88888", allowDuplicateMobile: false });
    expect(input.overbook).toBe(true);
  });

  it("sends no plate when none was typed", () => {
    const form = { ...newBookingForm({}, { day: "2026-11-23" }), newCustomer: true, newName: "张伟", newMobile: "13800138000" };
    expect(bookingInput(form).newCustomer?.plate).toBe("");
  });
});

describe("hours and minutes", () => {
  it("turns typed hours into minutes", () => {
    expect(hoursToMinutes(0.5)).toBe(30);
    expect(hoursToMinutes(1)).toBe(60);
    expect(hoursToMinutes(2.5)).toBe(150);
    expect(hoursToMinutes(0.25)).toBe(15);
  });

  it("sends 0 for an empty field, for the core to refuse", () => {
    expect(hoursToMinutes(null)).toBe(0);
    expect(hoursToMinutes(Number.NaN)).toBe(0);
  });

  it("shows minutes as hours", () => {
    expect(minutesToHours(90)).toBe(1.5);
    expect(minutesToHours(45)).toBe(0.75);
    expect(minutesToHours(40)).toBe(0.67);
  });
});

const view: DayView = {
  day: "2026-11-23",
  holiday: false,
  slots: ["09:00", "09:30", "10:00"],
  advisors: [
    { name: "李明轩", advisorId: 3, booked: [2, 1, 0], capacityPerSlot: 2, dayBooked: 4, dayCapacity: 6 },
    { name: "王芳", advisorId: 4, booked: [0, 3, 0], capacityPerSlot: 2, dayBooked: 3, dayCapacity: 6 },
  ],
  bays: [{ name: "工位1", advisorId: null, booked: [1, 0, 0], capacityPerSlot: 1, dayBooked: 1, dayCapacity: 3 }],
  bookings: [],
};

describe("capacity", () => {
  it("counts free places, never below zero", () => {
    expect(freeAt(view.advisors[0]!, 1)).toBe(1);
    expect(freeAt(view.advisors[1]!, 1)).toBe(0);
    expect(freeAt(view.advisors[0]!, 9)).toBe(2);
  });

  it("calls a cell full at capacity", () => {
    expect(isFull(2, 2)).toBe(true);
    expect(isFull(3, 2)).toBe(true);
    expect(isFull(1, 2)).toBe(false);
    expect(isFull(0, 0)).toBe(false);
  });

  it("offers each slot with every advisor's free places and the picked advisor's", () => {
    const choices = slotChoices(view, 3, null);
    expect(choices.map((c) => [c.slot, c.free, c.past])).toEqual([
      ["09:00", 0, false],
      ["09:30", 1, false],
      ["10:00", 2, false],
    ]);
    expect(choices[1]!.advisors).toEqual([
      { id: 3, name: "李明轩", free: 1, capacity: 2 },
      { id: 4, name: "王芳", free: 0, capacity: 2 },
    ]);
    expect(slotChoices(view, null, null)[0]!.free).toBeNull();
  });

  it("marks the slots already begun today", () => {
    expect(slotChoices(view, null, "09:30").map((c) => c.past)).toEqual([true, true, false]);
  });
});

describe("minutesLeft", () => {
  const now = Date.parse("2026-11-23T02:00:00Z");

  it("rounds up what is left", () => {
    expect(minutesLeft(now, "2026-11-23T02:08:00Z")).toBe(8);
    expect(minutesLeft(now, "2026-11-23T02:07:01Z")).toBe(8);
    expect(minutesLeft(new Date(now), "2026-11-23T02:00:30Z")).toBe(1);
  });

  it("is 0 once the time has come, or for no time at all", () => {
    expect(minutesLeft(now, "2026-11-23T01:59:00Z")).toBe(0);
    expect(minutesLeft(now, "2026-11-23T02:00:00Z")).toBe(0);
    expect(minutesLeft(now, "soon")).toBe(0);
  });
});

describe("allowedActions", () => {
  const at = (status: Parameters<typeof allowedActions>[0]["status"], extra = {}) =>
    allowedActions({ status, benefit: null, noShowReason: null, ...extra });

  it("offers the confirmation call only before it was made", () => {
    expect(at("booked").confirmCall).toBe(true);
    expect(at("confirmed").confirmCall).toBe(false);
  });

  it("receives a no-show who turns up late, and lets them reschedule", () => {
    expect(at("no_show")).toMatchObject({ arrive: true, reschedule: true, cancel: false, noShowReason: true });
  });

  it("offers the benefit once, after arrival", () => {
    expect(at("arrived")).toMatchObject({ benefit: true, arrive: false, cancel: false, reschedule: false });
    expect(at("arrived", { benefit: "gift" }).benefit).toBe(false);
  });

  it("offers nothing on a cancelled or rescheduled booking", () => {
    for (const status of ["cancelled", "rescheduled"] as const) {
      expect(Object.values(at(status)).some(Boolean)).toBe(false);
    }
  });
});

describe("withOverbook", () => {
  const overbooked: AppError = {
    code: "overbooked",
    message: { "zh-CN": "超出预约容量：李明轩 在 10:00 已有 2 个预约。仍要预约吗？", en: "Over capacity" },
    field: null,
  };

  it("sends once when the booking fits", async () => {
    const send = vi.fn(async (overbook: boolean) => ({ overbook }));
    const confirm = vi.fn();
    expect(await withOverbook(send, confirm)).toEqual({ overbook: false });
    expect(confirm).not.toHaveBeenCalled();
  });

  it("asks with the refusal and resends with overbook when the desk agrees", async () => {
    const send = vi.fn(async (overbook: boolean) => {
      if (!overbook) throw overbooked;
      return "booked";
    });
    const confirm = vi.fn(async () => true);
    expect(await withOverbook(send, confirm)).toBe("booked");
    expect(confirm).toHaveBeenCalledWith(overbooked);
    expect(send.mock.calls).toEqual([[false], [true]]);
  });

  it("sends nothing more when the desk declines", async () => {
    const send = vi.fn(async () => {
      throw overbooked;
    });
    expect(await withOverbook(send, async () => false)).toBeNull();
    expect(send).toHaveBeenCalledTimes(1);
  });

  it("throws any other refusal on", async () => {
    const refusal: AppError = { code: "validation", message: { "zh-CN": "请选择服务顾问", en: "Choose the advisor" }, field: "advisorId" };
    await expect(withOverbook(async () => Promise.reject(refusal), async () => true)).rejects.toBe(refusal);
  });
});

describe("shiftDay and timeStep", () => {
  it("moves across months and years", () => {
    expect(shiftDay("2026-11-30", 1)).toBe("2026-12-01");
    expect(shiftDay("2027-01-01", -1)).toBe("2026-12-31");
    expect(shiftDay("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("writes a slot length as el-time-select's step", () => {
    expect(timeStep(30)).toBe("00:30");
    expect(timeStep(15)).toBe("00:15");
    expect(timeStep(60)).toBe("01:00");
    expect(timeStep(90)).toBe("01:30");
  });
});

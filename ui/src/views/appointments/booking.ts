import { isAppError, type AppError } from "../../api";
import type {
  Benefit,
  BookingInput,
  CallSource,
  CapacityRow,
  DayView,
  Kind,
  NoShowReason,
  ServiceType,
  Status,
} from "../../api";
import { DEFAULT_PROVINCE, joinPlate } from "../../components/plate";
import { sendConfirmed } from "../../composables/confirm";

/** What a caller already knows when opening the booking form (e.g. from the call list). */
export interface BookingPreset {
  customerId?: number;
  vehicleId?: number;
  kind?: Kind;
  serviceType?: ServiceType;
  call?: CallSource | null;
  description?: string;
  day?: string;
  slot?: string;
}

export const KINDS: readonly Kind[] = ["proactive", "passive"];
export const SERVICE_TYPES: readonly ServiceType[] = [
  "maintenance",
  "repair",
  "enquiry",
  "accident",
  "detailing",
  "seasonal",
  "left_over",
  "recall",
];
export const STATUSES: readonly Status[] = ["booked", "confirmed", "arrived", "no_show", "cancelled", "rescheduled"];
export const NO_SHOW_REASONS: readonly NoShowReason[] = [
  "forgot",
  "busy",
  "car_fine",
  "went_elsewhere",
  "weather",
  "unreachable",
  "other",
];
export const BENEFITS: readonly Benefit[] = ["gift", "voucher", "points"];

/** A booking takes an hour unless the desk says otherwise. */
export const DEFAULT_HOURS = 1;

/**
 * The booking form. A customer on file (`customerId`, `vehicleId`), or with
 * `newCustomer` on, a new customer typed on the spot (name, mobile, plate).
 * `slot` is `HH:MM`, or "" for "will come that day, no exact time". Hours are
 * typed in 0.5 steps and sent as minutes.
 */
export interface BookingForm {
  kind: Kind;
  serviceType: ServiceType;
  customerId: number | null;
  vehicleId: number | null;
  newCustomer: boolean;
  newName: string;
  newMobile: string;
  province: string;
  rest: string;
  day: string;
  slot: string;
  advisorId: number | null;
  team: string;
  bay: string;
  hours: number | null;
  parts: string;
  description: string;
  call: CallSource | null;
}

/** A fresh form: what the preset says, else a customer-initiated maintenance booking on `day`. */
export function newBookingForm(
  preset: BookingPreset = {},
  defaults: { day: string; advisorId?: number | null; province?: string },
): BookingForm {
  return {
    kind: preset.kind ?? (preset.call ? "proactive" : "passive"),
    serviceType: preset.serviceType ?? "maintenance",
    customerId: preset.customerId ?? null,
    vehicleId: preset.vehicleId ?? null,
    newCustomer: false,
    newName: "",
    newMobile: "",
    province: defaults.province ?? DEFAULT_PROVINCE,
    rest: "",
    day: preset.day ?? defaults.day,
    slot: preset.slot ?? "",
    advisorId: defaults.advisorId ?? null,
    team: "",
    bay: "",
    hours: DEFAULT_HOURS,
    parts: "",
    description: preset.description ?? "",
    call: preset.call ?? null,
  };
}

/** Hours as typed (0.5, 1.5 …) to the whole minutes the core keeps; nothing typed is 0 (refused by the core). */
export function hoursToMinutes(hours: number | null): number {
  if (hours === null || !Number.isFinite(hours)) return 0;
  return Math.round(hours * 60);
}

/** Minutes as hours for the desk: `90` → `1.5`, `45` → `0.75`. */
export function minutesToHours(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

/** What the form sends: the customer on file or the new one, never both. */
export function bookingInput(form: BookingForm, overbook = false, allowDuplicateMobile = false): BookingInput {
  const isNew = form.newCustomer;
  return {
    kind: form.kind,
    serviceType: form.serviceType,
    customerId: isNew ? null : form.customerId,
    vehicleId: isNew ? null : form.vehicleId,
    newCustomer: isNew
      ? { name: form.newName.trim(), mobile: form.newMobile.trim(), plate: joinPlate(form), allowDuplicateMobile }
      : null,
    day: form.day,
    slot: form.slot,
    advisorId: form.advisorId,
    team: form.team,
    bay: form.bay,
    expectedMinutes: hoursToMinutes(form.hours),
    parts: form.parts.trim(),
    description: form.description.trim(),
    call: form.call,
    overbook,
  };
}

/** Free places of a capacity row at one slot (never below zero). */
export function freeAt(row: CapacityRow, slotIndex: number): number {
  return Math.max(0, row.capacityPerSlot - (row.booked[slotIndex] ?? 0));
}

/** Whether a capacity cell is full (or over): the grid highlights it. */
export function isFull(booked: number, capacity: number): boolean {
  return capacity > 0 ? booked >= capacity : booked > 0;
}

export interface SlotChoice {
  slot: string;
  /** Each advisor's free places at this slot, in the day view's order. */
  advisors: { id: number | null; name: string; free: number; capacity: number }[];
  /** Free places of the advisor picked in the form; null when none is picked. */
  free: number | null;
  /** The slot has already begun (today only): the core refuses it. */
  past: boolean;
}

/**
 * The slots of the day for the slot picker, each with the advisors' free
 * places. `nowTime` (`HH:MM`) marks slots already begun when `day` is today.
 */
export function slotChoices(view: DayView, advisorId: number | null, nowTime: string | null): SlotChoice[] {
  return view.slots.map((slot, index) => {
    const advisors = view.advisors.map((row) => ({
      id: row.advisorId,
      name: row.name,
      free: freeAt(row, index),
      capacity: row.capacityPerSlot,
    }));
    const mine = advisors.find((a) => a.id === advisorId);
    return { slot, advisors, free: mine ? mine.free : null, past: nowTime !== null && slot <= nowTime };
  });
}

/** Whole minutes from `now` until `until` (instants), rounded up: `还剩 8 分钟` while anything is left. */
export function minutesLeft(now: Date | number, until: string): number {
  const end = Date.parse(until);
  if (Number.isNaN(end)) return 0;
  const ms = end - (typeof now === "number" ? now : now.getTime());
  return ms <= 0 ? 0 : Math.ceil(ms / 60000);
}

/** Element Plus tag look of each status: one colour per status, the same on every screen. */
export const STATUS_TAG: Record<Status, { type: "info" | "primary" | "success" | "danger" | "warning"; effect: "light" | "dark" }> = {
  booked: { type: "info", effect: "light" },
  confirmed: { type: "primary", effect: "light" },
  arrived: { type: "success", effect: "light" },
  no_show: { type: "danger", effect: "light" },
  cancelled: { type: "info", effect: "dark" },
  rescheduled: { type: "warning", effect: "light" },
};

/** Which steps the detail panel offers for a booking (the core has the last word). */
export function allowedActions(b: { status: Status; benefit: Benefit | null; noShowReason: NoShowReason | null }) {
  const open = b.status === "booked" || b.status === "confirmed";
  return {
    confirmCall: b.status === "booked",
    arrive: open || b.status === "no_show",
    benefit: b.status === "arrived" && b.benefit === null,
    reschedule: open || b.status === "no_show",
    cancel: open,
    noShowReason: b.status === "no_show",
  };
}

/** True for the refusal that says a booking would go over capacity (the desk may book anyway). */
export function isOverbooked(e: unknown): e is AppError {
  return isAppError(e) && e.code === "overbooked";
}

/**
 * Sends a booking (or a move) and, when the core answers that it goes over
 * capacity, asks `confirm` with that refusal; a yes sends the same again with
 * `overbook` set. Null when the desk chose not to overbook; any other refusal
 * is thrown on.
 */
export function withOverbook<T>(
  send: (overbook: boolean) => Promise<T>,
  confirm: (refusal: AppError) => Promise<boolean>,
): Promise<T | null> {
  return sendConfirmed("overbooked", send, confirm);
}

/** A step of minutes as el-time-select takes it: `30` → `00:30`, `90` → `01:30`. */
export function timeStep(minutes: number): string {
  const m = Math.max(1, Math.round(minutes));
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** The day `days` after `day` (`YYYY-MM-DD`, calendar days; negative goes back). */
export function shiftDay(day: string, days: number): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
}

import type { AppointmentSettings, CallEntry, CallInput, CallOutcome, CallReason, ReasonLine, ServiceType } from "../../../api";
import type { BookingPreset } from "../booking";

/** The outcomes the caller logs here; a call that ends in a booking is logged by the booking. */
export const LOGGED_OUTCOMES = ["declined", "not_reached", "wrong_person", "call_back"] as const satisfies readonly CallOutcome[];
export type LoggedOutcome = (typeof LOGGED_OUTCOMES)[number];

/** The service type a booking made from a call starts with, by why the vehicle is on the list. */
export function serviceTypeFor(reason: CallReason): ServiceType {
  switch (reason) {
    case "maintenance_due":
    case "no_visit":
      return "maintenance";
    case "campaign":
      return "seasonal";
    case "left_over":
      return "left_over";
  }
}

/**
 * What the booking form starts with when the desk books from the call list: the
 * customer and vehicle, a proactive booking of the type the first reason calls for,
 * and the call it comes from (so the call is logged as booked). `text` renders a
 * reason in the UI language.
 */
export function bookingPreset(entry: CallEntry, text: (reason: ReasonLine) => string): BookingPreset {
  const first = entry.reasons[0];
  return {
    customerId: entry.customerId,
    vehicleId: entry.vehicleId,
    kind: "proactive",
    serviceType: first ? serviceTypeFor(first.reason) : "maintenance",
    call: first ? { reason: first.reason, campaignId: first.campaignId } : null,
    description: first ? text(first) : "",
  };
}

/** What the note of a call means for an outcome: its label key, and whether it must be filled. */
export function noteKind(outcome: LoggedOutcome | null): { label: "declinedReason" | "whoAnswered" | "note"; required: boolean } {
  switch (outcome) {
    case "declined":
      return { label: "declinedReason", required: true };
    case "wrong_person":
      return { label: "whoAnswered", required: false };
    default:
      return { label: "note", required: false };
  }
}

/** The form of the call dialog; `reasonIndex` picks which reason of the entry the call was about. */
export interface CallForm {
  reasonIndex: number;
  outcome: LoggedOutcome | null;
  note: string;
  callBackAt: string;
}

export function newCallForm(): CallForm {
  return { reasonIndex: 0, outcome: null, note: "", callBackAt: "" };
}

/** True once the caller typed or chose something that would be lost on closing. */
export function callFormEdited(form: CallForm): boolean {
  return form.outcome !== null || form.note.trim() !== "" || form.callBackAt !== "";
}

/** The numbers the visible return rule (when a called customer comes back) is told with. */
export function returnRule(settings: AppointmentSettings) {
  return {
    declinedDays: settings.declinedPauseDays,
    retryDays: settings.notReachedRetryDays,
    tries: settings.notReachedTries,
  };
}

/**
 * What the dialog sends: the chosen reason of the entry, the outcome, the note as
 * typed and the call-back time only for a call back. Null until an outcome is chosen.
 */
export function callInput(entry: CallEntry, form: CallForm): CallInput | null {
  if (form.outcome === null) return null;
  const reason = entry.reasons[form.reasonIndex] ?? entry.reasons[0];
  return {
    vehicleId: entry.vehicleId,
    reason: reason?.reason ?? "no_visit",
    campaignId: reason?.campaignId ?? null,
    outcome: form.outcome,
    note: form.note,
    callBackAt: form.outcome === "call_back" ? form.callBackAt : "",
  };
}

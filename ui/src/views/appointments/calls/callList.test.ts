import { describe, expect, it } from "vitest";
import type { AppointmentSettings, CallEntry, ReasonLine } from "../../../api";
import { bookingPreset, callFormEdited, callInput, newCallForm, noteKind, returnRule, serviceTypeFor } from "./callList";

function reason(kind: ReasonLine["reason"], campaignId: number | null = null): ReasonLine {
  return { reason: kind, campaignId, text: { "zh-CN": `原因 ${kind}`, en: `reason ${kind}` } };
}

function entry(reasons: ReasonLine[]): CallEntry {
  return {
    vehicleId: 7,
    customerId: 3,
    customerName: "张伟",
    mobile: "13800138000",
    plate: "京A12345",
    model: "凯美瑞",
    reasons,
    contactWindow: { "zh-CN": "随时", en: "Any time" },
    callableNow: true,
    backBecause: null,
    lastCall: null,
  };
}

describe("serviceTypeFor", () => {
  it("books due maintenance and long absences as maintenance, campaigns as seasonal work", () => {
    expect(serviceTypeFor("maintenance_due")).toBe("maintenance");
    expect(serviceTypeFor("no_visit")).toBe("maintenance");
    expect(serviceTypeFor("campaign")).toBe("seasonal");
    expect(serviceTypeFor("left_over")).toBe("left_over");
  });
});

describe("bookingPreset", () => {
  it("starts a proactive booking from the first reason, with the call it comes from", () => {
    const preset = bookingPreset(entry([reason("campaign", 4), reason("no_visit")]), (r) => r.text["zh-CN"]);
    expect(preset).toEqual({
      customerId: 3,
      vehicleId: 7,
      kind: "proactive",
      serviceType: "seasonal",
      call: { reason: "campaign", campaignId: 4 },
      description: "原因 campaign",
    });
  });

  it("still books a vehicle listed without a reason", () => {
    const preset = bookingPreset(entry([]), () => "x");
    expect(preset.serviceType).toBe("maintenance");
    expect(preset.call).toBeNull();
    expect(preset.description).toBe("");
  });
});

describe("noteKind", () => {
  it("asks why for a refusal and who answered for a wrong person", () => {
    expect(noteKind("declined")).toEqual({ label: "declinedReason", required: true });
    expect(noteKind("wrong_person")).toEqual({ label: "whoAnswered", required: false });
    expect(noteKind("not_reached").label).toBe("note");
    expect(noteKind(null).required).toBe(false);
  });
});

describe("callInput", () => {
  it("is null until an outcome is chosen", () => {
    expect(callInput(entry([reason("no_visit")]), newCallForm())).toBeNull();
  });

  it("sends the chosen reason and drops the call-back time unless calling back", () => {
    const e = entry([reason("no_visit"), reason("campaign", 9)]);
    const form = { reasonIndex: 1, outcome: "declined" as const, note: "刚保养过", callBackAt: "2026-11-24 15:00" };
    expect(callInput(e, form)).toEqual({
      vehicleId: 7,
      reason: "campaign",
      campaignId: 9,
      outcome: "declined",
      note: "刚保养过",
      callBackAt: "",
    });
    expect(callInput(e, { ...form, outcome: "call_back" })?.callBackAt).toBe("2026-11-24 15:00");
  });
});

describe("callFormEdited", () => {
  it("counts a chosen outcome or typed text as something to lose", () => {
    expect(callFormEdited(newCallForm())).toBe(false);
    expect(callFormEdited({ ...newCallForm(), outcome: "not_reached" })).toBe(true);
    expect(callFormEdited({ ...newCallForm(), note: " x " })).toBe(true);
  });
});

describe("returnRule", () => {
  it("tells the rule with the settings' numbers", () => {
    const settings = { declinedPauseDays: 30, notReachedRetryDays: 1, notReachedTries: 3 } as AppointmentSettings;
    expect(returnRule(settings)).toEqual({ declinedDays: 30, retryDays: 1, tries: 3 });
  });
});

import { describe, expect, it } from "vitest";
import type { AppointmentSettings } from "../../../api";
import { NUMBER_FIELDS, SECTIONS, addToList, emptySettingsForm, firstEmpty, settingsForm, settingsInput } from "./settingsForm";

const settings: AppointmentSettings = {
  opensAt: "08:30",
  closesAt: "17:30",
  slotMinutes: 30,
  advisorBookingsPerHour: 2,
  teams: ["机电一组"],
  bays: ["1号工位"],
  holidays: [],
  confirmCallMinutes: 30,
  blockedMinutes: 10,
  noShowMinutes: 15,
  noVisitMonths: 3,
  dueWithinDays: 14,
  declinedPauseDays: 30,
  notReachedRetryDays: 1,
  notReachedTries: 3,
  keptPoints: 100,
};

describe("settings form", () => {
  it("lays out every setting exactly once", () => {
    const fields = SECTIONS.flatMap((s) => s.fields).sort();
    expect(fields).toEqual(Object.keys(settings).sort());
    expect(Object.keys(NUMBER_FIELDS).every((f) => fields.includes(f as keyof AppointmentSettings))).toBe(true);
  });

  it("sends what it was filled with, times trimmed", () => {
    const form = settingsForm(settings);
    form.opensAt = " 08:00 ";
    expect(settingsInput(form)).toEqual({ ...settings, opensAt: "08:00" });
  });

  it("does not share its lists with the settings it came from", () => {
    const form = settingsForm(settings);
    form.teams.push("钣喷组");
    expect(settings.teams).toEqual(["机电一组"]);
  });

  it("names the first empty number in the order of the form", () => {
    expect(firstEmpty(emptySettingsForm())).toBe("slotMinutes");
    const form = { ...settingsForm(settings), noShowMinutes: null, keptPoints: null };
    expect(firstEmpty(form)).toBe("noShowMinutes");
    expect(settingsInput(form)).toBeNull();
  });
});

describe("addToList", () => {
  it("adds a trimmed name once", () => {
    expect(addToList(["机电一组"], " 钣喷组 ")).toEqual(["机电一组", "钣喷组"]);
    expect(addToList(["机电一组"], "机电一组")).toEqual(["机电一组"]);
    expect(addToList(["机电一组"], "  ")).toEqual(["机电一组"]);
  });

  it("keeps holidays in date order", () => {
    expect(addToList(["2026-10-02"], "2026-10-01", true)).toEqual(["2026-10-01", "2026-10-02"]);
  });
});

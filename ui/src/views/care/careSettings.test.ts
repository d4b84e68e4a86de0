import { describe, expect, it } from "vitest";
import { careSettingsForm, careSettingsInput, refusedTemplate } from "./careSettings";

describe("careSettingsForm", () => {
  it("gives every kind a template, empty where the dealership has none", () => {
    const form = careSettingsForm({ templates: [{ kind: "birthday", text: "生日快乐" }] });
    expect(form.templates.birthday).toBe("生日快乐");
    expect(form.templates.delivery7d).toBe("");
    expect(Object.keys(form.templates)).toHaveLength(7);
  });

  it("reads holidays as rows with their own keys, and missing numbers as empty", () => {
    const form = careSettingsForm({ holidays: [{ date: "2027-02-06", name: "春节" }, { date: "2027-05-01", name: "劳动节" }] });
    expect(form.holidays.map((h) => [h.date, h.name])).toEqual([
      ["2027-02-06", "春节"],
      ["2027-05-01", "劳动节"],
    ]);
    expect(new Set(form.holidays.map((h) => h.key)).size).toBe(2);
    expect(form.holidayLeadDays).toBeNull();
  });
});

describe("careSettingsInput", () => {
  it("sends the rows in the order shown, trimmed, and a template for every kind", () => {
    const form = careSettingsForm({ holidays: [{ date: "2027-01-01", name: " 元旦 " }], holidayLeadDays: 3, keyContactDays: 60 });
    form.templates.birthday = " 生日快乐 ";
    const input = careSettingsInput({ ...form, holidayLeadDays: 5, keyContactDays: 60 });
    expect(input.holidays).toEqual([{ date: "2027-01-01", name: "元旦" }]);
    expect(input.holidayLeadDays).toBe(5);
    expect(input.templates).toHaveLength(7);
    expect(input.templates!.find((t) => t.kind === "birthday")!.text).toBe("生日快乐");
  });
});

describe("refusedTemplate", () => {
  it("is the first template left empty, in list order", () => {
    const form = careSettingsForm({});
    for (const kind of Object.keys(form.templates) as (keyof typeof form.templates)[]) form.templates[kind] = "x";
    form.templates.holiday = " ";
    form.templates.birthday = "";
    expect(refusedTemplate(form.templates)).toBe("birthday");
    form.templates.birthday = "x";
    form.templates.holiday = "x";
    expect(refusedTemplate(form.templates)).toBe("delivery24h");
  });
});

import { describe, expect, it } from "vitest";
import type { CustomerInput } from "../../../api";
import { copyCustomer, customerInput, isEdited, replacesForm } from "./customerForm";

const stored: CustomerInput = {
  id: 7,
  version: 3,
  kind: "person",
  name: "王建国",
  gender: "male",
  mobile: "13812348000",
  otherPhones: [{ number: "01065432100", label: "办公室" }],
  address: "北京市朝阳区建国路88号",
  birthday: "1985-03-08",
  employer: "北京东方建设集团",
  position: "项目经理",
  email: "wang@example.com",
  wechat: "wangjg",
  notes: { personality: "爽快，守时", relationships: "", work: "", education: "" },
  contactMethod: "phone",
  contactDays: "weekend",
  contactFrom: "18:00",
  contactTo: "20:30",
  followUpAccepted: true,
  followUpMethod: "mobile",
  referredBy: 2,
  membership: "gold",
  badCredit: false,
  majorAccident: false,
};

describe("copyCustomer", () => {
  it("copies every field", () => {
    expect(copyCustomer(stored)).toEqual(stored);
  });

  it("leaves the file alone when the phones or notes of the copy are edited", () => {
    const form = copyCustomer(stored);
    form.otherPhones[0]!.label = "家";
    form.otherPhones.push({ number: "", label: "" });
    form.notes.work = "常出差";
    expect(stored.otherPhones).toEqual([{ number: "01065432100", label: "办公室" }]);
    expect(stored.notes.work).toBe("");
  });
});

describe("customerInput", () => {
  it("sends the version that was read", () => {
    expect(customerInput(stored)).toMatchObject({ id: 7, version: 3 });
  });

  it("sends no gender for a company", () => {
    expect(customerInput({ ...stored, kind: "company" }).gender).toBeNull();
    expect(customerInput(stored).gender).toBe("male");
  });
});

describe("isEdited", () => {
  it("is false until something changes", () => {
    const form = copyCustomer(stored);
    expect(isEdited(form, stored)).toBe(false);
    form.notes.education = "本科";
    expect(isEdited(form, stored)).toBe(true);
  });

  it("ignores a gender hidden by switching to company and back", () => {
    const form = { ...copyCustomer(stored), kind: "company" as const, gender: null };
    expect(isEdited(form, { ...stored, kind: "company" })).toBe(false);
  });
});

describe("replacesForm", () => {
  it("replaces an untouched form", () => {
    expect(replacesForm({ ...stored }, stored, copyCustomer(stored))).toBe(true);
  });

  it("keeps edits while only the contact log or points changed", () => {
    const form = { ...copyCustomer(stored), name: "王建军" };
    expect(replacesForm({ ...stored }, stored, form)).toBe(false);
  });

  it("replaces edits once the customer was saved or reloaded at a new version", () => {
    const form = { ...copyCustomer(stored), name: "王建军" };
    expect(replacesForm({ ...stored, version: 4 }, stored, form)).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import type { StaffMember } from "../../api";
import { countdownText, defaultOwner, minutesLeft, newStepForm, nextStep, ownerChoices, spanText, stepInput } from "./complaint";

const say = (key: string, values: Record<string, number | string>) => `${key.split(".").pop()}(${Object.values(values).join(",")})`;

describe("nextStep", () => {
  it("goes answer → investigate → finding → closing call, and nothing once closed", () => {
    expect(nextStep("open")).toBe("acknowledge");
    expect(nextStep("acknowledged")).toBe("investigate");
    expect(nextStep("investigating")).toBe("resolve");
    expect(nextStep("resolved")).toBe("close");
    expect(nextStep("closed")).toBeNull();
  });
});

describe("stepInput", () => {
  it("sends the revision shown, the texts trimmed, and satisfaction only on closing", () => {
    const form = { ...newStepForm(), note: " 已致电道歉 ", finding: " 刹车片装反 ", resolution: " 免费重装 ", customerSatisfied: true };
    expect(stepInput({ id: 4, revision: 2 }, "resolve", form, 7)).toEqual({
      complaintId: 4,
      revision: 2,
      action: "resolve",
      note: "已致电道歉",
      finding: "刹车片装反",
      resolution: "免费重装",
      customerSatisfied: null,
      actorId: 7,
    });
    expect(stepInput({ id: 4, revision: 3 }, "close", form, null).customerSatisfied).toBe(true);
  });
});

describe("deadlines", () => {
  const now = new Date("2026-11-23T06:00:00Z");

  it("count whole minutes, negative once passed", () => {
    expect(minutesLeft("2026-11-23T08:30:00Z", now)).toBe(150);
    expect(minutesLeft("2026-11-23T06:00:30Z", now)).toBe(0);
    expect(minutesLeft("2026-11-23T05:59:30Z", now)).toBe(-1);
    expect(minutesLeft("2026-11-21T05:00:00Z", now)).toBe(-(2 * 1440 + 60));
  });

  it("read as days and hours beyond a day, hours and minutes beyond an hour, else minutes", () => {
    expect(spanText(3 * 1440 + 4 * 60 + 59, say)).toBe("daysHours(3,4)");
    expect(spanText(2 * 1440, say)).toBe("days(2)");
    expect(spanText(-(5 * 60 + 20), say)).toBe("hoursMinutes(5,20)");
    expect(spanText(120, say)).toBe("hours(2)");
    expect(spanText(25, say)).toBe("minutes(25)");
  });

  it("say what is left before, and how late after", () => {
    expect(countdownText("2026-11-23T08:30:00Z", now, say)).toEqual({ late: false, text: "left(hoursMinutes(2,30))" });
    expect(countdownText("2026-11-22T06:00:00Z", now, say)).toEqual({ late: true, text: "late(days(1))" });
  });
});

describe("owners", () => {
  const staff: StaffMember[] = [
    { id: 1, name: "蒋丽", role: "cashier" },
    { id: 2, name: "赵雅琴", role: "advisor" },
    { id: 3, name: "杨经理", role: "manager" },
    { id: 4, name: "周国强", role: "foreman" },
    { id: 5, name: "李明轩", role: "advisor" },
  ];

  it("offer the service manager first, then advisors, the foreman, the rest", () => {
    expect(ownerChoices(staff).map((m) => m.id)).toEqual([3, 5, 2, 4, 1]);
  });

  it("start with the service manager, or nobody when there is none", () => {
    expect(defaultOwner(staff)).toBe(3);
    expect(defaultOwner(staff.filter((m) => m.role !== "manager"))).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { CareItem, CareKind } from "../../api";
import { defaultChannel, groupByKind, roleOf, sameItem, scopeOf } from "./care";

function item(kind: CareKind, customerId: number, occasion = `${kind}:1`): CareItem {
  return {
    kind,
    occasion,
    customerId,
    customerName: `客户${customerId}`,
    mobile: "13800138000",
    plate: "京A12345",
    due: "2026-11-25",
    role: kind === "maintenance_due" ? "advisor" : "follow_up",
    message: "您好",
  };
}

describe("groupByKind", () => {
  it("puts the delivery calls first and greetings last, leaving out kinds with nothing to do", () => {
    const groups = groupByKind([item("holiday", 1), item("birthday", 2), item("delivery3d", 3), item("holiday", 4), item("maintenance_due", 5)]);
    expect(groups.map((g) => g.kind)).toEqual(["delivery3d", "maintenance_due", "birthday", "holiday"]);
    expect(groups.map((g) => g.items.length)).toEqual([1, 1, 1, 2]);
  });

  it("keeps the order the core gave within a kind", () => {
    const [holidays] = groupByKind([item("holiday", 7), item("holiday", 3)]);
    expect(holidays!.items.map((i) => i.customerId)).toEqual([7, 3]);
  });

  it("has no groups for an empty list", () => {
    expect(groupByKind([])).toEqual([]);
  });
});

describe("scopeOf", () => {
  it("lets the manager, and a desk with nobody picked, see everybody's and switch", () => {
    expect(scopeOf("manager")).toEqual({ scope: "all", canSwitch: true });
    expect(scopeOf(null)).toEqual({ scope: "all", canSwitch: true });
  });

  it("keeps anyone else to their own role", () => {
    expect(scopeOf("follow_up")).toEqual({ scope: "follow_up", canSwitch: false });
    expect(scopeOf("cashier")).toEqual({ scope: "cashier", canSwitch: false });
  });

  it("asks for no role for everybody's list", () => {
    expect(roleOf("all")).toBeNull();
    expect(roleOf("advisor")).toBe("advisor");
  });
});

describe("defaultChannel", () => {
  it("sends greetings as a text and calls about the car", () => {
    expect(defaultChannel("birthday")).toBe("sms");
    expect(defaultChannel("holiday")).toBe("sms");
    expect(defaultChannel("delivery24h")).toBe("call");
    expect(defaultChannel("maintenance_due")).toBe("call");
  });
});

describe("sameItem", () => {
  it("is the same customer and occasion", () => {
    expect(sameItem(item("birthday", 1, "birthday:2026"), item("birthday", 1, "birthday:2026"))).toBe(true);
    expect(sameItem(item("birthday", 1, "birthday:2026"), item("birthday", 2, "birthday:2026"))).toBe(false);
    expect(sameItem(item("holiday", 1, "holiday:2027-01-01"), item("holiday", 1, "holiday:2027-02-06"))).toBe(false);
  });
});

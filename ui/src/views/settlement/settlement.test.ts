import { describe, expect, it } from "vitest";
import type { Settlement } from "../../api";
import {
  handOverForm,
  handOverInput,
  isOtherAdvisor,
  lineNetFen,
  newPaymentRow,
  paidFen,
  paymentsOf,
  remainingFen,
  type PaymentRow,
} from "./settlement";

function row(method: PaymentRow["method"], amountFen: number | null, key = 0): PaymentRow {
  return { key, method, amountFen };
}

describe("the cash desk's payment rows", () => {
  it("say what is still owed, or taken too much, as the cashier types", () => {
    const rows = [row("wechat", 50_000), row("cash", null)];
    expect(paidFen(rows)).toBe(50_000);
    expect(remainingFen(58_050, rows)).toBe(8_050);
    rows[1]!.amountFen = 8_050;
    expect(remainingFen(58_050, rows)).toBe(0);
    rows[1]!.amountFen = 9_000;
    expect(remainingFen(58_050, rows)).toBe(-950);
  });

  it("start the next row with a method not used yet and what is left", () => {
    const first = newPaymentRow(28_800, []);
    expect(first).toMatchObject({ method: "wechat", amountFen: 28_800 });
    first.amountFen = 20_000;
    const second = newPaymentRow(28_800, [first]);
    expect(second).toMatchObject({ method: "alipay", amountFen: 8_800 });
    expect(second.key).not.toBe(first.key);
    // Nothing left to take: the amount waits to be typed.
    expect(newPaymentRow(20_000, [first]).amountFen).toBeNull();
  });

  it("send every row as numbered on screen, an empty one as nothing taken", () => {
    expect(paymentsOf([row("wechat", 20_000), row("cash", null)])).toEqual([
      { method: "wechat", amountFen: 20_000 },
      { method: "cash", amountFen: 0 },
    ]);
  });
});

describe("the statement's lines", () => {
  it("count a line after its discount, as the core works the amount out", () => {
    expect(lineNetFen({ amountFen: 16_000, quantityHundredths: 100, unitPriceFen: 16_000, discountFen: 1_000 })).toBe(15_000);
    expect(lineNetFen({ quantityHundredths: 50, unitPriceFen: 16_001, discountFen: 0 })).toBe(8_001);
  });
});

describe("the hand-over", () => {
  const settlement = { order: { id: 7, advisorId: 3, mobile: "13800138000" } } as unknown as Settlement;

  it("calls the customer's own mobile unless told otherwise", () => {
    const form = handOverForm(settlement);
    expect(form).toMatchObject({ followupConsent: null, followupMethod: "mobile", followupPhone: "13800138000", followupTime: null });
  });

  it("sends the call only when it is mandatory or accepted", () => {
    const form = { ...handOverForm(settlement), workExplained: true, followupTime: "evening" as const };
    expect(handOverInput(form, 7, 3, true)).toMatchObject({ followupConsent: true, followupMethod: "mobile", followupTime: "evening" });
    form.followupConsent = false;
    expect(handOverInput(form, 7, 3, false)).toMatchObject({
      followupConsent: false,
      followupMethod: null,
      followupPhone: "",
      followupTime: null,
    });
    form.followupConsent = true;
    form.followupPhone = " 010-65123456 ";
    expect(handOverInput(form, 7, 3, false)).toMatchObject({ followupConsent: true, followupPhone: "010-65123456" });
  });

  it("warns when the desk's operator did not receive the car", () => {
    expect(isOtherAdvisor(3, { advisorId: 3 })).toBe(false);
    expect(isOtherAdvisor(4, { advisorId: 3 })).toBe(true);
    expect(isOtherAdvisor(null, { advisorId: 3 })).toBe(false);
  });
});

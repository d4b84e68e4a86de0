import type {
  FollowupMethod,
  FollowupTime,
  HandOverInput,
  Line,
  PassKind,
  PayMethod,
  PaymentInput,
  Settlement,
} from "../../api";
import { lineAmount } from "../work-orders/editor/workOrder";

/** The ways a customer pays, in the order the cash desk offers them. */
export const PAY_METHODS: readonly PayMethod[] = ["wechat", "alipay", "cash", "card", "transfer"];
export const FOLLOWUP_METHODS: readonly FollowupMethod[] = ["mobile", "landline"];
export const FOLLOWUP_TIMES: readonly FollowupTime[] = ["any", "morning", "afternoon", "evening"];
/** The passes issued without a settled work order. */
export const OTHER_PASS_KINDS: readonly PassKind[] = ["road_test", "wash_only", "rescue", "inspection"];

/** One payment as the cash desk types it: the amount in fen, null while the field is empty. */
export interface PaymentRow {
  key: number;
  method: PayMethod;
  amountFen: number | null;
}

let nextKey = 1;

/** What the rows add up to; an empty amount counts as nothing. */
export function paidFen(rows: readonly PaymentRow[]): number {
  return rows.reduce((sum, row) => sum + (row.amountFen ?? 0), 0);
}

/** What is still owed (positive) or taken too much (negative) against `dueFen`. */
export function remainingFen(dueFen: number, rows: readonly PaymentRow[]): number {
  return dueFen - paidFen(rows);
}

/**
 * The next payment row: the first method not used yet (the customer who splits
 * pays the rest another way) and what is still owed, so that the usual case
 * needs no typing at all. The amount is empty when nothing is left to take.
 */
export function newPaymentRow(dueFen: number, rows: readonly PaymentRow[]): PaymentRow {
  const used = new Set(rows.map((row) => row.method));
  const method = PAY_METHODS.find((m) => !used.has(m)) ?? PAY_METHODS[0]!;
  const left = remainingFen(dueFen, rows);
  return { key: nextKey++, method, amountFen: left > 0 ? left : null };
}

/**
 * The payments sent to the core, one per row as numbered on screen: a row left
 * empty goes as nothing taken, so the core's "payment 2 must be more than 0"
 * names the row the cashier sees.
 */
export function paymentsOf(rows: readonly PaymentRow[]): PaymentInput[] {
  return rows.map((row) => ({ method: row.method, amountFen: row.amountFen ?? 0 }));
}

/** A line's amount after its own discount. */
export function lineNetFen(line: Pick<Line, "amountFen" | "quantityHundredths" | "unitPriceFen" | "discountFen">): number {
  return (line.amountFen ?? lineAmount(line.quantityHundredths, line.unitPriceFen)) - line.discountFen;
}

/** The hand-over as the advisor ticks it; `followupConsent` is null until the customer is asked. */
export interface HandOverForm {
  otherAdvisorConfirmed: boolean;
  workExplained: boolean;
  oldPartsShown: boolean;
  coversRemoved: boolean;
  followupConsent: boolean | null;
  followupMethod: FollowupMethod | null;
  followupPhone: string;
  followupTime: FollowupTime | null;
}

/** A blank hand-over for the car: the call goes to the customer's own mobile unless they say otherwise. */
export function handOverForm(settlement: Settlement): HandOverForm {
  return {
    otherAdvisorConfirmed: false,
    workExplained: false,
    oldPartsShown: false,
    coversRemoved: false,
    followupConsent: null,
    followupMethod: "mobile",
    followupPhone: settlement.order.mobile,
    followupTime: null,
  };
}

/** Whether the follow-up call is to be arranged: always when mandatory, else when the customer accepts. */
export function callAgreed(form: HandOverForm, required: boolean): boolean {
  return required || form.followupConsent === true;
}

/** The hand-over sent to the core; a declined call sends no method, phone or time. */
export function handOverInput(form: HandOverForm, orderId: number, advisorId: number, required: boolean): HandOverInput {
  const agreed = callAgreed(form, required);
  return {
    orderId,
    advisorId,
    otherAdvisorConfirmed: form.otherAdvisorConfirmed,
    workExplained: form.workExplained,
    oldPartsShown: form.oldPartsShown,
    coversRemoved: form.coversRemoved,
    followupConsent: agreed,
    followupMethod: agreed ? form.followupMethod : null,
    followupPhone: agreed ? form.followupPhone.trim() : "",
    followupTime: agreed ? form.followupTime : null,
  };
}

/** The desk's operator is not the advisor who received the car: the hand-over warns first. */
export function isOtherAdvisor(actorId: number | null, order: { advisorId: number }): boolean {
  return actorId !== null && actorId !== order.advisorId;
}

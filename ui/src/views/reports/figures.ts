import type { Figure, Kpis, LocalizedText, Mean, Ratio } from "../../api";
import { percentText } from "../appointments/figures/period";

/** A figure as the dashboard shows it: its value, what it divides and how that is counted. */
export interface ShownFigure {
  /** `92.3%`, `1.17`; null when nothing was counted. */
  value: string | null;
  numerator: string;
  denominator: string;
  formula: LocalizedText;
}

const DECIMAL = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/** A number with at most two decimals, in groups of three: `1,234.5`. */
export function decimalText(value: number): string {
  return DECIMAL.format(value);
}

export function ratioFigure(ratio: Ratio): ShownFigure {
  return {
    value: percentText(ratio),
    numerator: decimalText(ratio.numerator),
    denominator: decimalText(ratio.denominator),
    formula: ratio.formula,
  };
}

/** `scale`: what the numerator is kept in (hours sold are kept in hundredths). */
export function meanFigure(mean: Mean, scale = 1): ShownFigure {
  return {
    value: mean.value === null ? null : decimalText(mean.value),
    numerator: decimalText(mean.numerator / scale),
    denominator: decimalText(mean.denominator),
    formula: mean.formula,
  };
}

/** What the figure divides: `= 24 ÷ 26`. */
export function divisionText(figure: ShownFigure): string {
  return `= ${figure.numerator} ÷ ${figure.denominator}`;
}

/** The figure with its division, as the manager reads it out: `92.3% = 24 ÷ 26` (`— = 0 ÷ 0` when nothing was counted). */
export function equationText(figure: ShownFigure, empty = "—"): string {
  return `${figure.value ?? empty} ${divisionText(figure)}`;
}

/**
 * The shares and means shown as cards, in the order of the dashboard: `test`
 * names the card, `rows` the rows a click opens (the late ones for the
 * promised time, the no-shows for the show rate, the booked arrivals for the
 * booked share).
 */
export const CARDS = [
  { key: "bookedShare", test: "booked-share", ratio: (k: Kpis) => k.appointments.bookedShare, rows: "booked_arrivals" },
  { key: "showRate", test: "show-rate", ratio: (k: Kpis) => k.appointments.showRate, rows: "no_shows" },
  { key: "ordersPerDay", test: "orders-per-day", mean: (k: Kpis) => k.ordersPerDay, rows: "orders_opened" },
  { key: "hoursPerOrder", test: "hours-per-order", mean: (k: Kpis) => k.hoursPerOrder, scale: 100, rows: "orders_settled" },
  { key: "promiseKept", test: "promise-kept", ratio: (k: Kpis) => k.promiseKept, rows: "promise_late" },
  { key: "reworkRate", test: "rework-rate", ratio: (k: Kpis) => k.reworkRate, rows: "reworked" },
  { key: "washRate", test: "wash-rate", ratio: (k: Kpis) => k.washRate, rows: "washed" },
  { key: "followupReach", test: "followup-reach", ratio: (k: Kpis) => k.followupReach, rows: "followup_calls" },
] as const satisfies readonly ({ key: string; test: string; rows?: Figure } & ({ ratio: (k: Kpis) => Ratio } | { mean: (k: Kpis) => Mean; scale?: number }))[];

export type Card = (typeof CARDS)[number];

/** A card's figure out of the dashboard's figures. */
export function cardFigure(card: Card, kpis: Kpis): ShownFigure {
  return "ratio" in card ? ratioFigure(card.ratio(kpis)) : meanFigure(card.mean(kpis), "scale" in card ? card.scale : 1);
}

/** The rows a card opens, if any. */
export function cardRows(card: Card): Figure | null {
  return "rows" in card ? card.rows : null;
}

/** A card's share for its ring; a mean has no ring. */
export function cardPercent(card: Card, kpis: Kpis): number | null | undefined {
  return "ratio" in card ? card.ratio(kpis).percent : undefined;
}

/** The aspects of satisfaction, in the order the follow-up call asks them. */
export const ASPECTS = ["advisor", "quality", "onTime", "price", "facility", "overall"] as const satisfies readonly (keyof Kpis["satisfaction"])[];

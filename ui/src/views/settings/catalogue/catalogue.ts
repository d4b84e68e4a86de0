import type { JobKind, LabourRate, PayType } from "../../../api";

/** Who pays for a line, in the order the desk sees them (the core's `PayType::ALL`). */
export const PAY_TYPES: readonly PayType[] = ["customer", "warranty", "internal", "goodwill"];

/** The kinds of job an operation may be, in the order the select offers them. */
export const JOB_KINDS: readonly JobKind[] = ["maintenance", "body_paint", "repair"];

/** The rates form: yuan per hour as hundredths (fen), null while a field is empty. */
export type RatesForm = Record<PayType, number | null>;

export function ratesForm(rates: readonly LabourRate[]): RatesForm {
  const form = { customer: null, warranty: null, internal: null, goodwill: null } as RatesForm;
  for (const rate of rates) form[rate.payType] = rate.fenPerHour;
  return form;
}

/** The first pay type left empty, in the order of the form; null when all are filled. */
export function firstEmptyRate(form: RatesForm): PayType | null {
  return PAY_TYPES.find((payType) => form[payType] === null) ?? null;
}

/** What the rates form sends, or null while a rate is empty. */
export function ratesInput(form: RatesForm): LabourRate[] | null {
  if (firstEmptyRate(form) !== null) return null;
  return PAY_TYPES.map((payType) => ({ payType, fenPerHour: form[payType]! }));
}

/**
 * The core refuses a rate as `fenPerHour` without saying which pay type; the
 * only refusal a field of digits can meet is a rate above the limit, so it
 * goes under the highest one.
 */
export function refusedRate(form: RatesForm): PayType {
  let highest: PayType = PAY_TYPES[0]!;
  for (const payType of PAY_TYPES) if ((form[payType] ?? 0) > (form[highest] ?? 0)) highest = payType;
  return highest;
}

/** The printed terms as the form edits them: one per line. */
export function termsText(terms: readonly string[]): string {
  return terms.join("\n");
}

/** The terms typed, one per line; the core drops empty lines and trims the rest. */
export function termsList(text: string): string[] {
  return text.split(/\r?\n/);
}

/** The locale key naming the column of a parts list a rejected row's field came from; null for none. */
const PART_FIELD_LABELS: Readonly<Record<string, string>> = {
  partNo: "catalogue.parts.partNo",
  name: "catalogue.parts.name",
  unit: "catalogue.parts.unit",
  unitPriceFen: "catalogue.parts.unitPrice",
  onHandHundredths: "catalogue.parts.onHand",
};

export function partFieldLabel(field: string): string | null {
  return PART_FIELD_LABELS[field] ?? null;
}

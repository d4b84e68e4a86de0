import { localized, type Column, type ImportReport, type RejectedRow } from "../../../api";
import type { Locale } from "../../../i18n";

/** The columns a file header can be read as, in the order the mapping select offers them. */
export const COLUMNS: readonly Column[] = [
  "name",
  "gender",
  "mobile",
  "phone",
  "plate",
  "vin",
  "brand",
  "model",
  "birthday",
  "address",
  "company",
  "notes",
];

export type Mapping = (Column | null)[];

/**
 * The mapping with header `index` read as `column` (null: not imported). The
 * core reads each column from one header only, so a header that had `column`
 * before gives it up rather than being silently ignored.
 */
export function assignColumn(mapping: readonly (Column | null)[], index: number, column: Column | null): Mapping {
  return mapping.map((current, i) => (i === index ? column : column !== null && current === column ? null : current));
}

/**
 * The core names a refused field as the customer and vehicle forms do; the
 * report names the spreadsheet column it came from. Null for a field no
 * column feeds.
 */
const FIELD_COLUMNS: Readonly<Record<string, Column>> = {
  name: "name",
  gender: "gender",
  mobile: "mobile",
  otherPhones: "phone",
  plate: "plate",
  vin: "vin",
  brand: "brand",
  model: "model",
  birthday: "birthday",
  address: "address",
  employer: "company",
  notes: "notes",
};

export function rejectedColumn(field: string): Column | null {
  return FIELD_COLUMNS[field] ?? null;
}

/** Why a row was rejected, in `locale` (the UI's by default): the core sends both languages. */
export function rejectedReason(row: RejectedRow, locale?: Locale): string {
  return localized({ "zh-CN": row.message, en: row.messageEn }, locale);
}

/**
 * What a run came to: `checked` (a dry run: nothing written), `imported`
 * (every row), `partial` (the valid rows; the rejected went to a report) or
 * `refused` (rejected rows stopped the whole file, nothing written).
 */
export type ImportOutcome = "checked" | "imported" | "partial" | "refused";

export function importOutcome(report: ImportReport, dryRun: boolean): ImportOutcome {
  if (report.imported) return report.rejected.length > 0 ? "partial" : "imported";
  return dryRun ? "checked" : "refused";
}

/** How many percent of the rows a run has done, for the progress bar (0 while the total is unknown). */
export function progressPercent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((done * 100) / total)) : 0;
}

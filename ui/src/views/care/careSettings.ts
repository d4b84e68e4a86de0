import type { CareKind, CareSettings } from "../../api";
import { CARE_KINDS } from "./care";

/** A holiday as the form edits it; `key` keeps a row's fields in place while rows are removed. */
export interface HolidayRow {
  key: number;
  date: string;
  name: string;
}

export interface CareSettingsForm {
  holidays: HolidayRow[];
  holidayLeadDays: number | null;
  keyContactDays: number | null;
  /** One message per kind, every kind present (an empty one is refused by the core). */
  templates: Record<CareKind, string>;
}

/** The fields a message template may use, in the order the help lists them. */
export const TEMPLATE_FIELDS = ["customer", "title", "dealership", "plate", "holiday", "due"] as const;

let nextKey = 1;

export function holidayRow(date = "", name = ""): HolidayRow {
  return { key: nextKey++, date, name };
}

/** The form for the settings as the core keeps them. */
export function careSettingsForm(settings: CareSettings): CareSettingsForm {
  const texts = new Map((settings.templates ?? []).map((t) => [t.kind, t.text]));
  return {
    holidays: (settings.holidays ?? []).map((h) => holidayRow(h.date, h.name)),
    holidayLeadDays: settings.holidayLeadDays ?? null,
    keyContactDays: settings.keyContactDays ?? null,
    templates: Object.fromEntries(CARE_KINDS.map((kind) => [kind, texts.get(kind) ?? ""])) as Record<CareKind, string>,
  };
}

/** The settings sent to the core; the numbers must be filled in first. Rows go in the order shown, so “holiday 2” names the second row. */
export function careSettingsInput(form: CareSettingsForm & { holidayLeadDays: number; keyContactDays: number }): CareSettings {
  return {
    holidays: form.holidays.map((h) => ({ date: h.date, name: h.name.trim() })),
    holidayLeadDays: form.holidayLeadDays,
    keyContactDays: form.keyContactDays,
    templates: CARE_KINDS.map((kind) => ({ kind, text: form.templates[kind].trim() })),
  };
}

/** Where a refusal of the templates belongs: under the first one left empty, else the first. */
export function refusedTemplate(templates: Record<CareKind, string>): CareKind {
  return CARE_KINDS.find((kind) => templates[kind].trim() === "") ?? CARE_KINDS[0]!;
}

import type { AppointmentSettings } from "../../../api";

/** The whole-number settings, each with the unit its field shows (`apptSettings.unit.<unit>`). */
export const NUMBER_FIELDS = {
  slotMinutes: "minutes",
  advisorBookingsPerHour: "perHour",
  confirmCallMinutes: "minutes",
  blockedMinutes: "minutes",
  noShowMinutes: "minutes",
  noVisitMonths: "months",
  dueWithinDays: "days",
  declinedPauseDays: "days",
  notReachedRetryDays: "days",
  notReachedTries: "times",
  keptPoints: "points",
} as const satisfies Partial<Record<keyof AppointmentSettings, string>>;

export type NumberField = keyof typeof NUMBER_FIELDS;
export type ListField = "teams" | "bays" | "holidays";
export type SettingsField = keyof AppointmentSettings;

/** The form's sections, in order, each listing its fields. */
export const SECTIONS: readonly { key: string; fields: readonly SettingsField[] }[] = [
  { key: "hours", fields: ["opensAt", "closesAt", "slotMinutes", "advisorBookingsPerHour"] },
  { key: "resources", fields: ["teams", "bays", "holidays"] },
  { key: "times", fields: ["confirmCallMinutes", "blockedMinutes", "noShowMinutes"] },
  { key: "callList", fields: ["noVisitMonths", "dueWithinDays", "declinedPauseDays", "notReachedRetryDays", "notReachedTries"] },
  { key: "benefit", fields: ["keptPoints"] },
];

/** The settings as the form holds them: numbers may be empty while being typed. */
export type SettingsForm = Omit<AppointmentSettings, NumberField> & Record<NumberField, number | null>;

export function isNumberField(field: SettingsField): field is NumberField {
  return field in NUMBER_FIELDS;
}

export function isListField(field: SettingsField): field is ListField {
  return field === "teams" || field === "bays" || field === "holidays";
}

export function emptySettingsForm(): SettingsForm {
  const numbers = Object.fromEntries(Object.keys(NUMBER_FIELDS).map((f) => [f, null])) as Record<NumberField, null>;
  return { opensAt: "", closesAt: "", teams: [], bays: [], holidays: [], ...numbers };
}

export function settingsForm(settings: AppointmentSettings): SettingsForm {
  return { ...settings, teams: [...settings.teams], bays: [...settings.bays], holidays: [...settings.holidays] };
}

/** The first number field left empty, in the order of the form; null when all are filled. */
export function firstEmpty(form: SettingsForm): NumberField | null {
  for (const section of SECTIONS) {
    for (const field of section.fields) {
      if (isNumberField(field) && form[field] === null) return field;
    }
  }
  return null;
}

/** What the form sends, or null while a number is empty (`firstEmpty` says which). */
export function settingsInput(form: SettingsForm): AppointmentSettings | null {
  if (firstEmpty(form) !== null) return null;
  return { ...form, opensAt: form.opensAt.trim(), closesAt: form.closesAt.trim() } as AppointmentSettings;
}

/**
 * A name typed into a tag list, added once: blanks are ignored and a name
 * already listed is not added again. Holidays are kept in date order.
 */
export function addToList(list: readonly string[], typed: string, sorted = false): string[] {
  const value = typed.trim();
  if (!value || list.includes(value)) return [...list];
  const next = [...list, value];
  return sorted ? next.sort() : next;
}

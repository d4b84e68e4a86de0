/** Time zones a dealership can pick, with the locale key of each label. */
export const TIME_ZONES = [
  { value: "Asia/Shanghai", label: "timeZone.shanghai" },
  { value: "Asia/Urumqi", label: "timeZone.urumqi" },
  { value: "Asia/Hong_Kong", label: "timeZone.hongKong" },
  { value: "Asia/Taipei", label: "timeZone.taipei" },
  { value: "Asia/Macau", label: "timeZone.macau" },
] as const;

export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

/** The locale key naming `zone`, or null for a zone not in the list. */
export function timeZoneLabel(zone: string): string | null {
  return TIME_ZONES.find((z) => z.value === zone)?.label ?? null;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/**
 * An instant from the core (RFC 3339, e.g. `2026-11-23T06:30:00Z`) as the
 * dealership reads it: `2026-11-23 14:30` in its time zone. Anything that is
 * not a full instant (a plain date, a local time) is shown as it came.
 */
export function formatInstant(value: string, timeZone: string): string {
  if (!INSTANT.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      })
        .formatToParts(date)
        .map((part) => [part.type, part.value]),
    );
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
  } catch {
    return value; // unknown time zone
  }
}

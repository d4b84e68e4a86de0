import { i18n, currentLocale, type Locale } from "../i18n";
import type { ErrorPayload, LocalizedText } from "./bindings";

/** The `{code, message, field}` object every command rejects with. */
export type AppError = ErrorPayload;

export { commands } from "./bindings";
export type * from "./bindings";

/** True for the `{code, message, field}` object the core rejects with. */
export function isAppError(e: unknown): e is AppError {
  if (typeof e !== "object" || e === null) return false;
  const { code, message } = e as Record<string, unknown>;
  return (
    typeof code === "string" &&
    typeof message === "object" &&
    message !== null &&
    typeof (message as Record<string, unknown>)["zh-CN"] === "string" &&
    typeof (message as Record<string, unknown>).en === "string"
  );
}

/** `text` in `locale`; the other language when the core left that one empty. */
export function localized(text: LocalizedText, locale: Locale = currentLocale()): string {
  return text[locale] || text["zh-CN"] || text.en;
}

/**
 * Turns anything a command rejected with into text for the user, in `locale`.
 * A core error shows its own localized message (never its code); anything else
 * (Tauri rejects with plain strings for its own failures) is shown as it came,
 * under a generic "operation failed" heading.
 */
export function errorText(e: unknown, locale: Locale = currentLocale()): string {
  const t = i18n.global.t;
  if (isAppError(e)) {
    return localized(e.message, locale) || t("error.failed", {}, { locale });
  }
  const detail = rawText(e);
  return detail ? t("error.failedWith", { detail }, { locale }) : t("error.failed", {}, { locale });
}

function rawText(e: unknown): string {
  if (typeof e === "string") return e.trim();
  if (e instanceof Error) return e.message.trim();
  if (e === null || e === undefined) return "";
  try {
    return JSON.stringify(e);
  } catch {
    return String(e);
  }
}

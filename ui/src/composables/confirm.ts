import { ElMessageBox } from "element-plus";
import { errorText, isAppError, type AppError } from "../api";
import { i18n } from "../i18n";

/**
 * Sends something the core refuses with `code` until the desk confirms it (a booking over
 * capacity, a mobile already on another customer's file): on that refusal `confirm` asks
 * with its text, and a yes sends the same again confirmed. Null when the desk says no (what
 * was typed stays); any other refusal is thrown on.
 */
export async function sendConfirmed<T>(
  code: string,
  send: (confirmed: boolean) => Promise<T>,
  confirm: (refusal: AppError) => Promise<boolean>,
): Promise<T | null> {
  try {
    return await send(false);
  } catch (e) {
    if (!isAppError(e) || e.code !== code) throw e;
    if (!(await confirm(e))) return null;
    return await send(true);
  }
}

/** Shows whose file the mobile is on and asks whether to file it for this customer too. */
export function confirmDuplicateMobile(refusal: AppError): Promise<boolean> {
  const t = i18n.global.t;
  return confirmChange(t("customers.duplicateMobile.title"), errorText(refusal), t("customers.duplicateMobile.confirm"));
}

/** A warning box with two buttons; true when the user presses `confirm`, false on cancel or close. */
async function ask(title: string, text: string, confirm: string, cancel: string): Promise<boolean> {
  try {
    await ElMessageBox.confirm(text, title, { type: "warning", confirmButtonText: confirm, cancelButtonText: cancel });
    return true;
  } catch {
    return false;
  }
}

/** Asks before what was typed is thrown away; true when the user agrees to lose it. */
export function confirmDiscard(): Promise<boolean> {
  const t = i18n.global.t;
  return ask(t("common.discardTitle"), t("common.discardText"), t("common.discard"), t("common.keepEditing"));
}

/** Asks before a change that cannot simply be taken back (e.g. 过户); true when the user goes ahead. */
export function confirmChange(title: string, text: string, confirm: string): Promise<boolean> {
  return ask(title, text, confirm, i18n.global.t("common.cancel"));
}

/**
 * Asks why something is cancelled, with the texts under `<prefix>.text/title/confirm/keep/
 * placeholder/reasonRequired`; the trimmed reason, or null when the user keeps it.
 */
export async function askCancelReason(prefix: string, number: string, customClass = ""): Promise<string | null> {
  const t = i18n.global.t;
  try {
    const answer = await ElMessageBox.prompt(t(`${prefix}.text`, { number }), t(`${prefix}.title`), {
      confirmButtonText: t(`${prefix}.confirm`),
      cancelButtonText: t(`${prefix}.keep`),
      inputPlaceholder: t(`${prefix}.placeholder`),
      inputValidator: (value: string) => (value ?? "").trim() !== "" || t(`${prefix}.reasonRequired`),
      type: "warning",
      customClass,
    });
    return answer.value.trim();
  } catch {
    return null;
  }
}

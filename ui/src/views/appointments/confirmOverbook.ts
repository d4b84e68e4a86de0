import { errorText, type AppError } from "../../api";
import { confirmChange } from "../../composables/confirm";
import { i18n } from "../../i18n";

/** Shows why a booking goes over capacity and asks whether to book anyway; true to go ahead. */
export function confirmOverbook(refusal: AppError): Promise<boolean> {
  const t = i18n.global.t;
  return confirmChange(t("appointments.overbook.title"), errorText(refusal), t("appointments.overbook.confirm"));
}

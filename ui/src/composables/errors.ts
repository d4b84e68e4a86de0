import { computed, ref, watch } from "vue";
import { ElMessage, ElMessageBox } from "element-plus";
import { errorText, isAppError, type AppError } from "../api";
import { i18n, type Locale } from "../i18n";

/** Shows any rejection as an error message in the current language. */
export function showError(e: unknown) {
  ElMessage({ type: "error", message: errorText(e), showClose: true, duration: 8000 });
}

/**
 * A refusal for a field left empty, made by the form since the core never
 * sees an empty number: `sentence` is the locale key of what to say (the
 * field's name goes in as `field`), `label` the locale key of that name. It
 * carries both languages like the core's own refusals, so that under the
 * field it follows a change of language.
 */
export function requiredRefusal(field: string, sentence: string, label: string): AppError {
  const t = i18n.global.t;
  const say = (locale: Locale) => t(sentence, { field: t(label, {}, { locale }) }, { locale });
  return { code: "validation", message: { "zh-CN": say("zh-CN"), en: say("en") }, field };
}

/**
 * Shows why a save was refused because another desk changed the file meanwhile,
 * and calls `reload` when the user chooses to read the file again (dropping
 * their edits); otherwise everything typed stays.
 */
async function offerReload(e: AppError, reload: () => void) {
  const t = i18n.global.t;
  try {
    await ElMessageBox.confirm(errorText(e), t("conflict.title"), {
      type: "warning",
      confirmButtonText: t("conflict.reload"),
      cancelButtonText: t("common.keepEditing"),
    });
  } catch {
    return; // keep editing
  }
  reload();
}

/**
 * Errors shown under form fields (el-form-item `error`). `values` returns the
 * current value of each field the core may name in `AppError.field`; a field's
 * error goes away as soon as its value changes, and follows the UI language.
 * Forms that save a file read earlier pass `reload`: a `conflict` refusal then
 * offers to read the file again. `submit` runs a form's save; `saving` is true
 * meanwhile.
 */
export function useFieldErrors<F extends string>(values: () => Record<F, unknown>, options: { reload?: () => void } = {}) {
  const fields = Object.keys(values()) as F[];
  const refused = ref<Partial<Record<F, AppError>>>({});

  for (const field of fields) {
    watch(
      () => values()[field],
      () => {
        delete refused.value[field];
      },
    );
  }

  const errors = computed(() => {
    const texts: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const e = refused.value[field];
      if (e) texts[field] = errorText(e);
    }
    return texts;
  });

  function clear() {
    refused.value = {};
  }

  /** A refusal naming one of our fields goes under it; a conflict offers to reload; anything else is a message. */
  function show(e: unknown) {
    if (isAppError(e) && e.code === "conflict" && options.reload) {
      void offerReload(e, options.reload);
    } else if (isAppError(e) && e.field !== null && (fields as string[]).includes(e.field)) {
      refused.value = { ...refused.value, [e.field]: e };
    } else {
      showError(e);
    }
  }

  const saving = ref(false);

  /**
   * Runs `action` (the save) unless one is already running: a double Enter or
   * click must not save twice. Marks from the last try go first, so only this
   * try's refusal shows; it is shown as `show` does.
   */
  async function submit(action: () => Promise<void>): Promise<void> {
    if (saving.value) return;
    clear();
    saving.value = true;
    try {
      await action();
    } catch (e) {
      show(e);
    } finally {
      saving.value = false;
    }
  }

  return { errors, clear, show, saving, submit };
}

import { computed, ref, watch } from "vue";
import { ElMessage } from "element-plus";
import { errorText, isAppError, type AppError } from "../api";

/** Shows any rejection as an error message in the current language. */
export function showError(e: unknown) {
  ElMessage({ type: "error", message: errorText(e), showClose: true, duration: 8000 });
}

/**
 * Errors shown under form fields (el-form-item `error`). `values` returns the
 * current value of each field the core may name in `AppError.field`; a field's
 * error goes away as soon as its value changes, and follows the UI language.
 */
export function useFieldErrors<F extends string>(values: () => Record<F, unknown>) {
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

  /** A refusal naming one of our fields goes under it; anything else is a message. */
  function show(e: unknown) {
    if (isAppError(e) && e.field !== null && (fields as string[]).includes(e.field)) {
      refused.value = { ...refused.value, [e.field]: e };
    } else {
      showError(e);
    }
  }

  return { errors, clear, show };
}

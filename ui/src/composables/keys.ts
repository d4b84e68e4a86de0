import { onBeforeUnmount, onMounted, toValue, type MaybeRefOrGetter } from "vue";

/** The text inputs of a form, in order: Enter walks through these. */
const FIELD_SELECTOR = "input.el-input__inner";

/**
 * keydown handler for a form: Enter moves to the next text field and calls
 * `submit` on the last one. Selects are skipped (Enter opens them) and an
 * Enter that confirms an input-method composition is left alone.
 */
export function enterToNext(submit: () => void) {
  return (event: KeyboardEvent) => {
    if (event.key !== "Enter" || event.isComposing || event.keyCode === 229) return;
    if (event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.matches(FIELD_SELECTOR)) return;
    const form = event.currentTarget as HTMLElement;
    const fields = [...form.querySelectorAll<HTMLInputElement>(FIELD_SELECTOR)].filter(
      (field) => !field.disabled && !field.readOnly,
    );
    const index = fields.indexOf(target);
    event.preventDefault();
    const next = fields[index + 1];
    if (index >= 0 && next) next.focus();
    else submit();
  };
}

/**
 * A Ctrl (⌘ on macOS) + `key` shortcut for as long as the calling component is
 * mounted and `active` is true.
 */
export function useCtrlShortcut(key: string, handler: () => void, active: MaybeRefOrGetter<boolean> = true) {
  function onKeydown(event: KeyboardEvent) {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    if (event.key.toLowerCase() !== key || !toValue(active)) return;
    event.preventDefault();
    handler();
  }
  onMounted(() => window.addEventListener("keydown", onKeydown));
  onBeforeUnmount(() => window.removeEventListener("keydown", onKeydown));
}

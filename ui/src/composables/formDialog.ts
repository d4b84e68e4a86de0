import { toValue, type MaybeRefOrGetter, type Ref } from "vue";
import { confirmDiscard } from "./confirm";
import { enterToNext, useCtrlShortcut } from "./keys";

/**
 * What every form dialog does the same way, in one place so that the dialogs
 * cannot drift apart: closing (the corner ×, Esc or the footer's cancel) asks
 * before what was typed is thrown away, Enter walks to the next field and saves
 * on the last, and Ctrl+S saves while the dialog is open.
 *
 * Bind `beforeClose` to el-dialog's `before-close`, `cancel` to the footer's
 * cancel button and `onKeydown` to the el-form's `keydown`.
 */
export function useFormDialog(
  open: Ref<boolean>,
  { save, edited }: { save: () => void; edited: MaybeRefOrGetter<boolean> },
) {
  async function beforeClose(done: () => void) {
    if (!toValue(edited) || (await confirmDiscard())) done();
  }

  /** The footer's cancel: the same question as closing from the corner. */
  function cancel() {
    return beforeClose(() => (open.value = false));
  }

  useCtrlShortcut("s", save, open);
  return { beforeClose, cancel, onKeydown: enterToNext(save) };
}

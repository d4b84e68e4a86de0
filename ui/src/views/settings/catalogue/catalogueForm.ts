import { computed, reactive, ref, watch, type Ref } from "vue";
import { ElMessage } from "element-plus";
import { requiredRefusal, useFieldErrors } from "../../../composables/errors";
import { i18n } from "../../../i18n";

/**
 * The form of a catalogue dialog (see CatalogueDialog.vue): `fill` gives what
 * it holds each time the dialog opens (what is stored, or a blank one for
 * 新增); it is `edited` once it differs from that. A refusal naming one of its
 * fields shows under that field and keeps what was typed.
 *
 * `refuseEmpty` says a number field was left empty (the core never sees an
 * empty number). `save` runs `command` unless a save is already running and,
 * once it is done, says `saved` (a locale key), closes the dialog and calls
 * `done`.
 */
export function useCatalogueForm<F extends object>(open: Ref<boolean>, fill: () => F) {
  const form = reactive(fill()) as F;
  const baseline = ref("");
  const { errors, clear, show, saving, submit } = useFieldErrors(() => ({ ...form }) as Record<keyof F & string, unknown>);
  const edited = computed(() => JSON.stringify(form) !== baseline.value);

  watch(open, (isOpen) => {
    if (!isOpen) return;
    Object.assign(form, fill());
    baseline.value = JSON.stringify(form);
    clear();
  });

  function refuseEmpty(field: keyof F & string, label: string) {
    clear();
    show(requiredRefusal(field, "catalogue.required", label));
  }

  function save(command: () => Promise<unknown>, saved: string, done: () => void): Promise<void> {
    return submit(async () => {
      await command();
      ElMessage.success(i18n.global.t(saved));
      open.value = false;
      done();
    });
  }

  return { form, edited, errors, saving, refuseEmpty, save };
}

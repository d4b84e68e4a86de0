// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createApp, defineComponent, ref, type App } from "vue";
import { useFormDialog } from "./formDialog";

const confirmDiscard = vi.hoisted(() => vi.fn<() => Promise<boolean>>());
vi.mock("./confirm", () => ({ confirmDiscard }));

const open = ref(true);
const edited = ref(false);
const save = vi.fn();
let dialog: ReturnType<typeof useFormDialog>;
let app: App;

beforeEach(() => {
  open.value = true;
  edited.value = false;
  save.mockReset();
  confirmDiscard.mockReset();
  // useCtrlShortcut listens only while a component is mounted.
  app = createApp(
    defineComponent({
      setup() {
        dialog = useFormDialog(open, { save, edited });
        return () => null;
      },
    }),
  );
  app.mount(document.createElement("div"));
});

afterEach(() => app.unmount());

function ctrl(key: string) {
  const event = new KeyboardEvent("keydown", { key, ctrlKey: true, bubbles: true, cancelable: true });
  window.dispatchEvent(event);
  return event;
}

describe("useFormDialog", () => {
  it("closes at once when nothing was typed", async () => {
    const done = vi.fn();
    await dialog.beforeClose(done);
    expect(confirmDiscard).not.toHaveBeenCalled();
    expect(done).toHaveBeenCalledOnce();
  });

  it("asks before throwing away what was typed, and closes only when the user agrees", async () => {
    edited.value = true;
    const done = vi.fn();
    confirmDiscard.mockResolvedValueOnce(false);
    await dialog.beforeClose(done);
    expect(done).not.toHaveBeenCalled();
    confirmDiscard.mockResolvedValueOnce(true);
    await dialog.beforeClose(done);
    expect(confirmDiscard).toHaveBeenCalledTimes(2);
    expect(done).toHaveBeenCalledOnce();
  });

  it("cancel asks the same question and closes the dialog", async () => {
    edited.value = true;
    confirmDiscard.mockResolvedValue(false);
    await dialog.cancel();
    expect(open.value).toBe(true);
    confirmDiscard.mockResolvedValue(true);
    await dialog.cancel();
    expect(open.value).toBe(false);
  });

  it("saves on Ctrl+S only while open", () => {
    expect(ctrl("s").defaultPrevented).toBe(true);
    expect(save).toHaveBeenCalledOnce();
    open.value = false;
    ctrl("s");
    expect(save).toHaveBeenCalledOnce();
  });

  it("saves on Enter in the last field", () => {
    document.body.innerHTML = `<form><input class="el-input__inner" /></form>`;
    const form = document.querySelector("form")!;
    form.addEventListener("keydown", dialog.onKeydown);
    form.querySelector("input")!.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
    expect(save).toHaveBeenCalledOnce();
  });
});

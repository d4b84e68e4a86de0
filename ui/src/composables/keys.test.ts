// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from "vitest";
import { enterToNext } from "./keys";

let form: HTMLFormElement;
let fields: HTMLInputElement[];
const submit = vi.fn();

function press(target: HTMLElement, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

beforeEach(() => {
  submit.mockReset();
  document.body.innerHTML = `
    <form>
      <input class="el-input__inner" name="name" />
      <input class="el-select__input" name="province" />
      <input class="el-input__inner" name="mobile" disabled />
      <input class="el-input__inner" name="plate" />
    </form>`;
  form = document.querySelector("form")!;
  fields = [...form.querySelectorAll("input")];
  form.addEventListener("keydown", enterToNext(submit));
});

describe("enterToNext", () => {
  it("moves to the next text field, skipping selects and disabled fields", () => {
    fields[0]!.focus();
    const event = press(fields[0]!);
    expect(document.activeElement).toBe(fields[3]);
    expect(event.defaultPrevented).toBe(true);
    expect(submit).not.toHaveBeenCalled();
  });

  it("saves on the last field", () => {
    fields[3]!.focus();
    press(fields[3]!);
    expect(submit).toHaveBeenCalledOnce();
  });

  it("leaves an Enter that confirms an input-method composition alone", () => {
    fields[0]!.focus();
    press(fields[0]!, { isComposing: true });
    expect(document.activeElement).toBe(fields[0]);
    expect(submit).not.toHaveBeenCalled();
  });

  it("leaves Enter on a select to the select", () => {
    const event = press(fields[1]!);
    expect(event.defaultPrevented).toBe(false);
    expect(submit).not.toHaveBeenCalled();
  });

  it("ignores other keys", () => {
    fields[3]!.focus();
    press(fields[3]!, { key: "a" });
    expect(submit).not.toHaveBeenCalled();
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import { nextTick, reactive } from "vue";
import type { AppError } from "../api";
import { i18n } from "../i18n";

const { message, confirm } = vi.hoisted(() => ({ message: vi.fn(), confirm: vi.fn() }));
vi.mock("element-plus", () => ({ ElMessage: message, ElMessageBox: { confirm } }));

const { requiredRefusal, useFieldErrors } = await import("./errors");

const refused = (field: string | null): AppError => ({
  code: "validation",
  message: { "zh-CN": "手机号码格式不对", en: "The mobile number is not valid" },
  field,
});

beforeEach(() => {
  message.mockReset();
  confirm.mockReset();
});

describe("useFieldErrors", () => {
  it("puts a refusal under the field it names, in the current language", () => {
    const form = reactive({ name: "张伟", mobile: "1380013" });
    const { errors, show } = useFieldErrors(() => ({ ...form }));
    show(refused("mobile"));
    expect(errors.value).toEqual({ mobile: "手机号码格式不对" });

    i18n.global.locale.value = "en";
    expect(errors.value.mobile).toBe("The mobile number is not valid");
    i18n.global.locale.value = "zh-CN";
  });

  it("drops a field's error once its value changes, and keeps the others", async () => {
    const form = reactive({ name: "", mobile: "1380013" });
    const { errors, show } = useFieldErrors(() => ({ ...form }));
    show(refused("mobile"));
    show({ ...refused("name"), message: { "zh-CN": "请填写姓名", en: "Please enter a name" } });
    form.mobile = "13800138000";
    await nextTick();
    expect(errors.value).toEqual({ name: "请填写姓名" });
  });

  it("shows a refusal without a known field, and any other failure, as a message", () => {
    const { errors, show } = useFieldErrors(() => ({ name: "" }));
    show(refused(null));
    show(refused("vin"));
    show("IPC channel closed");
    expect(errors.value).toEqual({});
    expect(message.mock.calls.map(([options]) => options.message)).toEqual([
      "手机号码格式不对",
      "手机号码格式不对",
      "操作失败：IPC channel closed",
    ]);
  });

  it("offers to reload a file another desk changed, and keeps the form when declined", async () => {
    const conflict: AppError = {
      code: "conflict",
      message: { "zh-CN": "档案已被其他人修改", en: "Someone else changed the file" },
      field: null,
    };
    const reload = vi.fn();
    const { errors, show } = useFieldErrors(() => ({ name: "" }), { reload });

    confirm.mockResolvedValueOnce("confirm");
    show(conflict);
    await vi.waitFor(() => expect(reload).toHaveBeenCalledOnce());
    expect(confirm.mock.calls[0]?.[0]).toBe("档案已被其他人修改");

    confirm.mockRejectedValueOnce("cancel");
    show(conflict);
    await vi.waitFor(() => expect(confirm).toHaveBeenCalledTimes(2));
    await Promise.resolve();
    expect(reload).toHaveBeenCalledOnce();
    expect(errors.value).toEqual({});
    expect(message).not.toHaveBeenCalled();
  });

  it("shows a conflict as a message where there is nothing to reload", () => {
    const { show } = useFieldErrors(() => ({ name: "" }));
    show({ ...refused(null), code: "conflict" });
    expect(confirm).not.toHaveBeenCalled();
    expect(message).toHaveBeenCalledOnce();
  });
});

describe("submit", () => {
  it("marks the refused field and is no longer saving afterwards", async () => {
    const { errors, saving, submit } = useFieldErrors(() => ({ mobile: "1380013" }));
    const done = submit(async () => {
      throw refused("mobile");
    });
    expect(saving.value).toBe(true);
    await done;
    expect(errors.value).toEqual({ mobile: "手机号码格式不对" });
    expect(saving.value).toBe(false);
    expect(message).not.toHaveBeenCalled();
  });

  it("clears the last refusal before trying again", async () => {
    const { errors, show, submit } = useFieldErrors(() => ({ mobile: "1380013" }));
    show(refused("mobile"));
    await submit(async () => {});
    expect(errors.value).toEqual({});
  });

  it("ignores a second call while one is running", async () => {
    const { saving, submit } = useFieldErrors(() => ({ name: "" }));
    let finish = () => {};
    const first = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    const second = vi.fn(async () => {});
    const running = submit(first);
    await submit(second);
    expect(second).not.toHaveBeenCalled();
    finish();
    await running;
    expect(first).toHaveBeenCalledOnce();
    expect(saving.value).toBe(false);
  });
});

describe("requiredRefusal", () => {
  it("names the field and carries both languages", () => {
    expect(requiredRefusal("standardHundredths", "catalogue.required", "catalogue.operations.standardHours")).toEqual({
      code: "validation",
      field: "standardHundredths",
      message: { "zh-CN": "请填写“标准工时”", en: "Enter “Standard hours”" },
    });
  });
});

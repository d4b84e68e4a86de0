// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from "vitest";
import { nextTick } from "vue";
import { createPinia, setActivePinia } from "pinia";
import type { StaffMember } from "../api";

const { staffList } = vi.hoisted(() => ({ staffList: vi.fn<() => Promise<StaffMember[]>>() }));
vi.mock("../api", () => ({ commands: { staffList } }));

const { useStaffStore } = await import("./staff");

const STAFF: StaffMember[] = [
  { id: 3, name: "李明轩", role: "advisor" },
  { id: 4, name: "王芳", role: "advisor" },
  { id: 9, name: "赵强", role: "foreman" },
];

beforeEach(() => {
  localStorage.clear();
  staffList.mockReset();
  staffList.mockResolvedValue(STAFF);
  setActivePinia(createPinia());
});

describe("useStaffStore", () => {
  it("lists the advisors among the staff", async () => {
    const staff = useStaffStore();
    await staff.load();
    expect(staff.advisors.map((m) => m.name)).toEqual(["李明轩", "王芳"]);
  });

  it("remembers who works at this desk on this computer", async () => {
    const staff = useStaffStore();
    await staff.load();
    staff.setActor(9);
    await nextTick();
    expect(localStorage.getItem("servicebay.actorId")).toBe("9");

    setActivePinia(createPinia());
    const again = useStaffStore();
    await again.load();
    expect(again.actorId).toBe(9);
    expect(again.actorName).toBe("赵强");
  });

  it("forgets an actor who is no longer on the staff", async () => {
    localStorage.setItem("servicebay.actorId", "42");
    const staff = useStaffStore();
    expect(staff.actorId).toBe(42);
    await staff.load();
    expect(staff.actorId).toBeNull();
    await nextTick();
    expect(localStorage.getItem("servicebay.actorId")).toBeNull();
  });

  it("reads the staff once for ensureLoaded", async () => {
    const staff = useStaffStore();
    await staff.ensureLoaded();
    await staff.ensureLoaded();
    expect(staffList).toHaveBeenCalledTimes(1);
  });
});

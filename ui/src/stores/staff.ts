import { defineStore } from "pinia";
import { computed, ref, watch } from "vue";
import { commands, type StaffMember } from "../api";

const ACTOR_KEY = "servicebay.actorId";

function storedActor(): number | null {
  try {
    const saved = Number(localStorage.getItem(ACTOR_KEY));
    return Number.isInteger(saved) && saved > 0 ? saved : null;
  } catch {
    return null;
  }
}

/**
 * The active staff, and who works at this desk (本机操作员). Every action command
 * passes `actorId`, so the history says who did what; the choice stays on this
 * computer (localStorage), not in the shared database.
 */
export const useStaffStore = defineStore("staff", () => {
  const staff = ref<StaffMember[]>([]);
  const loaded = ref(false);
  const actorId = ref<number | null>(storedActor());

  const advisors = computed(() => staff.value.filter((m) => m.role === "advisor"));
  const actor = computed<StaffMember | null>(
    () => staff.value.find((m) => m.id === actorId.value) ?? null,
  );
  /** The actor's name, for papers that print who prepared them; empty when nobody is picked. */
  const actorName = computed(() => actor.value?.name ?? "");

  async function load() {
    staff.value = await commands.staffList();
    loaded.value = true;
    // A member who left (or a database swapped under us) is no longer the actor.
    if (actorId.value !== null && !staff.value.some((m) => m.id === actorId.value)) {
      actorId.value = null;
    }
  }

  /** Loads the staff once; later calls reuse the list (call `load` to refresh). */
  async function ensureLoaded() {
    if (!loaded.value) await load();
  }

  function setActor(id: number | null) {
    actorId.value = id;
  }

  function nameOf(id: number | null | undefined): string {
    return staff.value.find((m) => m.id === id)?.name ?? "";
  }

  watch(actorId, (id) => {
    try {
      if (id === null) localStorage.removeItem(ACTOR_KEY);
      else localStorage.setItem(ACTOR_KEY, String(id));
    } catch {
      // Storage unavailable: the choice lasts for this session only.
    }
  });

  return { staff, loaded, actorId, advisors, actor, actorName, load, ensureLoaded, setActor, nameOf };
});

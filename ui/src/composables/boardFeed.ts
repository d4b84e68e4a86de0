import { onBeforeUnmount, onMounted, ref, shallowRef } from "vue";
import { isLocale } from "../i18n";
import { useAppStore } from "../stores/app";

/**
 * What a board shows, read from the core every `seconds`: a read that brings
 * nothing new leaves the page alone (no redraw, no flicker), a failed read
 * keeps what is shown and `staleSince` says when the last good read was, until
 * a later read succeeds. `refresh` reads at once (after a step taken here).
 */
export function useBoardFeed<T>(read: () => Promise<T>, seconds: number) {
  const data = shallowRef<T | null>(null);
  const staleSince = ref<Date | null>(null);
  let lastGood: Date | null = null;
  let lastJson = "";
  let reading = false;

  async function refresh() {
    if (reading) return;
    reading = true;
    try {
      const next = await read();
      const json = JSON.stringify(next);
      if (json !== lastJson) {
        lastJson = json;
        data.value = next;
      }
      lastGood = new Date();
      staleSince.value = null;
    } catch {
      // Keep what is shown; say how old it is. The next tick tries again.
      staleSince.value = lastGood;
    } finally {
      reading = false;
    }
  }

  let timer: number | undefined;
  onMounted(() => {
    void refresh();
    timer = window.setInterval(() => void refresh(), seconds * 1000);
  });
  onBeforeUnmount(() => window.clearInterval(timer));

  return { data, staleSince, refresh };
}

/** A wall board has its own window: it follows a language chosen in the main window. */
export function useFollowLanguage() {
  const app = useAppStore();
  function onStorage(event: StorageEvent) {
    if (event.key === "servicebay.language" && isLocale(event.newValue)) app.setLanguage(event.newValue);
  }
  onMounted(() => window.addEventListener("storage", onStorage));
  onBeforeUnmount(() => window.removeEventListener("storage", onStorage));
}

/** The current time, ticking every second, for a board's clock. */
export function useNow() {
  const now = ref(new Date());
  let timer: number | undefined;
  onMounted(() => (timer = window.setInterval(() => (now.value = new Date()), 1000)));
  onBeforeUnmount(() => window.clearInterval(timer));
  return now;
}

import { defineStore } from "pinia";
import { computed, ref, watch } from "vue";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { commands, type AppInfo, type Dealership } from "../api";
import { i18n, isLocale, DEFAULT_LOCALE, type Locale } from "../i18n";

const LANGUAGE_KEY = "servicebay.language";

function storedLanguage(): Locale {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    return isLocale(saved) ? saved : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

async function setWindowTitle(title: string) {
  document.title = title;
  try {
    await getCurrentWindow().setTitle(title);
  } catch {
    // Not inside the Tauri window (plain browser, tests): document.title is enough.
  }
}

/** What the app knows about itself (appInfo from the core) and the UI language. */
export const useAppStore = defineStore("app", () => {
  const info = ref<AppInfo | null>(null);
  const language = ref<Locale>(storedLanguage());

  const dealership = computed<Dealership | null>(() => info.value?.dealership ?? null);

  async function load() {
    info.value = await commands.appInfo();
  }

  function setDealership(saved: Dealership) {
    if (info.value) info.value = { ...info.value, dealership: saved };
  }

  async function saveDealership(input: Dealership) {
    setDealership(await commands.dealershipSave(input));
  }

  async function seedDemo() {
    setDealership(await commands.demoSeed());
  }

  function setLanguage(locale: Locale) {
    language.value = locale;
    try {
      localStorage.setItem(LANGUAGE_KEY, locale);
    } catch {
      // Storage unavailable: the choice lasts for this session only.
    }
  }

  watch(
    language,
    (locale) => {
      i18n.global.locale.value = locale;
      document.documentElement.lang = locale;
    },
    { immediate: true },
  );

  watch(
    [() => dealership.value?.name, language],
    ([name]) => {
      const t = i18n.global.t;
      void setWindowTitle(name ? t("app.windowTitle", { name }) : t("app.name"));
    },
    { immediate: true },
  );

  return { info, language, dealership, load, saveDealership, seedDemo, setLanguage };
});

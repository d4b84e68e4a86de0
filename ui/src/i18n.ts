import { createI18n } from "vue-i18n";
import zhCN from "./locales/zh-CN.json";
import en from "./locales/en.json";

export type Locale = "zh-CN" | "en";
export const LOCALES: readonly Locale[] = ["zh-CN", "en"];
export const DEFAULT_LOCALE: Locale = "zh-CN";

type MessageSchema = typeof zhCN;

export function isLocale(value: unknown): value is Locale {
  return LOCALES.includes(value as Locale);
}

export const i18n = createI18n<[MessageSchema], Locale, false>({
  legacy: false,
  locale: DEFAULT_LOCALE,
  fallbackLocale: DEFAULT_LOCALE,
  messages: { "zh-CN": zhCN, en },
});

/** The language the UI speaks right now. */
export function currentLocale(): Locale {
  return i18n.global.locale.value;
}

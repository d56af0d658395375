import { createI18n } from 'vue-i18n';
import en from './locales/en';
import id, { type Messages } from './locales/id';

export type Lang = 'id' | 'en';
export const LANGS: Lang[] = ['id', 'en'];
const STORAGE_KEY = 'pantau.lang';

export function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (saved === 'id' || saved === 'en') return saved;
  } catch {
    /* storage unavailable */
  }
  return 'id';
}

export function createAppI18n(lang: Lang = initialLang()) {
  return createI18n<[Messages], Lang, false>({
    legacy: false,
    locale: lang,
    fallbackLocale: 'id',
    messages: { id, en },
    missingWarn: false,
    fallbackWarn: false,
  });
}

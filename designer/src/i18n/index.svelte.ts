import type { LocalizedText } from '../lib/api';
import { en } from './en';
import { zhCN, type MessageKey, type Messages } from './zh-CN';

export type { MessageKey };

export type Locale = 'zh-CN' | 'en';

export const locales: { id: Locale; label: string }[] = [
  { id: 'zh-CN', label: '中文' },
  { id: 'en', label: 'EN' }
];

const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };
const storageKey = 'jixiao.locale';

function initialLocale(): Locale {
  const stored = localStorage.getItem(storageKey);
  return stored === 'en' || stored === 'zh-CN' ? stored : 'zh-CN';
}

let locale = $state<Locale>(initialLocale());
document.documentElement.lang = initialLocale();

export const i18n = {
  get locale() { return locale; },
  set locale(next: Locale) {
    locale = next;
    localStorage.setItem(storageKey, next);
    document.documentElement.lang = next;
  }
};

/** The UI text for `key`, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  return dictionaries[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** Whether the UI has a text for `key`: for names looked up by a code the server sends. */
export function hasMessage(key: string): key is MessageKey {
  return key in zhCN;
}

/** Picks the server's message in the UI language. */
export function localize(text: LocalizedText): string {
  return locale === 'en' ? text.en : text.zh;
}

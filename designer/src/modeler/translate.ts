import type { Locale } from '../i18n/index.svelte';
import { modelerZhCN } from './modeler-zh-CN';

type Replacements = Record<string, string>;

/**
 * diagram-js' `translate` service in the UI language. bpmn-js, the properties panel and the
 * element-template features all ask it for their texts.
 */
export function translateModule(locale: Locale) {
  const dictionary: Record<string, string> = locale === 'zh-CN' ? modelerZhCN : {};

  function translate(template: string, replacements: Replacements = {}): string {
    return (dictionary[template] ?? template).replace(/{([^}]+)}/g, (placeholder, key: string) =>
      key in replacements ? (dictionary[replacements[key]] ?? replacements[key]) : placeholder
    );
  }

  return { translate: ['value', translate] };
}

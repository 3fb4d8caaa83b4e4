/**
 * The Form.io renderer, set up to work without Form.io's CDN. Imported on demand by FormioForm.svelte.
 *
 * Form.io loads some libraries at run time from its CDN unless a global of that name already exists
 * (`Formio.requireLibrary`). We provide them from npm, ship moment-timezone's zone data ourselves
 * (build/formio-offline-assets.ts), and point the CDN at our own origin so that anything else it
 * might ask for fails here instead of leaving the network.
 */
import 'bootstrap/dist/css/bootstrap.min.css';
import '@formio/js/dist/formio.full.min.css';
import 'quill/dist/quill.snow.css';
import './formio-theme.css';
import { Formio } from '@formio/js/form';
import Quill from 'quill';
import { formioZhCN } from './formio-i18n';

declare global {
  interface Window {
    Quill?: typeof Quill;
  }
}

window.Quill = Quill;

const ownOrigin = (path: string) => new URL(path, document.baseURI).href.replace(/\/$/, '');
Formio.cdn.setBaseUrl(ownOrigin('vendor/formio'));
Formio.cdn.setOverrideUrl('moment-timezone', ownOrigin('vendor'));

export type FormioLanguage = 'zh-CN' | 'en';

export interface FormError {
  message: string;
}

/** The part of a Form.io Webform this app uses. */
export interface RenderedForm {
  language: string;
  submission: { data: Record<string, unknown> };
  nosubmit: boolean;
  on(event: 'submit', handler: (submission: { data: Record<string, unknown> }) => void): void;
  on(event: 'error', handler: (errors: FormError[]) => void): void;
  on(event: 'change', handler: (change: { isValid?: boolean }, flags?: { noValidate?: boolean }) => void): void;
  emit(event: 'submitDone' | 'submitError', message?: string): void;
  destroy(all?: boolean): void;
}

export async function renderForm(
  element: HTMLElement,
  schema: object,
  options: { data: Record<string, unknown>; language: FormioLanguage }
): Promise<RenderedForm> {
  const form = (await Formio.createForm(element, schema, {
    language: options.language,
    i18n: { 'zh-CN': formioZhCN },
    noAlerts: true
  })) as unknown as RenderedForm;
  form.nosubmit = true;
  form.submission = { data: options.data };
  return form;
}

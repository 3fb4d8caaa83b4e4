/**
 * The Camunda 8 BPMN modeler (camunda-bpmn-js) with the Zeebe properties panel and the platform's
 * element templates. Imported on demand by ProcessDesigner.svelte.
 */
import 'camunda-bpmn-js/dist/assets/camunda-cloud-modeler.css';
import Modeler from 'camunda-bpmn-js/lib/camunda-cloud/Modeler';
import type { Locale } from '../i18n/index.svelte';
import { elementTemplates } from './elementTemplates';
import { translateModule } from './translate';

interface Element {
  id: string;
  businessObject: { id: string; name?: string };
}

interface Services {
  canvas: {
    getRootElement(): Element;
    zoom(level: 'fit-viewport', center: 'auto'): void;
    scrollToElement(element: Element): void;
    resized(): void;
  };
  elementRegistry: { get(id: string): Element | undefined };
  selection: { select(element: Element): void };
  eventBus: { on(event: string, listener: () => void): void };
}

export interface ProcessModeler {
  /** Shows a diagram, fitted into the canvas. */
  open(xml: string): Promise<void>;
  xml(): Promise<string>;
  /** The id and name of the diagram's process. */
  process(): { id: string; name: string | null };
  /** Selects and reveals an element; false when the diagram has none with that id. */
  select(elementId: string): boolean;
  onChange(listener: () => void): void;
  /** To be called after the canvas element changed its size. */
  resized(): void;
  destroy(): void;
}

export function createProcessModeler(parts: { canvas: HTMLElement; properties: HTMLElement; locale: Locale }): ProcessModeler {
  const modeler = new Modeler({
    container: parts.canvas,
    propertiesPanel: { parent: parts.properties },
    elementTemplates,
    additionalModules: [translateModule(parts.locale)]
  });
  const get = <K extends keyof Services>(name: K) => modeler.get(name) as Services[K];

  return {
    async open(xml) {
      await modeler.importXML(xml);
      get('canvas').zoom('fit-viewport', 'auto');
    },

    async xml() {
      const { xml } = await modeler.saveXML({ format: true });
      return xml ?? '';
    },

    process() {
      const root = get('canvas').getRootElement().businessObject;
      return { id: root.id, name: root.name ?? null };
    },

    select(elementId) {
      const element = get('elementRegistry').get(elementId);
      if (!element) return false;
      get('selection').select(element);
      get('canvas').scrollToElement(element);
      return true;
    },

    onChange(listener) {
      get('eventBus').on('commandStack.changed', listener);
    },

    resized() {
      get('canvas').resized();
    },

    destroy() {
      modeler.destroy();
    }
  };
}

/** The Camunda 8 element templates of the platform's workers (processes/element-templates/*.json). */
const files = import.meta.glob<object>('../../../processes/element-templates/*.json', { eager: true, import: 'default' });

export const elementTemplates: object[] = Object.values(files);

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/**
 * Form.io fetches moment-timezone's packed zone data from its CDN when a date
 * field shows a time zone. This plugin ships that file from npm with the app,
 * at the path `Formio.cdn` is pointed to (see src/forms/formio.ts).
 */
const require = createRequire(import.meta.url);

const assets: Record<string, string> = {
  'vendor/moment-timezone/data/packed/latest.json': require.resolve('moment-timezone/data/packed/latest.json')
};

export function formioOfflineAssets(): Plugin {
  return {
    name: 'formio-offline-assets',

    configureServer(server) {
      server.middlewares.use(async (request, response, next) => {
        const source = assets[(request.url ?? '').replace(/^\/|\?.*$/g, '')];
        if (!source) return next();
        response.setHeader('content-type', 'application/json');
        response.end(await readFile(source));
      });
    },

    async generateBundle() {
      for (const [fileName, source] of Object.entries(assets)) {
        this.emitFile({ type: 'asset', fileName, source: await readFile(source) });
      }
    }
  };
}

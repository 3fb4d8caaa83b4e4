import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCES = ['designer/src', 'designer/index.html', 'designer/vite.config.ts', 'processes/element-templates'];

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** Builds the web app when it has not been built yet or its sources changed since (first start, after an update). */
export function ensureDesignerBuilt(log: (message: string) => void) {
  const built = path.resolve('designer', 'dist', 'index.html');
  const sources = SOURCES.map((s) => path.resolve(s)).filter((s) => fs.existsSync(s));
  if (fs.existsSync(built) && Math.max(...sources.map(newestChange)) <= fs.statSync(built).mtimeMs) return;
  log('正在构建前端（约需半分钟）… / building the web app (about half a minute)…');
  const result = spawnSync(process.execPath, [path.resolve('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'designer/vite.config.ts', '--logLevel', 'warn'], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('前端构建失败 / building the web app failed (see the output above)');
}

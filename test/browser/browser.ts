import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/server.ts';

/** Debian's Chromium, headless; playwright-core uses a fresh temporary profile for every launch. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
}

/** Every request of the context that leaves this machine (the app must work offline). */
export function requestsLeavingLocalhost(context: BrowserContext): string[] {
  const outside: string[] = [];
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (!['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)) outside.push(request.url());
  });
  return outside;
}

export async function login(page: Page, baseUrl: string, username: string, password = 'demo1234'): Promise<void> {
  await page.goto(`${baseUrl}/#/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByTestId('current-user').waitFor();
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByRole('heading', { name: '登录' }).waitFor();
}

/** Saves a screenshot under test-results/ (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.resolve('test-results', `${name}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface BrowserSession {
  server: TestServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Requests that left this machine so far (must stay empty). */
  outside: string[];
}

/** A fresh server with the demo data and a browser page on it. */
export async function openBrowserSession(): Promise<BrowserSession> {
  const server = await startTestServer();
  const browser = await launchBrowser();
  const context = await newContext(browser);
  const outside = requestsLeavingLocalhost(context);
  return { server, browser, context, page: await context.newPage(), outside };
}

export async function closeBrowserSession(session: Partial<BrowserSession>): Promise<void> {
  await session.browser?.close();
  await session.server?.stop();
}

/** For a suite: before its tests, a fresh server with the demo data and a browser page on it, handed to `ready`; closed after them. */
export function withBrowserSession(ready: (session: BrowserSession) => void | Promise<void>): void {
  let session: BrowserSession | undefined;
  beforeAll(async () => {
    session = await openBrowserSession();
    await ready(session);
  });
  afterAll(() => closeBrowserSession(session ?? {}));
}

// Shared helpers for the browser tests: the browser, logging in, screenshots, the engine REST API
// and the GreenMail mailboxes. Everything comes from e2e/run through the environment.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const BASE = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:8080';
export const MAIL_API = process.env.E2E_MAIL_API;
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT);
const OUT = process.env.E2E_OUT ?? 'target/e2e';
export const SHOTS = join(OUT, 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** Debian's Chromium, headless; never a downloaded browser. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--lang=en-US'],
  });
}

/** A fresh browser context (its own cookies) with a 1366x900 window, English. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 }, locale: 'en-US', timezoneId: 'Asia/Shanghai', ...options,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') page.consoleErrors.push(m.text()); });
  page.on('pageerror', (e) => page.consoleErrors.push(String(e)));
  return page;
}

/** Saves a full-window screenshot as target/e2e/screenshots/<name>.png. */
export async function shot(page, name) {
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** The texts of the error notifications a person sees now (Tasklist's red alerts). */
export async function visibleErrors(page) {
  return page.evaluate(() => [...document.querySelectorAll('.alert-danger, .alert-error')]
    .filter((e) => e.checkVisibility() && e.innerText.replace(/[×\s]|Close/g, '').length > 0)
    .map((e) => e.innerText.replace(/\s+/g, ' ').trim()));
}

/**
 * Opens a task in Tasklist and waits until it shows the task's Camunda Form (form-js) or an
 * error, whichever comes first; true when the form is there. A form still on the page from the
 * task shown before is marked first, so it is never taken for the new one.
 */
export async function openTaskForm(page, taskId, timeout = 15_000) {
  await page.evaluate(() => document.querySelectorAll('.fjs-form').forEach((e) => { e.dataset.e2eStale = '1'; }));
  await page.goto(`${BASE}/camunda/app/tasklist/default/#/?task=${taskId}`);
  await page.waitForFunction(() => document.querySelector('.fjs-form:not([data-e2e-stale])')
    || [...document.querySelectorAll('.alert-danger')].some((e) => e.checkVisibility()
      && /failure|error/i.test(e.innerText)), null, { timeout }).catch(() => {});
  await page.waitForTimeout(300);
  return page.locator('.fjs-form:not([data-e2e-stale])').first().isVisible();
}

/**
 * Waits until the task form shows the text: in its Markdown text or as the value of a field (what
 * a customer wrote is shown in disabled fields, as plain text).
 */
export async function formShows(page, text, timeout = 20_000) {
  await page.waitForFunction((wanted) => [...document.querySelectorAll('.fjs-form:not([data-e2e-stale])')].some(
    (form) => form.innerText.includes(wanted)
      || [...form.querySelectorAll('input, textarea')].some((field) => field.value.includes(wanted))), text, { timeout });
}

/** Picks an option of a form-js select field, found by its label. */
export async function choose(page, label, option) {
  const field = page.locator('.fjs-form-field-select').filter({
    has: page.locator('.fjs-form-field-label', { hasText: new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?\\s*$`) }),
  });
  await field.locator('.fjs-input-group').first().click();
  await page.locator('.fjs-dropdownlist-item', { hasText: option }).first().click();
}

/** Logs a user in to a Camunda web app (tasklist, cockpit, admin) and waits for it to show. */
export async function login(page, user, app = 'tasklist') {
  await page.goto(`${BASE}/camunda/app/${app}/default/`);
  await page.locator('input[ng-model="username"]').fill(user);
  await page.locator('input[ng-model="password"]').fill(user);
  await page.locator('button[type="submit"]').click();
  // Generous: on a busy machine the web app's scripts load slowly after the login.
  await page.locator('input[ng-model="username"]').waitFor({ state: 'detached', timeout: 60_000 }).catch(async (e) => {
    throw new Error(`${user} could not log in to ${app}: ${(await visibleErrors(page)).join('; ') || e.message}`);
  });
}

function auth(user) {
  return 'Basic ' + Buffer.from(`${user}:${user}`).toString('base64');
}

/** Calls the engine REST API or /api as a demo user (password = user id). */
export async function rest(user, method, path, body) {
  const url = path.startsWith('/api/') ? `${BASE}${path}` : `${BASE}/engine-rest${path}`;
  const response = await fetch(url, {
    method,
    headers: { Authorization: auth(user), 'Content-Type': 'application/json', Accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try { json = text ? JSON.parse(text) : undefined; } catch { json = text; }
  return { status: response.status, body: json };
}

/** Like rest(), but fails unless the status is 2xx. */
export async function ok(user, method, path, body) {
  const r = await rest(user, method, path, body);
  if (r.status < 200 || r.status > 299) {
    throw new Error(`${method} ${path} as ${user}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return r.body;
}

/** Polls fn until it returns something truthy, or fails after timeoutMs. */
export async function eventually(what, fn, timeoutMs = 30_000, everyMs = 500) {
  const until = Date.now() + timeoutMs;
  let last;
  while (Date.now() < until) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
}

/** Engine variables in the REST API's typed form, from plain values. */
export function vars(plain) {
  const out = {};
  for (const [k, v] of Object.entries(plain)) {
    if (v instanceof Date) out[k] = { value: v.toISOString().replace('Z', '+0000'), type: 'Date' };
    else if (typeof v === 'number' && Number.isInteger(v)) out[k] = { value: v, type: 'Long' };
    else if (typeof v === 'boolean') out[k] = { value: v, type: 'Boolean' };
    else out[k] = { value: v };
  }
  return out;
}

/** A fresh request key nobody else uses in this run. */
let keySeq = 0;
export function requestKey() {
  keySeq += 1;
  const n = (Date.now() % 900000) + keySeq;
  return `REQ-${new Date().getUTCFullYear()}-${String(100000 + (n % 900000)).padStart(6, '0')}`;
}

/** The messages in a GreenMail mailbox (subject, Message-ID, raw mimeMessage). */
export async function mailbox(address) {
  const r = await fetch(`${MAIL_API}/api/user/${encodeURIComponent(address)}/messages/`);
  if (r.status === 404 || r.status === 400) return [];
  if (!r.ok) throw new Error(`GreenMail ${r.status} for ${address}`);
  return r.json();
}

/** A header value, RFC 2047-encoded when it is not plain ASCII. */
function headerText(value) {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/**
 * Sends one plain-text e-mail to GreenMail's SMTP port, as a customer's mail program would:
 * {from, to, subject, text, inReplyTo?}. Resolves with the Message-ID.
 */
export async function sendMail({ from, to, subject, text, inReplyTo }) {
  const { createConnection } = await import('node:net');
  const messageId = `<e2e-${Date.now()}-${Math.random().toString(36).slice(2)}@northwind.example>`;
  const headers = [
    `From: ${from}`, `To: ${to}`, `Subject: ${headerText(subject)}`, `Message-ID: ${messageId}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`, 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8', 'Content-Transfer-Encoding: base64',
    ...(inReplyTo ? [`In-Reply-To: ${inReplyTo}`, `References: ${inReplyTo}`] : []),
  ];
  const body = Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');
  const data = `${headers.join('\r\n')}\r\n\r\n${body}\r\n.\r\n`;
  const socket = createConnection({ host: '127.0.0.1', port: SMTP_PORT });
  socket.setEncoding('utf8');
  let buffer = '';
  const waiting = [];
  socket.on('data', (chunk) => {
    buffer += chunk;
    let end;
    // A reply is complete at a line "NNN text" (a dash after the code means more lines follow).
    while ((end = buffer.search(/^\d{3} .*\r\n/m)) >= 0) {
      const lineEnd = buffer.indexOf('\r\n', end) + 2;
      const reply = buffer.slice(0, lineEnd);
      buffer = buffer.slice(lineEnd);
      waiting.shift()?.resolve(reply);
    }
  });
  socket.on('error', (e) => waiting.splice(0).forEach((w) => w.reject(e)));
  const reply = () => new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  const step = async (command, expected) => {
    const answer = reply();
    if (command !== null) socket.write(command);
    const text = await answer;
    if (!text.startsWith(expected)) throw new Error(`SMTP ${command?.trim() ?? 'greeting'}: ${text.trim()}`);
  };
  try {
    await step(null, '220');
    await step('HELO northwind.example\r\n', '250');
    await step(`MAIL FROM:<${from.replace(/.*</, '').replace('>', '')}>\r\n`, '250');
    await step(`RCPT TO:<${to.replace(/.*</, '').replace('>', '')}>\r\n`, '250');
    await step('DATA\r\n', '354');
    await step(data, '250');
    await step('QUIT\r\n', '221');
  } finally {
    socket.end();
  }
  return messageId;
}

/** Decodes a message's text: the raw MIME from GreenMail, every text part, base64 or QP. */
export function mailText(raw) {
  const parts = [];
  const decode = (headers, content) => {
    const cte = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
    if (cte === 'base64') return Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (cte === 'quoted-printable') {
      return Buffer.from(content.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    }
    return content;
  };
  const walk = (entity) => {
    const split = entity.search(/\r?\n\r?\n/);
    const headers = entity.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
    const content = entity.slice(split).replace(/^\r?\n\r?\n/, '');
    const boundary = /boundary="?([^";\r\n]+)"?/i.exec(headers)?.[1];
    if (/content-type:\s*multipart\//i.test(headers) && boundary) {
      content.split(`--${boundary}`).slice(1).filter((p) => !p.startsWith('--')).forEach((p) => walk(p.replace(/^\r?\n/, '')));
    } else if (!/content-type:/i.test(headers) || /content-type:\s*text\//i.test(headers)) {
      parts.push(decode(headers, content));
    }
  };
  walk(raw);
  return parts.join('\n');
}

/**
 * Waits for a message to `address` whose subject matches (a RegExp or a predicate), and returns
 * it with its text.
 */
export async function awaitMail(address, subjectMatches, timeoutMs = 60_000) {
  const matches = subjectMatches instanceof RegExp ? (s) => subjectMatches.test(s) : subjectMatches;
  return eventually(`an e-mail to ${address} with subject ${subjectMatches}`, async () => {
    const found = (await mailbox(address)).find((m) => matches(m.subject ?? ''));
    return found && { ...found, text: mailText(found.mimeMessage) };
  }, timeoutMs, 1000);
}

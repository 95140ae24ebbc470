// What a customer wrote is plain text in Tasklist: a Markdown link and image and an HTML <img> in a
// request's subject and text show as the characters they are; the agent's browser opens nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { launch, newPage, login, shot, ok, eventually, openTaskForm } from './lib.mjs';

let browser;
let tracker;
let hits = 0;

before(async () => {
  tracker = createServer((request, response) => { hits += 1; response.end('tracked'); });
  await new Promise((resolve) => tracker.listen(0, '127.0.0.1', resolve));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  tracker?.close();
});

test('a customer\'s link and images are shown as text, and the browser fetches nothing', async () => {
  const at = `http://127.0.0.1:${tracker.address().port}`;
  const subject = `Site down, [details here](${at}/link)`;
  const body = `It shows this: ![status](${at}/pixel.png) and <img src="${at}/html.png"> **urgent**`;
  const opened = await ok('agent', 'POST', '/api/requests', { customerId: 1, channel: 'api', subject, body });
  const key = opened.key;
  const task = await eventually('the classification task', async () => (await ok('agent', 'GET',
    `/task?processInstanceBusinessKey=${key}&taskDefinitionKey=Task_ClassifyRequest`))[0]);

  const page = await newPage(browser);
  await login(page, 'agent');
  assert.ok(await openTaskForm(page, task.id), 'the classification form is shown');
  const form = page.locator('.fjs-form').first();
  await form.locator('textarea').first().waitFor();
  const shownBody = await form.locator('.fjs-form-field', { hasText: 'The customer wrote' }).locator('textarea')
    .inputValue();
  assert.equal(shownBody, body, 'the text exactly as the customer wrote it');
  const shownSubject = await form.locator('.fjs-form-field', { hasText: 'Subject, as the customer wrote it' })
    .locator('input').inputValue();
  assert.equal(shownSubject, subject);
  assert.equal(await form.locator(`img[src^="${at}"]`).count(), 0, 'no image of the customer\'s is rendered');
  assert.equal(await form.locator(`a[href^="${at}"]`).count(), 0, 'no link of the customer\'s is live');
  await page.waitForTimeout(1000);
  assert.equal(hits, 0, 'the browser fetched nothing from the customer\'s addresses');
  await shot(page, 'docs-tasklist-customer-text-plain');
  await page.context().close();
});

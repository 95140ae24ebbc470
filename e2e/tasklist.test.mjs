// An agent in Tasklist: the shared filters, the start-process dialog, a refusal that cannot be
// sent without an explanation (the form says so, and so does the server); Cockpit shows the
// diagram to a lead; an auditor reads the audit report in the browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, login, shot, ok, rest, vars, requestKey, openTaskForm, choose, BASE } from './lib.mjs';

const FILTERS = ['My tasks', "My team's inbox", 'Due today / overdue', 'Open promises'];
const key = requestKey();
let browser;
let draftTask;

before(async () => {
  // A refusal the agent drafts, and a promise the agent owns, both for Northwind (customer 1).
  await ok('agent', 'POST', '/process-definition/key/refusal/start', {
    businessKey: key,
    variables: vars({
      requestKey: key, customerId: 1, refusedBy: 'agent',
      requestSummary: 'Install a second PHP version on the shared web server',
    }),
  });
  await ok('agent', 'POST', '/process-definition/key/promise/start', {
    businessKey: key,
    variables: vars({
      requestKey: key, customerId: 1, owner: 'agent',
      promiseText: 'Send the new backup schedule for the web server',
      dueDate: new Date(Date.now() + 3 * 86_400_000),
    }),
  });
  [draftTask] = await ok('agent', 'GET', `/task?processInstanceBusinessKey=${key}&taskDefinitionKey=Task_DraftRefusal`);
  assert.ok(draftTask, 'the refusal waits for its draft');
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('an agent sees the shared filters, the tasks of My tasks and the processes to start', async () => {
  const page = await newPage(browser);
  await login(page, 'agent');
  const filters = page.locator('.task-filters .filters li, [cam-tasklist-filters] li');
  await page.getByText('My tasks', { exact: false }).first().waitFor();
  const shown = (await page.locator('body').innerText());
  for (const name of FILTERS) assert.ok(shown.includes(name), `filter "${name}" is shown`);
  await page.getByText('My tasks').first().click();
  await page.getByText('Draft the refusal').first().waitFor();
  await page.getByText('Keep the promise').first().waitFor();
  await page.mouse.move(700, 600);
  await shot(page, 'tasklist-my-tasks');

  await page.getByText('Start process').first().click();
  const dialog = page.locator('.modal-dialog, .modal-content').first();
  await dialog.getByText('Keep a promise').waitFor();
  const startable = await dialog.innerText();
  assert.ok(startable.includes('Refuse with an explanation'), 'the refusal can be started from Tasklist');
  await shot(page, 'tasklist-start-process');
  await page.context().close();
});

test('a refusal with the explanation left empty is refused by the form and by the server', async () => {
  const page = await newPage(browser);
  await login(page, 'agent');
  assert.ok(await openTaskForm(page, draftTask.id), 'the draft form is shown');
  await page.locator('.fjs-form').getByText('Install a second PHP version').waitFor();

  // Choose a reason, leave the explanation empty, complete.
  await choose(page, 'Reason', 'Out of contract scope');
  await page.getByRole('button', { name: 'Complete' }).click();
  const explanation = page.locator('.fjs-form-field', { hasText: 'Explanation for the customer' }).first();
  await explanation.locator('.fjs-form-field-error').waitFor();
  assert.match(await explanation.locator('.fjs-form-field-error').innerText(), /required/i);
  await shot(page, 'docs-tasklist-form-validation');
  const still = await rest('agent', 'GET', `/task/${draftTask.id}`);
  assert.equal(still.status, 200, 'the task is still open after the refused submit');

  // The server: completing without an explanation is a 400 and changes nothing.
  const refused = await rest('agent', 'POST', `/task/${draftTask.id}/complete`, {
    variables: vars({ reasonCategory: 'out-of-scope' }),
  });
  assert.equal(refused.status, 400, `completing without an explanation: ${JSON.stringify(refused.body)}`);
  assert.match(JSON.stringify(refused.body), /explanation/);
  const after = await rest('agent', 'GET', `/task/${draftTask.id}`);
  assert.equal(after.status, 200, 'the task is still open after the refused completion');
  const variables = await ok('agent', 'GET', `/task/${draftTask.id}/variables`);
  assert.equal(variables.reasonCategory, undefined, 'nothing was saved');
  await page.context().close();
});

test('a lead sees the refusal diagram in Cockpit', async () => {
  const page = await newPage(browser);
  await login(page, 'lead', 'cockpit');
  const [definition] = await ok('lead', 'GET', '/process-definition?key=refusal&latestVersion=true');
  await page.goto(`${BASE}/camunda/app/cockpit/default/#/process-definition/${definition.id}/runtime`);
  await page.locator('.djs-container svg [data-element-id="Task_DraftRefusal"]').first().waitFor();
  await page.waitForTimeout(1000);
  await shot(page, 'docs-cockpit-diagram');
  await page.context().close();
});

test('an auditor opens the audit report of the request; an agent may not', async () => {
  const context = await browser.newContext({
    httpCredentials: { username: 'auditor', password: 'auditor' }, viewport: { width: 1366, height: 900 },
  });
  const page = await context.newPage();
  const response = await page.goto(`${BASE}/api/audit/requests/${key}/report`);
  assert.equal(response.status(), 200);
  const text = await page.locator('body').innerText();
  assert.ok(text.includes(key), 'the report names the request');
  assert.match(text, /Draft the refusal/);
  assert.match(text, /Keep the promise/);
  await page.screenshot({ path: `${process.env.E2E_OUT ?? 'target/e2e'}/screenshots/audit-report-refusal.png` });
  await context.close();
  const denied = await rest('agent', 'GET', `/api/audit/requests/${key}/report`);
  assert.equal(denied.status, 403, 'an agent cannot read the audit trail');
});

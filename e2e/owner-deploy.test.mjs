// A process owner's Modeler deploy of one edited intake.bpmn, alone (issue 19): Tasklist still
// shows the forms of the new version's tasks. Forms are bound `latest`, so the BPMN finds the
// forms already deployed. The edit is a comment, so the other browser tests see the same process.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, newPage, login, shot, ok, rest, visibleErrors, openTaskForm, eventually, BASE } from './lib.mjs';

let browser;
let page;
let definition;

before(async () => {
  // The demo users are made just after the engine first answers.
  await eventually('the demo user owner', async () => (await rest('owner', 'GET', '/version')).status === 200);
  const edited = readFileSync('processes/intake.bpmn', 'utf8')
    .replace('?>', '?>\n<!-- edited by a process owner in Camunda Modeler (e2e/owner-deploy) -->');
  const body = new FormData();
  body.append('deployment-name', 'intake');
  body.append('deployment-source', 'Camunda Modeler');
  body.append('enable-duplicate-filtering', 'true');
  body.append('intake.bpmn', new Blob([edited], { type: 'application/xml' }), 'intake.bpmn');
  const response = await fetch(`${BASE}/engine-rest/deployment/create`, {
    method: 'POST', body, headers: { Authorization: 'Basic ' + Buffer.from('owner:owner').toString('base64') },
  });
  const deployed = await response.text();
  assert.equal(response.status, 200, `the owner's deploy: ${deployed}`);
  const deployment = JSON.parse(deployed);
  definition = (await ok('demo', 'GET', `/process-definition?deploymentId=${deployment.id}`))[0];
  assert.equal(definition.key, 'intake');

  browser = await launch();
  page = await newPage(browser);
  await login(page, 'agent');
});

after(async () => {
  await browser?.close();
});

test('Tasklist shows the form of a task of the intake a process owner deployed alone', async () => {
  await ok('agent', 'POST', `/process-definition/${definition.id}/submit-form`, { variables: {
    channel: { value: 'phone' }, customerId: { value: 1, type: 'Long' }, subject: { value: 'Backup' },
    body: { value: "Is last night's backup complete?" }, priority: { value: 'P3' },
  } });
  const task = await eventually('the classification task of the new version', async () => (await ok('agent', 'GET',
    `/task?processDefinitionId=${definition.id}&taskDefinitionKey=Task_ClassifyRequest`))[0]);

  const rendered = await openTaskForm(page, task.id);
  await shot(page, 'owner-deployed-intake-classify');

  assert.deepEqual(await visibleErrors(page), [], 'no "Form failure" or other error');
  assert.ok(rendered, 'form-js shows the classification form');
  assert.ok((await page.locator('.fjs-container').innerText()).length > 0);
});

// Every Camunda Form in forms/ opens in the real Tasklist: form-js renders it without an error and
// shows its fields. The forms are deployed as they are, with a one-off process that has one user
// task per form (formRefBinding=latest, like the real processes), assigned to `demo`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { launch, newPage, login, shot, ok, visibleErrors, openTaskForm, BASE } from './lib.mjs';

const FORMS = readdirSync('forms').filter((f) => f.endsWith('.form')).sort();

/** Labels a person must see on a form opened with no variables: visible fields only. */
function visibleLabels(components, out = []) {
  for (const c of components ?? []) {
    if (c.conditional?.hide) continue;
    if (c.type === 'group' || c.type === 'dynamiclist') {
      if (c.label) out.push(c.label);
      if (c.type === 'group') visibleLabels(c.components, out);
      continue;
    }
    if (c.label && c.type !== 'button' && c.type !== 'text' && c.type !== 'html') out.push(c.label);
  }
  return out;
}

function testProcess(forms) {
  const tasks = forms.map((f, i) => `
    <bpmn:userTask id="Task_Form${i}" name="Form ${f.id}" camunda:assignee="demo"
        camunda:formRef="${f.id}" camunda:formRefBinding="latest">
      <bpmn:incoming>Flow_In${i}</bpmn:incoming>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="Flow_In${i}" sourceRef="Gateway_Split" targetRef="Task_Form${i}" />`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_E2eForms"
    targetNamespace="http://promisedesk.org/e2e">
  <bpmn:process id="e2e-forms" name="E2E: every form" isExecutable="true" camunda:historyTimeToLive="P1D">
    <bpmn:startEvent id="Event_Start"><bpmn:outgoing>Flow_Start</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_Start" sourceRef="Event_Start" targetRef="Gateway_Split" />
    <bpmn:parallelGateway id="Gateway_Split"><bpmn:incoming>Flow_Start</bpmn:incoming>
      ${forms.map((_, i) => `<bpmn:outgoing>Flow_In${i}</bpmn:outgoing>`).join('')}
    </bpmn:parallelGateway>${tasks}
  </bpmn:process>
</bpmn:definitions>`;
}

let browser;
let page;
let tasksByForm;

before(async () => {
  const forms = FORMS.map((file) => ({ file, json: JSON.parse(readFileSync(`forms/${file}`, 'utf8')) }))
    .map((f) => ({ ...f, id: f.json.id }));
  const body = new FormData();
  body.append('deployment-name', 'e2e-forms');
  body.append('deployment-source', 'e2e');
  body.append('e2e-forms.bpmn', new Blob([testProcess(forms)], { type: 'application/xml' }), 'e2e-forms.bpmn');
  for (const f of forms) {
    body.append(f.file, new Blob([readFileSync(`forms/${f.file}`)], { type: 'application/json' }), f.file);
  }
  const response = await fetch(`${BASE}/engine-rest/deployment/create`, {
    method: 'POST', body, headers: { Authorization: 'Basic ' + Buffer.from('demo:demo').toString('base64') },
  });
  const deployed = await response.text();
  assert.equal(response.status, 200, `test deployment: ${deployed}`);
  const deployment = JSON.parse(deployed);
  const definition = (await ok('demo', 'GET', `/process-definition?deploymentId=${deployment.id}`))[0];
  const instance = await ok('demo', 'POST', `/process-definition/${definition.id}/start`, {});
  const tasks = await ok('demo', 'GET', `/task?processInstanceId=${instance.id}&maxResults=200`);
  assert.equal(tasks.length, forms.length, 'one task per form');
  tasksByForm = new Map(tasks.map((t) => [t.name.replace(/^Form /, ''), t]));
  tasksByForm.forms = forms;

  browser = await launch();
  page = await newPage(browser);
  await login(page, 'demo');
});

after(async () => {
  await browser?.close();
});

test(`every form in forms/ (${FORMS.length}) renders in Tasklist with its fields`, async (t) => {
  for (const form of tasksByForm.forms) {
    await t.test(form.file, async () => {
      const task = tasksByForm.get(form.id);
      assert.ok(task, `a task for form ${form.id}`);
      page.consoleErrors.length = 0;
      const rendered = await openTaskForm(page, task.id);
      await shot(page, `form-${form.id}`);
      assert.deepEqual(await visibleErrors(page), [], `${form.id}: no error notification`);
      assert.ok(rendered, `${form.id}: form-js shows the form`);
      const text = await page.locator('.fjs-container').innerText();
      for (const label of visibleLabels(form.json.components)) {
        assert.ok(text.includes(label.replace(/\*$/, '').trim()), `${form.id}: field "${label}" is shown`);
      }
      const formErrors = page.consoleErrors.filter((e) => /form|fjs|feel/i.test(e) && !/404/.test(e));
      assert.deepEqual(formErrors, [], `${form.id}: no form-js error in the console`);
    });
  }
});

// An agent's day, through the browser: a customer's e-mail becomes a request, the agent
// classifies it as a fault in Tasklist, tech sees what the first-line checks found, the customer
// consents to the operation by replying to our e-mail, tech resolves it, the customer says it is
// solved, and the request is closed. Customer e-mail goes through GreenMail (e2e/run).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, newPage, login, shot, ok, rest, eventually, openTaskForm, choose, formShows, sendMail, awaitMail, BASE,
} from './lib.mjs';

const CUSTOMER = 'it@northwind.example';
const SUPPORT = 'support@promisedesk.example';
const SUBJECT = `northwind.example cannot be found (${Date.now().toString(36)})`;
let browser;
let key;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** The one open task of the request at this step, once it is there. */
function taskAt(taskDefinitionKey, timeoutMs = 60_000) {
  return eventually(`task ${taskDefinitionKey} of ${key}`, async () => {
    const tasks = await ok('demo', 'GET', `/task?processInstanceBusinessKey=${key}&taskDefinitionKey=${taskDefinitionKey}`);
    return tasks[0];
  }, timeoutMs, 1000);
}

/** Opens the task in Tasklist as a user of its group, and claims it. */
async function openAndClaim(user, task) {
  const page = await newPage(browser);
  await login(page, user);
  assert.ok(await openTaskForm(page, task.id), `${user} sees the form of "${task.name}"`);
  const claim = page.getByRole('link', { name: 'Claim', exact: true }).or(page.getByRole('button', { name: 'Claim', exact: true }));
  if (await claim.first().isVisible()) {
    await claim.first().click();
    await eventually(`${user} has claimed "${task.name}"`, async () => (await ok(user, 'GET', `/task/${task.id}`)).assignee === user);
    await claim.first().waitFor({ state: 'hidden' });
    await page.locator('.fjs-form').first().waitFor();
    await page.waitForTimeout(500);
  }
  return page;
}

/** Completes the form and waits until the engine has the task completed. */
async function complete(page, task) {
  await page.getByRole('button', { name: 'Complete', exact: true }).click();
  await eventually(`"${task.name}" completed`, async () => (await rest('demo', 'GET', `/task/${task.id}`)).status === 404, 20_000);
}

test('a request by e-mail: classified in Tasklist, diagnosed, consented to, resolved and closed', async () => {
  // 1. The customer writes to the support mailbox; the acknowledgement carries the request key.
  await sendMail({
    from: `Northwind IT <${CUSTOMER}>`, to: SUPPORT, subject: SUBJECT,
    text: 'Hello,\n\nsince this morning nobody can open northwind.example: the browser says the '
      + 'server cannot be found. Please look into it.\n\nNorthwind IT',
  });
  const ack = await awaitMail(CUSTOMER, (subject) => subject.includes(`We have your request: ${SUBJECT}`), 90_000);
  key = /\[(REQ-\d{4}-\d{6})\]/.exec(ack.subject)?.[1];
  assert.ok(key, `the acknowledgement names the request key: ${ack.subject}`);

  // 2. The agent finds it in the team's inbox and classifies it as a fault of service 2 (the domain).
  const classify = await taskAt('Task_ClassifyRequest');
  const agent = await newPage(browser);
  await login(agent, 'agent');
  await agent.getByText("My team's inbox").first().click();
  await agent.getByText('Classify the request').first().click();
  await formShows(agent, SUBJECT);
  await agent.mouse.move(700, 600);
  await shot(agent, 'docs-tasklist-team-inbox');
  await agent.context().close();
  const classifyPage = await openAndClaim('agent', classify);
  await formShows(classifyPage, SUBJECT);
  await classifyPage.getByLabel('Fault: something of theirs does not work').check();
  await classifyPage.getByLabel('Service concerned (optional)').fill('2');
  await classifyPage.locator('.fjs-form-field', { hasText: 'Subject, as the customer wrote it' }).first()
    .scrollIntoViewIfNeeded();
  await shot(classifyPage, 'docs-tasklist-classify');
  await complete(classifyPage, classify);
  await classifyPage.context().close();

  // 3. The checks ran (the domain does not resolve); tech's form shows what they found.
  const fix = await taskAt('Task_FixFault', 90_000);
  const tech = await openAndClaim('tech', fix);
  const found = tech.locator('.fjs-form');
  await found.getByText('What the first-line checks found').waitFor();
  assert.match(await found.innerText(), /does-not-resolve|does not resolve/i, 'the DNS result is shown');
  await shot(tech, 'docs-tasklist-diagnosis');
  await tech.getByLabel(/An intrusive operation is needed/).check();
  await choose(tech, 'Operation', 'Restore from backup');
  await tech.getByLabel('Its risk, for the customer').fill('DNS records changed since last night would be lost; we will re-enter them with you.');
  await tech.getByLabel(/The steps/).fill('Restore the northwind.example zone from last night\'s backup and reload the name servers.');
  await complete(tech, fix);
  await tech.context().close();

  // 4. The customer is asked for consent by e-mail and answers "yes" with a reply.
  const ask = await awaitMail(CUSTOMER, new RegExp(`\\[${key}\\] Your consent needed`));
  assert.match(ask.text, /backup/i);
  await sendMail({
    from: `Northwind IT <${CUSTOMER}>`, to: SUPPORT, subject: `Re: ${ask.subject}`, inReplyTo: ask['Message-ID'],
    text: 'Yes, please go ahead with the restore.\n\nNorthwind IT\n\n> ' + ask.text.split('\n')[0],
  });
  const read = await taskAt('Task_ReadConsentReply', 60_000);
  const consent = await openAndClaim('agent', read);
  await formShows(consent, 'Yes, please go ahead');
  await consent.getByLabel('Consent given: go ahead').check();
  await choose(consent, 'How', 'E-mail');
  await consent.getByLabel('Who at the customer answered').fill('Northwind IT');
  await shot(consent, 'tasklist-consent');
  await complete(consent, read);
  await consent.context().close();

  // 5. Tech performs the operation, then resolves the fault with its true cause.
  const operation = await taskAt('Task_PerformOperation');
  await ok('tech', 'POST', `/task/${operation.id}/claim`, { userId: 'tech' });
  await ok('tech', 'POST', `/task/${operation.id}/complete`, {
    variables: { operationResult: { value: 'Zone restored from the 02:00 backup; the name servers answer again.' } },
  });
  const resolve = await taskAt('Task_FixFault');
  const resolving = await openAndClaim('tech', resolve);
  await resolving.locator('.fjs-form').getByText(/Consent to restore-from-backup: given/).waitFor();
  await resolving.getByLabel('Resolved', { exact: true }).check();
  await resolving.getByLabel('The true root cause').fill('A change to the zone file yesterday evening left it without the A record of the site.');
  await resolving.getByLabel('What was done to fix it').fill('Restored the zone from the backup and added a check before reloading zones.');
  await choose(resolving, 'Who was responsible, in the end', 'Our network');
  await complete(resolving, resolve);
  await resolving.context().close();

  // 6. The customer is told the true cause, asked whether it is solved, and says it is.
  await awaitMail(CUSTOMER, new RegExp(`\\[${key}\\] Fixed:`));
  const solved = await awaitMail(CUSTOMER, new RegExp(`\\[${key}\\] Is it solved\\?`));
  await sendMail({
    from: `Northwind IT <${CUSTOMER}>`, to: SUPPORT, subject: `Re: ${solved.subject}`, inReplyTo: solved['Message-ID'],
    text: 'Yes, solved. The site works again. Thank you!\n\nNorthwind IT',
  });
  const confirmation = await taskAt('Task_ReadConfirmation', 60_000);
  const confirm = await openAndClaim('agent', confirmation);
  await formShows(confirm, 'The site works again');
  await confirm.getByLabel('Solved: close the request').check();
  await complete(confirm, confirmation);
  await confirm.context().close();

  // 7. The request is closed.
  const closed = await eventually(`${key} closed`, async () => {
    const r = await ok('agent', 'GET', `/api/requests/${key}`);
    return r.state === 'closed' && r;
  }, 30_000, 1000);
  assert.equal(closed.requestClass, 'fault');
  const auditor = await browser.newContext({
    httpCredentials: { username: 'auditor', password: 'auditor' }, viewport: { width: 1366, height: 900 },
  });
  const report = await auditor.newPage();
  assert.equal((await report.goto(`${BASE}/api/audit/requests/${key}/report`)).status(), 200);
  const trail = await report.locator('body').innerText();
  for (const step of ['Classify the request', 'Diagnose and fix', 'Read the consent reply', 'Who is responsible for the fault?']) {
    assert.ok(trail.includes(step), `the audit report shows "${step}"`);
  }
  await report.screenshot({ path: `${process.env.E2E_OUT ?? 'target/e2e'}/screenshots/docs-audit-report.png` });
  await auditor.close();
});

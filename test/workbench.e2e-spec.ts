import { RequestState } from '@enforcement-link/protocol';
import { Browser, Page } from 'playwright-core';
import { CourtApi, SAMPLE_PDF, startCourts } from './support/court-api';
import { expectText, launchBrowser, screenshot, signInThroughPage } from './support/browser';
import { openTestAccount, TEST_PASSWORD } from './support/sessions';
import { TestNetwork } from './support/test-network';

const CASE_NUMBER = '(2024)晋09执321号';

/**
 * Two courts' workbenches in a real browser: Xinzhou's clerk sends a delegation with its ruling
 * and an asset search; Yulin's handler works the delegation through to its result; each page
 * shows what the court's API says at every step, and updates without being reloaded.
 */
describe('the court workbench', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let yulin: CourtApi;
  let browser: Browser;
  let clerk: Page;
  let handler: Page;
  let delegationId: string;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ xinzhou, yulin } = await startCourts(network, {
      xinzhou: {},
      yulin: {
        ASSET_REGISTRY_CATEGORIES: 'bank-deposit,real-estate,vehicle',
        ASSET_REGISTRY_SAMPLE_DATA: 'true',
      },
    }));
    browser = await launchBrowser();
    clerk = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    handler = await browser.newPage({ viewport: { width: 1300, height: 1000 } });
    await openTestAccount(xinzhou.databaseUrl, 'liu.clerk', 'clerk');
    await openTestAccount(yulin.databaseUrl, 'zhang.handler', 'handler');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await network.cleanup();
  });

  const fill = (page: Page, field: string, value: string) =>
    page.getByTestId(`field-${field}`).fill(value);
  const choose = (page: Page, field: string, value: string) =>
    page.getByTestId(`field-${field}`).selectOption(value);

  it('signs each person in and shows only the work of their role', async () => {
    await clerk.goto(`${xinzhou.node.url}/`);
    const form = clerk.getByTestId('sign-in');
    await form.locator('input[name=username]').fill('liu.clerk');
    await form.locator('input[name=password]').fill('not the password');
    await form.locator('button[type=submit]').click();
    await expectText(clerk, 'sign-in-problem', '用户名或密码不正确，或账户已停用。');
    await screenshot(clerk, 'workbench-sign-in');
    await form.locator('input[name=password]').fill(TEST_PASSWORD);
    await form.locator('button[type=submit]').click();
    await expectText(clerk, 'signed-in', 'liu.clerk · 立案书记员\n退出');
    expect(await clerk.getByTestId('tab-outgoing').count()).toBe(1);
    expect(await clerk.getByTestId('tab-incoming').count()).toBe(0);

    await signInThroughPage(handler, `${yulin.node.url}/`, 'zhang.handler');
    expect(await handler.getByTestId('tab-incoming').getAttribute('class')).toBe('tab active');
    expect(await handler.getByTestId('tab-outgoing').count()).toBe(0);
  });

  it('refuses a delegation form with a wrong check digit and a bad case number, sending nothing', async () => {
    await clerk.goto(`${xinzhou.node.url}/#/new/delegation`);
    expect(await clerk.getByTestId('court-name').innerText()).toBe('忻州市中级人民法院');
    await fill(clerk, 'caseNumber', '2024晋09执321');
    await expectText(clerk, 'error-caseNumber', '案号格式应如 (2024)晋09执123号');
    await fill(clerk, 'identityNumber', '140902198506153312');
    await expectText(clerk, 'error-identityNumber', '公民身份号码有误（18位，末位校验码不符）');
    await clerk.getByTestId('submit-delegation').click();
    await expectText(clerk, 'error-receivingCourt', '必填');
    await expectText(clerk, 'error-documents', '必填');
    await screenshot(clerk, 'workbench-form-errors');
    expect((await xinzhou.get<{ total: number }>('/api/delegations')).total).toBe(0);
  });

  it('sends a delegation with its ruling, and shows it at both courts', async () => {
    await choose(clerk, 'receivingCourt', 'yulin');
    await fill(clerk, 'caseNumber', CASE_NUMBER);
    await choose(clerk, 'matterType', 'freeze-deposit');
    await fill(clerk, 'partyName', '张三');
    await fill(clerk, 'identityNumber', '140902198506153311');
    await choose(clerk, 'assetCategory', 'bank-deposit');
    await fill(clerk, 'institution', '中国工商银行榆林分行');
    await fill(clerk, 'reference', '6222021208001234567');
    await fill(clerk, 'amount', '100000');
    await fill(clerk, 'instructions', '请冻结被执行人在该账户内的存款，以十万元为限，期限一年。');
    await clerk
      .getByTestId('field-documents')
      .locator('input[type=file]')
      .setInputFiles({ name: 'ruling.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
    await clerk.getByTestId('uploaded-document').waitFor();
    await fill(clerk, 'contactName', '李法官');
    await clerk.getByTestId('submit-delegation').click();
    await clerk.getByTestId('request-title').waitFor();
    delegationId = clerk.url().split('/').pop() as string;
    const sent = await xinzhou.waitForState(
      `/api/delegations/${delegationId}`,
      RequestState.Delivered,
    );
    expect(sent).toMatchObject({ caseNumber: CASE_NUMBER, receivingCourt: 'yulin' });
    await expectText(clerk, 'request-state', '已签收');

    await handler.goto(`${yulin.node.url}/#/incoming`);
    await handler.getByTestId(`row-${delegationId}`).waitFor();
    expect(await handler.getByTestId('count-DELIVERED').innerText()).toBe('已签收 1');
    await handler.getByTestId(`row-${delegationId}`).locator('a').click();
    await expectText(handler, 'request-state', '已签收');
    const ruling = handler.getByTestId('documents').locator('a');
    expect(await ruling.innerText()).toBe('执行裁定书: ruling.pdf');
    // The link works with the browser's own session, as a click would.
    const download = await handler.request.get(
      `${yulin.node.url}/${await ruling.getAttribute('href')}`,
    );
    expect(await download.body()).toEqual(SAMPLE_PDF);
    await screenshot(handler, 'workbench-task-delivered');
  });

  it('lets the handler accept, report progress and the result, each visible to the clerk', async () => {
    await handler.getByTestId('action-accept').click();
    await fill(handler, 'receivingCaseNumber', '(2024)陕08执他45号');
    await fill(handler, 'handlerName', '王书记员');
    await handler.getByTestId('submit-accept').click();
    await expectText(handler, 'request-state', '已受理');
    await expectText(clerk, 'request-state', '已受理');
    await expectText(clerk, 'receiving-case-number', '(2024)陕08执他45号');

    await handler.getByTestId('action-report-progress').click();
    await fill(handler, 'summary', '已向银行送达协助执行通知书。');
    await handler.getByTestId('submit-report-progress').click();
    await expectText(handler, 'request-state', '办理中');
    await expectText(clerk, 'request-state', '办理中');

    await handler.getByTestId('action-report-result').click();
    // Two measures: the freeze, and the notice served on the bank.
    await fill(handler, 'measures-0-amountFrozen', '100000');
    await fill(handler, 'measures-0-expiresOn', '2027-11-24');
    await handler.getByTestId('field-measures-add').click();
    await handler.getByTestId('field-measures-1-matterType').selectOption('serve-documents');
    await fill(handler, 'summary', '已冻结存款十万元，期限一年。');
    await handler.getByTestId('submit-report-result').click();
    await expectText(handler, 'request-state', '已反馈结果');
    await expectText(clerk, 'request-state', '已反馈结果');
    const result = clerk.getByTestId('result');
    expect(await result.locator('tr').count()).toBe(2);
    expect(await result.innerText()).toContain('100,000.00');
    expect(await result.innerText()).toContain('送达文书');
    await screenshot(clerk, 'workbench-result-reported');
    const reported = await xinzhou.get(`/api/delegations/${delegationId}`);
    expect(reported.result).toMatchObject({
      outcome: 'completed',
      measures: [
        {
          matterType: 'freeze-deposit',
          amountFrozen: { fen: 10_000_000 },
          expiresOn: '2027-11-24',
        },
        { matterType: 'serve-documents' },
      ],
    });
  });

  it('lets the clerk confirm the result, closing it at both courts', async () => {
    await clerk.getByTestId('action-confirm').click();
    await clerk.getByTestId('submit-confirm').click();
    await expectText(clerk, 'request-state', '已办结');
    await expectText(handler, 'request-state', '已办结');
    await yulin.waitForState(`/api/tasks/${delegationId}`, RequestState.Closed);
    await screenshot(handler, 'workbench-task-closed');
  });

  it('sends an asset search that Yulin’s registry answers, and confirms it', async () => {
    await clerk.goto(`${xinzhou.node.url}/#/new/asset-search`);
    await choose(clerk, 'receivingCourt', 'yulin');
    await fill(clerk, 'caseNumber', CASE_NUMBER);
    await fill(clerk, 'partyName', '张三');
    await fill(clerk, 'identityNumber', '140902198506153311');
    await clerk.getByTestId('field-categories').getByLabel('银行存款').check();
    await clerk.getByTestId('submit-asset-search').click();
    await expectText(clerk, 'request-state', '已反馈结果');
    expect(await clerk.getByTestId('result').innerText()).toContain('银行存款');
    await screenshot(clerk, 'workbench-asset-search');
    await clerk.getByTestId('action-confirm').click();
    await clerk.getByTestId('submit-confirm').click();
    await expectText(clerk, 'request-state', '已办结');

    await clerk.goto(`${xinzhou.node.url}/#/outgoing`);
    await clerk.getByTestId('filter-kind').selectOption('asset-search');
    await clerk.getByTestId('filter-case-number').fill('执321');
    expect(await clerk.getByTestId('request-list').locator('tbody tr').count()).toBe(1);
    await clerk.getByTestId('filter-case-number').fill('执999');
    await clerk.getByTestId('list-empty').waitFor();
  });

  it('speaks English on request, and remembers it', async () => {
    await handler.goto(`${yulin.node.url}/#/incoming/delegation/${delegationId}`);
    await handler.getByTestId('language').click();
    await expectText(handler, 'request-state', 'Closed');
    await expectText(handler, 'tab-incoming', 'Incoming tasks');
    await handler.reload();
    await expectText(handler, 'court-name', 'Yulin Intermediate People’s Court');
  });
});

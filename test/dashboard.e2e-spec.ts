import { Browser, Page } from 'playwright-core';
import { expectText, launchBrowser, screenshot, signInThroughPage } from './support/browser';
import { openTestAccount } from './support/sessions';
import {
  MonitoredNetwork,
  monitorCaughtUp,
  SampleTraffic,
  sendSampleTraffic,
  startMonitoredNetwork,
} from './support/monitored-network';
import { TestNetwork } from './support/test-network';
import { waitFor } from './support/wait-for';

type Row = Record<string, unknown>;

/**
 * The command centres' dashboard in a real browser, against three court nodes that exchanged
 * real traffic: what it shows must be what the monitor's API says.
 */
describe('the monitor’s web dashboard', () => {
  let network: TestNetwork;
  let running: MonitoredNetwork;
  let traffic: SampleTraffic;
  let browser: Browser;
  let page: Page;

  async function api<T = Row[]>(path: string): Promise<T> {
    return (await (await running.monitorSession.fetch(path)).json()) as T;
  }

  const text = (testId: string) => page.getByTestId(testId).innerText();

  beforeAll(async () => {
    network = TestNetwork.create();
    running = await startMonitoredNetwork(network);
    traffic = await sendSampleTraffic(network, running);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await openTestAccount(network.databaseUrl('monitor'), 'command.centre', 'command-centre-admin');
    await signInThroughPage(page, `${running.monitor.url}/`, 'command.centre');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await network.cleanup();
  });

  it('shows the network in Chinese, with the figures of the API', async () => {
    await page.goto(`${running.monitor.url}/`);
    await page.getByTestId('court-row-ordos').waitFor();
    expect(await page.locator('h1').innerText()).toBe('跨区域执行协作监控');

    const [network] = await api('/api/backlog?by=network');
    await expectText(page, 'kpi-open', `在办事项\n${String(network.open)}`);
    await expectText(page, 'kpi-overdue', `超期\n${String(network.overdue)}`);
    const ordos = page.getByTestId('court-row-ordos');
    expect(await ordos.locator('[data-col="open"]').innerText()).toBe('1');
    expect(await ordos.locator('[data-col="overdue"]').innerText()).toBe('1');
    expect(await ordos.locator('[data-col="node"]').innerText()).toBe('在线');
    expect(await ordos.locator('a').innerText()).toBe('鄂尔多斯市中级人民法院');
    const yulin = page.getByTestId('court-row-yulin');
    expect(await yulin.locator('[data-col="open"]').innerText()).toBe('1');
    const [figures] = await api('/api/figures?by=court&receivingCourt=yulin');
    expect(await yulin.locator('[data-col="on-time"]').innerText()).toBe(
      `${((figures.withinLimitShare as number) * 100).toFixed(1)}%`,
    );
    expect(await page.getByTestId('court-row-wuhai').locator('[data-col="node"]').innerText()).toBe(
      '失联',
    );
    expect(await page.locator('canvas').count()).toBe(3);
    await page.getByTestId(`overdue-${traffic.late}`).waitFor();
    await screenshot(page, 'dashboard-overview');
  });

  it('updates without reloading when a court sends a new request', async () => {
    const before = Number((await text('kpi-open')).split('\n')[1]);
    await running.xinzhou.createDelegation('yulin');
    await monitorCaughtUp(running.monitorSession);
    await expectText(page, 'kpi-open', `在办事项\n${before + 1}`);
    expect(await page.getByTestId('court-row-yulin').locator('[data-col="open"]').innerText()).toBe(
      '2',
    );
  });

  it('filters the overdue list', async () => {
    await page.getByTestId('filter-province').selectOption('shaanxi');
    await page.getByTestId('overdue-empty').waitFor();
    await page.getByTestId('filter-province').selectOption('inner-mongolia');
    await page.getByTestId(`overdue-${traffic.late}`).waitFor();
    await page.getByTestId('filter-matter').selectOption('asset-search');
    await page.getByTestId('overdue-empty').waitFor();
    await page.getByTestId('filter-matter').selectOption('');
  });

  it('drills down from an overdue request to both courts’ timeline', async () => {
    await page.getByTestId(`overdue-${traffic.late}`).locator('a').click();
    await page.getByTestId('request-title').waitFor();
    expect(await text('request-state')).toBe('已签收');
    const { timeline } = await api<{ timeline: Row[] }>(`/api/requests/${traffic.late}`);
    await waitFor(`${timeline.length} rows on the timeline`, async () =>
      (await page.getByTestId('timeline').locator('tr').count()) === timeline.length
        ? true
        : undefined,
    );
    expect(await page.getByTestId('timeline').innerText()).toContain('督办');
    await screenshot(page, 'dashboard-request');
  });

  it('has a page per court, in English on request', async () => {
    await page.goto(`${running.monitor.url}/#/court/ordos`);
    await page.getByTestId('language').click();
    await page.getByTestId('court-title').waitFor();
    expect(await text('court-title')).toContain('Ordos');
    const [figures] = await api('/api/figures?by=network&receivingCourt=ordos');
    await expectText(page, 'figure-requests', String(figures.requests));
    await expectText(page, 'kpi-overdue', 'Overdue\n1');
    await page.goto(`${running.monitor.url}/#/court/yulin`);
    // Yulin's money reached Xinzhou's case account on 7 May and was paid out on the 11th.
    await expectText(page, 'days-to-payout', '4 / 4');
    await page.goto(`${running.monitor.url}/#/court/ordos`);
    expect(await page.getByTestId('court-node').innerText()).toContain('up');
    await page.getByTestId(`overdue-${traffic.late}`).waitFor();
    await screenshot(page, 'dashboard-court');

    // The choice of language is remembered.
    await page.goto(`${running.monitor.url}/`);
    await page.getByTestId('court-row-ordos').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Cross-region enforcement monitor');
  });
});

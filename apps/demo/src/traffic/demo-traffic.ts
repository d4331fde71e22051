import { ApiError, ServiceClient } from '@enforcement-link/client';
import { Asset, MatterType, Money, RequestState } from '@enforcement-link/protocol';
import { DemoCourt } from '../demo-courts';
import {
  assetSearchBody,
  calendarDate,
  delegationBody,
  demoCase,
  moneyRecovered,
  resultBody,
} from './demo-cases';
import { planOf, RequestPlan } from './request-plan';
import { TrafficLedger } from './traffic-ledger';

const SWEEP_INTERVAL_MS = 5_000;
const PAGE = 200;
const WINNING_PARTIES = [
  '申请执行人王某',
  '某农村信用合作联社',
  '某建筑工程有限公司',
  '申请执行人刘某',
];

/** A request or task as a court node lists it. */
interface Listed {
  id: string;
  kind: 'asset-search' | 'delegation';
  state: RequestState;
  stateSince: string;
  caseNumber: string;
  matterType?: MatterType;
}

interface Detailed extends Listed {
  timeline: { type: string; body: Record<string, unknown> }[];
}

/** What the requesting court asked for, as its first message said it. */
interface Requested {
  matterType?: MatterType;
  categories?: string[];
  assets?: Asset[];
  amount?: Money;
}

interface Transfer {
  id: string;
  requestId: string;
  /** The requesting court's case, whose account the money is for. */
  caseNumber: string;
  amountFen: number;
}

/** The people of one court, signed in: a clerk who sends and follows requests, a handler. */
interface CourtPeople {
  court: DemoCourt;
  clerk: ServiceClient;
  handler: ServiceClient;
}

export interface TrafficPace {
  /** New requests a minute across the network. */
  rate: number;
  /** How many times faster than people the clerks and handlers act. */
  speed: number;
}

export interface TrafficLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * Clerks and handlers at every court of the demo, working through each node's HTTP API as the
 * workbench would: clerks send asset searches and delegations of every matter type at `rate`
 * a minute; handlers accept, return, ask for supplements, report progress and results, recover
 * money and transfer it, some of them late; clerks provide supplements, confirm or dispute
 * results, withdraw requests, confirm money received and pay it out to the winning party.
 * What each person does with a request follows its plan (see `planOf`), so the work picks up
 * where it was after a restart.
 */
export class DemoTraffic {
  private running = true;
  private readonly loops: Promise<void>[] = [];
  private readonly wakeUps = new Set<() => void>();
  /** When this process first saw a transfer arrive: its clerk confirms it a little later. */
  private readonly transfersSeen = new Map<string, number>();

  private constructor(
    private readonly people: CourtPeople[],
    private readonly pace: TrafficPace,
    private readonly ledger: TrafficLedger,
    private readonly log: TrafficLog,
  ) {}

  static async start(
    courts: { court: DemoCourt; url: string }[],
    password: string,
    pace: TrafficPace,
    ledger: TrafficLedger,
    log: TrafficLog,
  ): Promise<DemoTraffic> {
    const people = await Promise.all(
      courts.map(async ({ court, url }) => ({
        court,
        clerk: await ServiceClient.signIn(url, 'clerk', password),
        handler: await ServiceClient.signIn(url, 'handler', password),
      })),
    );
    const traffic = new DemoTraffic(people, pace, ledger, log);
    if (pace.rate > 0 && people.length > 1) traffic.loops.push(traffic.guarded(traffic.send()));
    for (const court of people) traffic.loops.push(traffic.guarded(traffic.sweep(court)));
    return traffic;
  }

  async stop(): Promise<void> {
    this.running = false;
    for (const wake of this.wakeUps) wake();
    await Promise.all(this.loops);
  }

  /** New requests at the configured rate, between courts chosen at random. */
  private async send(): Promise<void> {
    while (this.running) {
      const from = pickOne(this.people);
      const to = pickOne(this.people.filter((other) => other !== from));
      await this.attempt(`sending from ${from.court.code}`, () => this.sendOne(from, to.court));
      await this.pause((60_000 / this.pace.rate) * (0.5 + Math.random()));
    }
  }

  private async sendOne(from: CourtPeople, to: DemoCourt): Promise<void> {
    const demo = demoCase(from.court, to);
    const receivingCourt = to.code;
    if (Math.random() < 0.35) {
      const documents = [await upload(from.clerk, 'enforcement-ruling', demo.caseNumber)];
      await this.sent(from.clerk, '/api/asset-searches', {
        ...assetSearchBody(demo),
        receivingCourt,
        documents,
      });
      return;
    }
    const body = delegationBody(demo, from.court, to);
    const documents = [
      await upload(from.clerk, 'enforcement-ruling', demo.caseNumber),
      await upload(from.clerk, 'assistance-notice', demo.caseNumber),
    ];
    await this.sent(from.clerk, '/api/delegations', { ...body, receivingCourt, documents });
  }

  private async sent(clerk: ServiceClient, path: string, body: object): Promise<void> {
    const { id } = await clerk.post<{ id: string }>(path, body);
    this.ledger.add(id);
  }

  /** The requests of one list the simulated people sent, and so work. */
  private async ours(client: ServiceClient, path: string): Promise<Listed[]> {
    return (await listed(client, path)).filter((request) => this.ledger.has(request.id));
  }

  /** One court's people at work, every few seconds. */
  private async sweep(people: CourtPeople): Promise<void> {
    const { court } = people;
    while (this.running) {
      await this.attempt(`the handler at ${court.code}`, () => this.handle(people));
      await this.attempt(`the clerk at ${court.code}`, () => this.follow(people));
      await this.pause(SWEEP_INTERVAL_MS / this.pace.speed);
    }
  }

  /** The handler: tasks signed in, worked and finished as their plans say. */
  private async handle({ handler, court }: CourtPeople): Promise<void> {
    for (const task of await this.ours(handler, '/api/tasks?state=DELIVERED')) {
      const plan = planOf(task.id, task.matterType);
      if (!this.running || this.secondsIn(task) < plan.signInAfter) continue;
      if (plan.returned) {
        await handler.post(`/api/tasks/${task.id}/return`, {
          reason: plan.returned,
          explanation: RETURN_EXPLANATIONS[plan.returned],
        });
      } else if (task.kind === 'asset-search') {
        await this.answerByHand(handler, task.id);
      } else {
        await handler.post(`/api/tasks/${task.id}/accept`, {
          receivingCaseNumber: `(${new Date().getFullYear()})${court.caseNumberCode}执协${serialOf(task.id)}号`,
          handler: { name: '执行承办人', phone: '12368' },
        });
      }
    }
    for (const state of [RequestState.Accepted, RequestState.InProgress]) {
      for (const task of await this.ours(handler, `/api/tasks?kind=delegation&state=${state}`)) {
        if (!this.running) return;
        await this.work(handler, task, planOf(task.id, task.matterType));
      }
    }
  }

  private async work(handler: ServiceClient, task: Listed, plan: RequestPlan): Promise<void> {
    const firstStep = task.state === RequestState.Accepted;
    if (firstStep && plan.supplement && this.secondsIn(task) >= 30) {
      await handler.post(`/api/tasks/${task.id}/request-supplement`, {
        missing: ['申请执行人身份证明', '财产线索材料'],
        dueOn: calendarDate(new Date(Date.now() + 86_400_000)),
      });
    } else if (firstStep && plan.reportsProgress && this.secondsIn(task) >= plan.finishAfter / 3) {
      await handler.post(`/api/tasks/${task.id}/report-progress`, {
        summary: '已向协助单位送达协助执行通知书，等待回执。',
        documents: [],
      });
    } else if (this.secondsIn(task) >= plan.finishAfter) {
      await this.finish(handler, task, plan);
    }
  }

  /** Money first where the matter brings some, then the result with its receipt. */
  private async finish(handler: ServiceClient, task: Listed, plan: RequestPlan): Promise<void> {
    const delegation = {
      matterType: task.matterType ?? 'investigate-assets',
      ...(await requested(handler, `/api/tasks/${task.id}`)),
    };
    const today = new Date();
    if (plan.recoversMoney) {
      const amount = moneyRecovered(delegation);
      const payer = delegation.assets?.[0]?.institution ?? '被执行人';
      await once(() =>
        handler.post(`/api/tasks/${task.id}/recoveries`, {
          amount,
          payer,
          receivedOn: calendarDate(today),
          bankReference: `SK${serialOf(task.id)}${task.id.slice(0, 6)}`,
        }),
      );
      await once(() =>
        handler.post(`/api/tasks/${task.id}/fund-transfers`, {
          amount,
          payer,
          transferredOn: calendarDate(today),
          bankReference: `ZF${serialOf(task.id)}${task.id.slice(0, 6)}`,
        }),
      );
    }
    const receipt = await upload(handler, 'receipt', task.caseNumber);
    await handler.post(`/api/tasks/${task.id}/report-result`, {
      ...resultBody(delegation, plan, today),
      documents: [receipt],
    });
  }

  /** A search the registry could not answer alone: the handler looks it up and answers. */
  private async answerByHand(handler: ServiceClient, id: string): Promise<void> {
    const { categories = [] } = await requested(handler, `/api/tasks/${id}`);
    await handler.post(`/api/tasks/${id}/answer`, {
      results: categories.map((category) =>
        category === 'housing-provident-fund'
          ? { category, outcome: 'not-searched', reason: '公积金中心系统未对接，需线下查询' }
          : { category, outcome: 'nothing-found' },
      ),
      documents: [],
    });
  }

  /** The clerk: supplements, confirmations and disputes, withdrawals, money in and out. */
  private async follow({ clerk }: CourtPeople): Promise<void> {
    for (const resource of ['asset-searches', 'delegations']) {
      for (const request of await this.ours(clerk, `/api/${resource}?state=RESULT_REPORTED`)) {
        const plan = planOf(request.id, request.matterType);
        if (!this.running || this.secondsIn(request) < plan.confirmAfter) continue;
        const path = `/api/${resource}/${request.id}`;
        if (plan.disputesFirstResult && !(await wasDisputed(clerk, path))) {
          await clerk.post(`${path}/dispute`, {
            reason: '反馈结果与协助执行通知书所列财产不符，请核实。',
          });
        } else {
          await clerk.post(`${path}/confirm`, { note: '已收到反馈结果及回执。' });
        }
      }
    }
    for (const request of await this.ours(clerk, '/api/delegations?state=AWAITING_SUPPLEMENT')) {
      const providedAfter = planOf(request.id, request.matterType).supplement?.providedAfter;
      if (providedAfter === undefined || this.secondsIn(request) < providedAfter) continue;
      await clerk.post(`/api/delegations/${request.id}/supplement`, {
        explanation: '补充申请执行人身份证明及财产线索材料。',
        documents: [await upload(clerk, 'judgment', request.caseNumber)],
      });
    }
    for (const resource of ['asset-searches', 'delegations']) {
      for (const request of await this.ours(clerk, `/api/${resource}?state=DELIVERED`)) {
        const { withdrawnAfter } = planOf(request.id, request.matterType);
        if (withdrawnAfter === undefined || this.secondsIn(request) < withdrawnAfter) continue;
        await clerk.post(`/api/${resource}/${request.id}/withdraw`, {
          reason: '被执行人已自动履行全部义务。',
        });
      }
    }
    await this.receiveMoney(clerk);
  }

  /** Money arrived from another court: confirmed, then paid out to the winning party. */
  private async receiveMoney(clerk: ServiceClient): Promise<void> {
    const arrived = await clerk.get<Transfer[]>(
      '/api/funds/transfers?direction=in&status=IN_TRANSIT',
    );
    for (const transfer of arrived.filter((each) => this.ledger.has(each.requestId))) {
      const seen = this.transfersSeen.get(transfer.id) ?? Date.now();
      this.transfersSeen.set(transfer.id, seen);
      if ((Date.now() - seen) * this.pace.speed < planOf(transfer.id).confirmAfter * 1000) continue;
      const amount: Money = { fen: transfer.amountFen, currency: 'CNY' };
      await clerk.post(`/api/funds/transfers/${transfer.id}/confirm-receipt`, {
        amount,
        receivedOn: calendarDate(new Date()),
      });
      this.transfersSeen.delete(transfer.id);
      await once(() =>
        clerk.post('/api/funds/payouts', {
          caseNumber: transfer.caseNumber,
          amount,
          bankReference: `FK${transfer.id.slice(0, 8)}`,
          payee: pickOne(WINNING_PARTIES),
          paidOn: calendarDate(new Date()),
        }),
      );
    }
  }

  /**
   * One person's step. Someone else may have moved the request on (409), or a node may be busy
   * restarting: the step is logged and tried again on the next sweep.
   */
  private async attempt(who: string, step: () => Promise<void>): Promise<void> {
    try {
      await step();
    } catch (error) {
      if (!this.running) return;
      const conflict = error instanceof ApiError && error.status === 409;
      if (!conflict)
        this.log.warn(`${who}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** How long the request has been in its state, in the people's time. */
  private secondsIn(request: Listed): number {
    return ((Date.now() - Date.parse(request.stateSince)) / 1000) * this.pace.speed;
  }

  private guarded(loop: Promise<void>): Promise<void> {
    return loop.catch((error: unknown) => {
      this.log.warn(`traffic stopped: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakeUps.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.wakeUps.add(wake);
    });
  }
}

const RETURN_EXPLANATIONS: Record<string, string> = {
  MATERIALS_INCOMPLETE: '缺少生效法律文书副本及协助执行通知书原件。',
  NOT_IN_JURISDICTION: '财产所在地不属本院辖区，请向有管辖权的法院委托。',
  PARTY_IDENTITY_INVALID: '被执行人身份信息与登记信息不一致。',
  DUPLICATE: '同一事项已由贵院另案委托，本案不再重复办理。',
  OTHER: '被执行人已进入破产程序，依法中止执行。',
};

async function listed(client: ServiceClient, path: string): Promise<Listed[]> {
  const page = await client.get<{ items: Listed[] }>(`${path}&limit=${PAGE}&order=due`);
  return page.items;
}

async function requested(client: ServiceClient, path: string): Promise<Requested> {
  const detail = await client.get<Detailed>(path);
  const first = detail.timeline.find(
    (entry) => entry.type === 'delegation.requested' || entry.type === 'asset-search.requested',
  );
  return first?.body ?? {};
}

async function wasDisputed(clerk: ServiceClient, path: string): Promise<boolean> {
  const detail = await clerk.get<Detailed>(path);
  return detail.timeline.some((entry) => entry.type === 'result.disputed');
}

/** A small genuine PDF standing for a court document of the case. */
async function upload(client: ServiceClient, kind: string, caseNumber: string): Promise<object> {
  const fileName = `${caseNumber}${DOCUMENT_TITLES[kind] ?? '材料'}.pdf`;
  const pdf = Buffer.from(`%PDF-1.4\n% ${kind} ${new Date().toISOString()}\n%%EOF\n`);
  const query = new URLSearchParams({ kind, fileName });
  return client.upload(`/api/documents?${query.toString()}`, pdf, 'application/pdf');
}

const DOCUMENT_TITLES: Record<string, string> = {
  'enforcement-ruling': '执行裁定书',
  'assistance-notice': '协助执行通知书',
  judgment: '民事判决书',
  receipt: '协助执行回执',
};

/** Money recorded under a bank reference: a 422 naming the reference means it was, before. */
async function once(record: () => Promise<unknown>): Promise<void> {
  try {
    await record();
  } catch (error) {
    const recordedBefore =
      error instanceof ApiError && error.status === 422 && /bank reference/.test(error.message);
    if (!recordedBefore) throw error;
  }
}

/** A case serial number of the receiving court, the same for the same task. */
function serialOf(id: string): number {
  return 1 + (parseInt(id.replace(/-/g, '').slice(-6), 16) % 9000);
}

function pickOne<T>(choices: T[]): T {
  return choices[Math.floor(Math.random() * choices.length)];
}

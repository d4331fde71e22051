import { EXAMPLE_BODIES, RequestState } from '@enforcement-link/protocol';
import { ApiResponse, CourtApi, RequestResource } from '../support/court-api';

/** What happens to a request, start to end; every one ends CLOSED at both courts. */
export type Plan =
  /** Answered by the receiving court's registry, confirmed by the requester. */
  | 'asset-search'
  /** Accepted, result reported, confirmed. */
  | 'delegation'
  /** As a delegation, with money recovered, transferred and its arrival confirmed on the way. */
  | 'delegation-with-funds';

export interface TrackedRequest {
  /** Unique in the run: how a request whose creation went unanswered is found again. */
  caseNumber: string;
  plan: Plan;
  requestingCourt: string;
  receivingCourt: string;
  id?: string;
}

/** Ten requests in ten: half asset searches, three delegations, two with money. */
const PLANS: Plan[] = [
  'asset-search',
  'delegation',
  'asset-search',
  'delegation-with-funds',
  'asset-search',
  'delegation',
  'asset-search',
  'delegation-with-funds',
  'asset-search',
  'delegation',
];
const CASE_CODES: Record<string, string> = { xinzhou: '晋09', yulin: '陕08', baotou: '内02' };
const MONEY = { amount: { fen: 1_234_500, currency: 'CNY' }, payer: '中国工商银行榆林分行' };
const SWEEP_INTERVAL_MS = 400;
const RETRY_DELAY_MS = 500;
const PAGE = 200;

/**
 * Clerks and handlers at every court, working as people would through the HTTP API: clerks
 * create requests at a steady pace, handlers sweep their task lists and act on what waits for
 * them, clerks confirm results and money received. Calls that fail while a part of the network
 * is down are simply tried again on the next sweep; a creation whose answer was lost is looked
 * up by its case number before it is sent again, and money is recorded under bank references
 * the court refuses to record twice, so nothing is done twice by the people.
 */
export class MixedTraffic {
  readonly requests: TrackedRequest[] = [];
  private readonly byId = new Map<string, TrackedRequest>();
  private running = true;
  /** Cleared to stop sending new requests while the people still answer. */
  private creating = true;
  private readonly creators: Promise<void>[] = [];
  private readonly loops: Promise<void>[] = [];
  private nextToCreate = 0;
  private readonly planned: number;
  /** Waits until request number `index` is due, when creation is paced. */
  private paced?: (index: number) => Promise<void>;
  private failure?: Error;
  /** How many calls failed for want of an answer (a node, NATS or PostgreSQL being down). */
  failedCalls = 0;

  /**
   * `total` requests, their plans taken in turn from `plans`, sent in turn between `pairs` of
   * courts (by default every court to every other).
   */
  constructor(
    private readonly courts: Record<string, CourtApi>,
    total: number,
    {
      plans = PLANS,
      pairs = everyPair(Object.keys(courts)),
    }: { plans?: Plan[]; pairs?: [string, string][] } = {},
  ) {
    for (let i = 0; i < total; i++) this.track(pairs[i % pairs.length], plans[i % plans.length]);
    this.planned = total;
  }

  /**
   * Starts `clerks` parallel creators, at most `perSecond` requests a second if given, and,
   * unless told not to yet, the people who answer.
   */
  start({ clerks = 8, answering = true, perSecond = 0 } = {}): void {
    const startedAt = Date.now();
    this.paced =
      perSecond > 0
        ? (index) => sleep(startedAt + (1000 * index) / perSecond - Date.now())
        : undefined;
    for (let i = 0; i < clerks; i++) this.creators.push(this.guarded(this.createUntilDone()));
    if (answering) this.startAnswering();
  }

  /** Starts one sweeping handler and clerk per court, who take every request to its end. */
  startAnswering(): void {
    for (const court of Object.keys(this.courts)) this.loops.push(this.guarded(this.sweep(court)));
  }

  /** Throws what stopped the people working, if anything did: a refusal no person expects. */
  assertWorking(): void {
    if (this.failure) throw this.failure;
  }

  /**
   * Sends one more asset search and resolves once its answer is back at the requesting court,
   * trying again while the network does not take it.
   */
  async probe(from: string, to: string): Promise<void> {
    const request = this.track([from, to], 'asset-search');
    await this.createPersistently(request);
    if (!request.id) return;
    const path = `/api/asset-searches/${request.id}`;
    for (;;) {
      const seen = await this.call(() => this.courts[from].call<RequestResource>('GET', path));
      const state = seen?.body.state;
      if (state === RequestState.ResultReported || state === FINAL_STATE) return;
      await sleep(50);
    }
  }

  private track([from, to]: [string, string], plan: Plan): TrackedRequest {
    const request = {
      caseNumber: `(2025)${CASE_CODES[from]}执${this.requests.length + 1}号`,
      plan,
      requestingCourt: from,
      receivingCourt: to,
    };
    this.requests.push(request);
    return request;
  }

  get created(): number {
    return this.byId.size;
  }

  /** Resolves once `count` requests have been created. */
  async whenCreated(count: number): Promise<void> {
    while (this.created < count) {
      this.assertWorking();
      await sleep(100);
    }
  }

  /** Stops sending new requests; the people go on answering until `stop`. */
  async stopCreating(): Promise<void> {
    this.creating = false;
    await Promise.all(this.creators);
    this.assertWorking();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.stopCreating();
    await Promise.all(this.loops);
    this.assertWorking();
  }

  private guarded(loop: Promise<void>): Promise<void> {
    return loop.catch((error: unknown) => {
      this.failure ??= error instanceof Error ? error : new Error(String(error));
      this.running = false;
    });
  }

  private async createUntilDone(): Promise<void> {
    while (this.running && this.creating && this.nextToCreate < this.planned) {
      const index = this.nextToCreate++;
      await this.paced?.(index);
      await this.createPersistently(this.requests[index]);
    }
  }

  /** Creates `request`, trying again until the network takes it or the traffic stops. */
  private async createPersistently(request: TrackedRequest): Promise<void> {
    while (this.running && !request.id) {
      request.id = await this.create(request);
      if (!request.id) await sleep(RETRY_DELAY_MS);
    }
    if (request.id) this.byId.set(request.id, request);
  }

  private async create(request: TrackedRequest): Promise<string | undefined> {
    const clerk = this.courts[request.requestingCourt];
    const resource = request.plan === 'asset-search' ? 'asset-searches' : 'delegations';
    const found = await this.call(() =>
      clerk.call<{ items: RequestResource[] }>(
        'GET',
        `/api/${resource}?caseNumber=${encodeURIComponent(request.caseNumber)}`,
      ),
    );
    if (!found) return undefined;
    if (found.body.items.length > 0) return found.body.items[0].id;
    const body =
      request.plan === 'asset-search'
        ? {
            ...EXAMPLE_BODIES['asset-search.requested'],
            categories: ['bank-deposit', 'real-estate', 'vehicle'],
            documents: [],
          }
        : EXAMPLE_BODIES['delegation.requested'];
    const created = await this.call(async () =>
      clerk.call<RequestResource>(
        'POST',
        `/api/${resource}`,
        await clerk.withDocuments({
          ...body,
          caseNumber: request.caseNumber,
          receivingCourt: request.receivingCourt,
        }),
      ),
    );
    if (created?.status === 202) return created.body.id;
    if (created) throw new Error(`creating ${request.caseNumber} answered ${created.status}`);
    return undefined;
  }

  /** One court's people: handlers take their tasks a step on, clerks close what came back. */
  private async sweep(court: string): Promise<void> {
    const api = this.courts[court];
    while (this.running) {
      await this.eachListed(api, '/api/tasks?kind=delegation&state=DELIVERED', (task) =>
        this.call(() =>
          api.call('POST', `/api/tasks/${task.id}/accept`, EXAMPLE_BODIES['request.accepted']),
        ),
      );
      await this.eachListed(api, '/api/tasks?kind=delegation&state=ACCEPTED', (task) =>
        this.finish(api, task.id),
      );
      for (const resource of ['asset-searches', 'delegations']) {
        await this.eachListed(api, `/api/${resource}?state=RESULT_REPORTED`, (request) =>
          this.call(() =>
            api.call(
              'POST',
              `/api/${resource}/${request.id}/confirm`,
              EXAMPLE_BODIES['result.confirmed'],
            ),
          ),
        );
      }
      const arrived = await this.call(() =>
        api.call<{ id: string }[]>('GET', '/api/funds/transfers?direction=in&status=IN_TRANSIT'),
      );
      for (const transfer of arrived?.body ?? []) {
        await this.call(() =>
          api.call('POST', `/api/funds/transfers/${transfer.id}/confirm-receipt`, {
            amount: MONEY.amount,
            receivedOn: '2025-01-07',
          }),
        );
      }
      await sleep(SWEEP_INTERVAL_MS);
    }
  }

  /** The handler's work on an accepted delegation: money first where there is some, then the result. */
  private async finish(api: CourtApi, taskId: string): Promise<ApiResponse | undefined> {
    const request = this.byId.get(taskId);
    if (request?.plan === 'delegation-with-funds') {
      const recovered = await this.once(() =>
        api.call('POST', `/api/tasks/${taskId}/recoveries`, {
          ...MONEY,
          receivedOn: '2025-01-06',
          bankReference: `KH-${taskId}`,
        }),
      );
      if (!recovered) return undefined;
      const transferred = await this.once(() =>
        api.call('POST', `/api/tasks/${taskId}/fund-transfers`, {
          ...MONEY,
          transferredOn: '2025-01-06',
          bankReference: `ZF-${taskId}`,
        }),
      );
      if (!transferred) return undefined;
    }
    return this.call(async () =>
      api.call(
        'POST',
        `/api/tasks/${taskId}/report-result`,
        await api.withDocuments(EXAMPLE_BODIES['delegation.result-reported']),
      ),
    );
  }

  /** Records money under its bank reference: done when recorded now, or refused as recorded before. */
  private async once(record: () => Promise<ApiResponse>): Promise<boolean> {
    const response = await this.call(record);
    if (!response) return false;
    if (response.status === 201) return true;
    const refusedAsRecorded = JSON.stringify(response.body).includes('bank reference');
    if (response.status === 422 && refusedAsRecorded) return true;
    throw new Error(
      `recording money answered ${response.status}: ${JSON.stringify(response.body)}`,
    );
  }

  private async eachListed(
    api: CourtApi,
    path: string,
    act: (request: RequestResource) => Promise<unknown>,
  ): Promise<void> {
    const listed = await this.call(() =>
      api.call<{ items: RequestResource[] }>('GET', `${path}&limit=${PAGE}&order=due`),
    );
    for (const request of listed?.body.items ?? []) {
      if (!this.running) return;
      await act(request);
    }
  }

  /**
   * A call that may find its node, NATS or PostgreSQL down: undefined when it got no answer
   * or a 5xx, to be tried again later. A 409 (someone else moved the request on) is an answer.
   */
  private async call<T>(
    attempt: () => Promise<ApiResponse<T>>,
  ): Promise<ApiResponse<T> | undefined> {
    try {
      const response = await attempt();
      if (response.status < 500) return response;
    } catch {
      // No answer: the node is down or restarting.
    }
    this.failedCalls++;
    return undefined;
  }
}

/** The state every request of a run ends in, at both courts and in the monitor. */
export const FINAL_STATE = RequestState.Closed;

function everyPair(courts: string[]): [string, string][] {
  return courts.flatMap((from) =>
    courts.filter((to) => to !== from).map((to): [string, string] => [from, to]),
  );
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

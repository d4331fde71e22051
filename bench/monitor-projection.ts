import {
  MATTER_TYPES,
  monitorEventSubject,
  newMessageId,
  RequestState,
  RequestUpdatedEvent,
  YELLOW_RIVER_BEND_COURTS,
} from '@enforcement-link/protocol';
import { monitorEventsStream } from '@enforcement-link/messaging';
import { connect } from 'nats';
import { freePort } from '../test/support/free-port';
import { BackgroundService } from '../test/support/service-process';
import { sessionAs, TestSession } from '../test/support/sessions';
import { NATS_URL, TestNetwork, waitUntilReady } from '../test/support/test-network';
import { summarise, Summary } from './measure';
import { PeakMemory, stopReadingPeakMemory } from './peak-memory';

const EVENTS = Number(process.env.BENCH_MONITOR_EVENTS ?? 50_000);
const PROJECTED_REQUESTS = Number(process.env.BENCH_MONITOR_REQUESTS ?? 1_000_000);
const QUERY_ROUNDS = 60;
const PUBLISH_WINDOW = 2_000;
const DAY_MS = 86_400_000;

export interface MonitorResults {
  events: number;
  ingestSeconds: number;
  eventsPerSecond: number;
  requests: number;
  rounds: number;
  queries: Summary[];
  peakMemory: PeakMemory;
}

/** The monitor's tables as the dashboard reads them. */
const QUERIES = [
  '/api/backlog?by=court',
  '/api/backlog?by=province',
  '/api/backlog?by=court-pair',
  '/api/backlog/ageing?by=court',
  '/api/overdue?limit=100',
];

const courts = YELLOW_RIVER_BEND_COURTS.filter((court) => court.level === 'intermediate').map(
  (court) => court.code,
);

/**
 * The monitor, its own process on its own database: first it reads a stream of `EVENTS`
 * request snapshots published before it starts (the ingestion rate); then its projection is
 * filled to `PROJECTED_REQUESTS` generated requests and the dashboard's queries are timed
 * over HTTP.
 */
export async function measureMonitor(network: TestNetwork): Promise<MonitorResults> {
  await publishEvents(network.namespace);
  const port = await freePort();
  const environment = network.monitorEnvironment();
  const monitor = new BackgroundService('monitor', {
    ...network.sharedEnvironment(),
    DATABASE_URL: environment.DATABASE_URL,
    PORT: String(port),
  });
  const url = `http://127.0.0.1:${port}`;
  let measured: Omit<MonitorResults, 'peakMemory'>;
  let peakMemory: PeakMemory;
  try {
    const started = Date.now();
    await waitUntilReady(url, 60_000);
    const admin = await sessionAs(url, environment.DATABASE_URL, 'command-centre-admin');
    await waitForProjection(admin, EVENTS);
    const ingestSeconds = (Date.now() - started) / 1000;

    await generateRequests(network, environment.DATABASE_URL);
    const queries: Summary[] = [];
    for (const path of QUERIES) {
      const latenciesMs: number[] = [];
      await admin.fetch(path);
      for (let round = 0; round < QUERY_ROUNDS; round++) {
        const start = performance.now();
        const response = await admin.fetch(path);
        await response.text();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        latenciesMs.push(performance.now() - start);
      }
      queries.push(summarise(path, { completed: QUERY_ROUNDS, seconds: NaN, latenciesMs }));
    }
    measured = {
      events: EVENTS,
      ingestSeconds,
      eventsPerSecond: EVENTS / ingestSeconds,
      requests: PROJECTED_REQUESTS,
      rounds: QUERY_ROUNDS,
      queries,
    };
  } finally {
    peakMemory = await stopReadingPeakMemory('monitor', monitor);
  }
  return { ...measured, peakMemory };
}

/** Five snapshots per request, from both courts, as a delegation is sent, signed in and worked. */
async function publishEvents(namespace: string): Promise<void> {
  const connection = await connect({ servers: NATS_URL });
  try {
    const manager = await connection.jetstreamManager();
    await manager.streams.add(monitorEventsStream(namespace, 1));
    const js = connection.jetstream();
    let pending: Promise<unknown>[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const event = snapshot(Math.floor(i / 5), i % 5);
      pending.push(
        js.publish(
          monitorEventSubject(namespace, event.court, 'request.updated'),
          JSON.stringify(event),
          {
            msgID: event.id,
          },
        ),
      );
      if (pending.length === PUBLISH_WINDOW) {
        await Promise.all(pending);
        pending = [];
      }
    }
    await Promise.all(pending);
  } finally {
    await connection.close();
  }
}

const STEPS = [
  { side: 'requesting', state: RequestState.Sent, milestone: 'sentAt' },
  { side: 'receiving', state: RequestState.Delivered, milestone: 'deliveredAt' },
  { side: 'receiving', state: RequestState.Accepted, milestone: 'acceptedAt' },
  { side: 'requesting', state: RequestState.Accepted, milestone: 'acceptedAt' },
  { side: 'receiving', state: RequestState.InProgress, milestone: undefined },
] as const;

function snapshot(request: number, step: number): RequestUpdatedEvent {
  const requestingCourt = courts[request % courts.length];
  const receivingCourt = courts[(request + 1 + (request % 3)) % courts.length];
  const sentAt = Date.UTC(2024, 0, 1) + request * 60_000;
  const at = (index: number) => new Date(sentAt + index * 3_600_000).toISOString();
  const { side, state, milestone } = STEPS[step];
  const milestones: RequestUpdatedEvent['milestones'] = {};
  for (let index = 0; index <= step; index++) {
    const earlier = STEPS[index];
    if (earlier.side === side && earlier.milestone) milestones[earlier.milestone] = at(index);
  }
  return {
    id: newMessageId(),
    court: side === 'requesting' ? requestingCourt : receivingCourt,
    side,
    occurredAt: at(step),
    requestId: uuidOf(request),
    kind: 'delegation',
    matterType: MATTER_TYPES[request % MATTER_TYPES.length],
    requestingCourt,
    receivingCourt,
    state,
    stateSince: at(step),
    milestones: { ...milestones, ...(milestone ? { [milestone]: at(step) } : {}) },
    dueAt: new Date(sentAt + 15 * DAY_MS).toISOString(),
    amounts: { recoveredFen: 0, transferredFen: 0, confirmedFen: 0 },
  };
}

function uuidOf(request: number): string {
  const hex = request.toString(16).padStart(12, '0');
  return `0192f1d2-7a3b-7c4d-8e5f-${hex}`;
}

async function waitForProjection(admin: TestSession, events: number): Promise<void> {
  for (;;) {
    const response = await admin.fetch('/api/projection').catch(() => undefined);
    if (response?.status === 200) {
      const status = (await response.json()) as { position: number };
      if (status.position >= events) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Fills the projection with generated requests spread over two years: about one in twelve
 * still open (the newest mostly), one in four of those overdue, returns and funds sprinkled in.
 */
async function generateRequests(network: TestNetwork, databaseUrl: string): Promise<void> {
  const existing = Number(
    (
      await network.query<{ n: string }>(
        databaseUrl,
        'SELECT count(*) AS n FROM monitored_requests',
      )
    )[0].n,
  );
  await network.query(
    databaseUrl,
    `INSERT INTO monitored_requests
     SELECT gen_random_uuid(), CASE WHEN i % 4 = 0 THEN 'asset-search' ELSE 'delegation' END,
            CASE WHEN i % 4 = 0 THEN NULL ELSE (ARRAY[${MATTER_TYPES.map((m) => `'${m}'`).join(',')}])[1 + i % ${MATTER_TYPES.length}] END,
            c.courts[1 + i % 10], c.courts[1 + (i + 1 + i % 7) % 10], NULL,
            CASE WHEN open THEN (ARRAY['DELIVERED','ACCEPTED','IN_PROGRESS','AWAITING_SUPPLEMENT','RESULT_REPORTED'])[1 + i % 5]
                 WHEN i % 13 = 0 THEN 'RETURNED' ELSE 'CLOSED' END,
            open, opened + interval '2 days', opened + interval '2 days', opened,
            CASE WHEN open THEN opened + interval '17 days' END,
            CASE WHEN open AND i % 4 = 1 THEN opened + interval '17 days' END,
            i % 9 = 0, CASE WHEN open AND i % 8 = 1 THEN opened + interval '18 days' END,
            CASE WHEN NOT open AND i % 13 = 0 THEN 'NOT_IN_JURISDICTION' END,
            opened, opened + interval '1 minute', opened + interval '1 day',
            CASE WHEN NOT open AND i % 13 = 0 THEN opened + interval '1 day' END,
            CASE WHEN NOT open AND i % 13 <> 0 THEN opened + interval '12 days' END,
            CASE WHEN NOT open AND i % 13 <> 0 THEN opened + interval '14 days' END,
            NULL,
            CASE WHEN NOT open THEN opened + interval '12 days' END,
            (i % 5) * 100000, (i % 5) * 80000, (i % 5) * 60000,
            CASE WHEN NOT open THEN opened + interval '12 days' END,
            (i % 5) * 60000, CASE WHEN i % 5 > 0 THEN ARRAY[i % 11] END
       FROM (SELECT i, now() - (i * interval '63 seconds') AS opened, i < $1 / 12 AS open
               FROM generate_series(0, $1 - 1) AS i) AS g,
            (SELECT $2::text[] AS courts) AS c`,
    [PROJECTED_REQUESTS - existing, courts],
  );
  // What autovacuum does in production, so index-only scans find the visibility map set.
  await network.query(databaseUrl, 'VACUUM ANALYZE monitored_requests');
}

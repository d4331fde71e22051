import { DocumentReference, EXAMPLE_BODIES, RequestState } from '@enforcement-link/protocol';
import { Environment, Role } from '@enforcement-link/platform';
import { TimelineEntryView } from '../../apps/court-node/src/requests/request.views';
import { sessionAs, TestSession } from './sessions';
import { RunningApp, TestNetwork, waitUntilReady } from './test-network';
import { waitFor } from './wait-for';

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
}

/** A request or task as the court node's HTTP API shows it. */
export interface RequestResource {
  id: string;
  kind: string;
  state: RequestState;
  requestingCourt: string;
  receivingCourt: string;
  receivingCaseNumber: string | null;
  assignee: string | null;
  forwardedTo: string | null;
  result: Record<string, unknown> | null;
  lastRejection: Record<string, unknown> | null;
  dueAt: string | null;
  progressReportDueAt: string | null;
  stateSince: string;
  caseNumber: string;
  /** The body of the request as the requesting court sent it. */
  details: Record<string, unknown>;
  createdAt: string;
  timeline: TimelineEntryView[];
}

/** Drives one court node through its HTTP API, as a clerk's or handler's client would. */
/** An example body without its documents, for a test that uploads real ones. */
export function withoutDocuments(body: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([field]) => field !== 'documents'));
}

/** A small but genuine PDF, for requests that must list documents. */
export const SAMPLE_PDF = Buffer.from('%PDF-1.4\n% enforcement-link test document\n%%EOF\n');

export class CourtApi {
  private readonly uploaded = new Map<string, Promise<DocumentReference>>();

  constructor(
    readonly node: RunningApp,
    /** The node's own database, where test accounts are opened and tests look behind the API. */
    readonly databaseUrl: string,
    /** Who calls: a court admin may do everything a clerk and a handler may. */
    readonly role: Role = 'court-admin',
  ) {}

  /** The signed-in session this API calls with. */
  session(): Promise<TestSession> {
    return sessionAs(this.node.url, this.databaseUrl, this.role);
  }

  /** The same court's API as another role. */
  as(role: Role): CourtApi {
    return new CourtApi(this.node, this.databaseUrl, role);
  }

  /** `fetch` of a path of this node, signed in. */
  async fetch(path: string, init?: RequestInit): Promise<Response> {
    return (await this.session()).fetch(path, init);
  }

  async call<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<ApiResponse<T>> {
    const response = await this.fetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as T };
  }

  /** POSTs and expects `status`; returns the body. Documents it lists are uploaded first. */
  async post<T = RequestResource>(path: string, body: object, status = 200): Promise<T> {
    const response = await this.call<T>('POST', path, await this.withDocuments(body));
    if (response.status !== status) {
      throw new Error(
        `POST ${path} answered ${response.status}, not ${status}: ${JSON.stringify(response.body)}`,
      );
    }
    return response.body;
  }

  async get<T = RequestResource>(path: string): Promise<T> {
    const response = await this.call<T>('GET', path);
    if (response.status !== 200) {
      throw new Error(`GET ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    }
    return response.body;
  }

  /** Waits until the resource at `path` is in `state`; returns it. */
  waitForState(path: string, state: RequestState, timeoutMs?: number): Promise<RequestResource> {
    let last: RequestState | undefined;
    return waitFor(
      `${path} to reach ${state} (last seen ${last ?? 'nothing'})`,
      async () => {
        const response = await this.call<RequestResource>('GET', path);
        last = response.status === 200 ? response.body.state : undefined;
        return last === state ? response.body : undefined;
      },
      timeoutMs,
    );
  }

  /** Uploads a small PDF as a document of this kind and name, once per court; its reference. */
  uploadDocument(kind: string, fileName: string): Promise<DocumentReference> {
    const key = `${kind}/${fileName}`;
    let reference = this.uploaded.get(key);
    if (!reference) {
      reference = this.fetch(
        `/api/documents?kind=${kind}&fileName=${encodeURIComponent(fileName)}`,
        { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: SAMPLE_PDF },
      ).then(async (response) => {
        if (response.status !== 201) throw new Error(`upload answered ${response.status}`);
        return (await response.json()) as DocumentReference;
      });
      reference.catch(() => this.uploaded.delete(key));
      this.uploaded.set(key, reference);
    }
    return reference;
  }

  /** The body with each document it lists uploaded, and its reference replaced. */
  async withDocuments<T extends object>(body: T): Promise<T> {
    const { documents } = body as { documents?: DocumentReference[] };
    if (!Array.isArray(documents) || documents.length === 0) return body;
    const uploaded = await Promise.all(
      documents.map((document) => this.uploadDocument(document.kind, document.fileName)),
    );
    return { ...body, documents: uploaded };
  }

  createDelegation(receivingCourt: string, overrides: object = {}): Promise<RequestResource> {
    return this.post(
      '/api/delegations',
      { ...EXAMPLE_BODIES['delegation.requested'], receivingCourt, ...overrides },
      202,
    );
  }

  createAssetSearch(receivingCourt: string, overrides: object = {}): Promise<RequestResource> {
    return this.post(
      '/api/asset-searches',
      { ...EXAMPLE_BODIES['asset-search.requested'], receivingCourt, ...overrides },
      202,
    );
  }
}

/**
 * Starts a court node per entry (court code → extra variables) in this process, all at once,
 * and returns each court's API once every node is ready.
 */
export async function startCourts<Court extends string>(
  network: TestNetwork,
  courts: Record<Court, Environment>,
): Promise<Record<Court, CourtApi>> {
  const started = await Promise.all(
    (Object.entries(courts) as [Court, Environment][]).map(async ([court, overrides]) => {
      const environment = network.courtNodeEnvironment(court, overrides);
      const node = await network.startCourtNode(environment);
      await waitUntilReady(node.url);
      return [court, new CourtApi(node, environment.DATABASE_URL)] as const;
    }),
  );
  return Object.fromEntries(started) as Record<Court, CourtApi>;
}

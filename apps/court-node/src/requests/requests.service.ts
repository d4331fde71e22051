import {
  AssetSearchRequestedBody,
  DelegationRequestedBody,
  DocumentReference,
  ExtensionDecidedBody,
  FINAL_STATES,
  MessageBody,
  MessageType,
  newMessageId,
  RequestKind,
  RequestState,
  Side,
} from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ActionNotAllowed, RequestNotFound } from '../common/domain-errors';
import { GroupCommit } from '../common/group-commit';
import { chinaDate } from '../deadlines/china-dates';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { CourtDirectoryService } from '../courts/court-directory.service';
import { DocumentStore } from '../documents/document-store.service';
import { ListRequestsQuery } from './list-requests.query';
import { RequestLifecycle } from './request-lifecycle.service';
import { RequestMessage } from './request-message.entity';
import { Request } from './request.entity';
import {
  RequestDetailView,
  RequestPageView,
  requestView,
  RequestView,
  StateCountView,
  timelineEntryView,
} from './request.views';

/** Which requests an HTTP resource covers: its side, and its kind unless it covers both. */
export interface RequestScope {
  side: Side;
  kind?: RequestKind;
}

const KIND_NAMES: Record<RequestKind, string> = {
  'asset-search': 'asset search',
  delegation: 'delegation',
};

/**
 * Requests as the HTTP API shows them: created, listed, read with their timeline, and acted
 * on one at a time. The lifecycle rules themselves live in RequestLifecycle.
 */
@Injectable()
export class RequestsService {
  /** New requests arriving together are stored in one transaction. */
  private readonly creations: GroupCommit;

  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: RequestLifecycle,
    private readonly directory: CourtDirectoryService,
    private readonly environment: CourtNodeEnvironment,
    private readonly documents: DocumentStore,
  ) {
    this.creations = new GroupCommit(dataSource);
  }

  createAssetSearch(receivingCourt: string, body: AssetSearchRequestedBody): Promise<RequestView> {
    this.directory.checkReceiver('receivingCourt', receivingCourt);
    return this.create(receivingCourt, body, (manager, request) =>
      this.lifecycle.startOutgoing(manager, request, 'asset-search.requested', body),
    );
  }

  createDelegation(receivingCourt: string, body: DelegationRequestedBody): Promise<RequestView> {
    this.directory.checkReceiver('receivingCourt', receivingCourt, body.matterType);
    return this.create(receivingCourt, body, (manager, request) =>
      this.lifecycle.startOutgoing(manager, request, 'delegation.requested', body),
    );
  }

  async list(scope: RequestScope, query: ListRequestsQuery): Promise<RequestPageView> {
    const builder = this.dataSource
      .getRepository(Request)
      .createQueryBuilder('request')
      .where('request.side = :side', { side: scope.side })
      .take(query.limit)
      .skip(query.offset);
    if (query.order === 'due') {
      // Late first, then the nearest limit; nothing due (finished) last.
      builder
        .orderBy('request.due_at', 'ASC', 'NULLS LAST')
        .addOrderBy('request.createdAt', 'DESC');
    } else {
      builder.orderBy('request.createdAt', 'DESC');
    }
    builder.addOrderBy('request.id', 'DESC');
    const kind = scope.kind ?? query.kind;
    if (kind) builder.andWhere('request.kind = :kind', { kind });
    if (query.state) builder.andWhere('request.state = :state', { state: query.state });
    if (query.matterType) {
      builder.andWhere('request.matter_type = :matterType', { matterType: query.matterType });
    }
    if (query.court) {
      const column = scope.side === 'requesting' ? 'receiving_court' : 'requesting_court';
      builder.andWhere(`request.${column} = :court`, { court: query.court });
    }
    if (query.assignee) builder.andWhere('request.assignee = :assignee', query);
    if (query.caseNumber) {
      builder.andWhere(
        '(request.case_number ILIKE :pattern OR request.receiving_case_number ILIKE :pattern)',
        { pattern: `%${query.caseNumber.replace(/[\\%_]/g, (c) => `\\${c}`)}%` },
      );
    }
    if (query.overdue !== undefined) this.filterOverdue(builder, query.overdue);
    const [requests, total] = await builder.getManyAndCount();
    return { items: requests.map(requestView), total };
  }

  /** How many requests of `scope` are in each state, and how many of those are late. */
  async countByState(scope: RequestScope): Promise<StateCountView[]> {
    const rows = await this.dataSource.query<StateCountView[]>(
      `SELECT state, count(*)::int AS count,
              count(*) FILTER (WHERE due_at < now() AND state NOT IN ('CLOSED', 'RETURNED', 'WITHDRAWN'))::int AS overdue
         FROM requests WHERE side = $1 AND ($2::text IS NULL OR kind = $2)
        GROUP BY state ORDER BY state`,
      [scope.side, scope.kind ?? null],
    );
    return rows;
  }

  async get(scope: RequestScope, id: string): Promise<RequestDetailView> {
    const request = await this.dataSource.getRepository(Request).findOneBy({ id });
    const found = this.inScope(scope, id, request);
    const timeline = await this.dataSource
      .getRepository(RequestMessage)
      .find({ where: { requestId: id }, order: { recordedAt: 'ASC', sentAt: 'ASC' } });
    return { ...requestView(found), timeline: timeline.map(timelineEntryView) };
  }

  /** Runs `action` on the locked request in one transaction; answers the request afterwards. */
  async act(
    scope: RequestScope,
    id: string,
    action: (request: Request, manager: EntityManager) => Promise<unknown>,
  ): Promise<RequestView> {
    return this.withLocked(scope, id, async (request, manager) => {
      await action(request, manager);
      return requestView(request);
    });
  }

  /** Runs `work` in a transaction on the request, locked; 404 when it is not in `scope`. */
  withLocked<T>(
    scope: RequestScope,
    id: string,
    work: (request: Request, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) =>
      work(this.inScope(scope, id, await this.lifecycle.lock(manager, id)), manager),
    );
  }

  /**
   * Sends `type` about the request from this court, if its state allows it (409 otherwise) and
   * the documents it lists are the ones uploaded (422 otherwise).
   */
  async send<T extends MessageType>(
    scope: RequestScope,
    id: string,
    type: T,
    body: MessageBody<T>,
  ): Promise<RequestView> {
    await this.checkDocuments(body);
    return this.act(scope, id, (request, manager) =>
      this.lifecycle.send(manager, request, type, body),
    );
  }

  /**
   * Grants or refuses the receiving court's latest extension request. A grant without a new due
   * date extends the current one by the days asked for.
   */
  decideExtension(id: string, decision: ExtensionDecidedBody): Promise<RequestView> {
    return this.act({ side: 'requesting', kind: 'delegation' }, id, async (request, manager) => {
      const body = { ...decision };
      if (body.granted && !body.newDueDate) {
        const asked = await manager.findOne(RequestMessage, {
          where: { requestId: id, type: 'extension.requested', direction: 'in' },
          order: { recordedAt: 'DESC' },
        });
        if (!asked || !request.dueAt) {
          throw new ActionNotAllowed(
            request.state,
            'no extension was requested for this delegation',
          );
        }
        const days = (asked.body as { additionalDays: number }).additionalDays;
        body.newDueDate = chinaDate(new Date(request.dueAt.getTime() + days * 86_400_000));
      }
      await this.lifecycle.send(manager, request, 'extension.decided', body);
    });
  }

  private async create(
    receivingCourt: string,
    body: AssetSearchRequestedBody | DelegationRequestedBody,
    start: (manager: EntityManager, request: Request) => Promise<Request>,
  ): Promise<RequestView> {
    await this.checkDocuments(body);
    const started = await this.creations.run((manager) =>
      start(
        manager,
        Request.fromRequestBody(
          newMessageId(),
          { side: 'requesting', requestingCourt: this.environment.COURT_ID, receivingCourt },
          body,
        ),
      ),
    );
    return requestView(started);
  }

  /** Outside any transaction: the store is asked over NATS. */
  private checkDocuments(body: object): Promise<void> {
    const { documents } = body as { documents?: DocumentReference[] };
    return this.documents.checkListed(documents ?? []);
  }

  private inScope(scope: RequestScope, id: string, request: Request | null): Request {
    if (!request || request.side !== scope.side || (scope.kind && request.kind !== scope.kind)) {
      const what = scope.kind
        ? KIND_NAMES[scope.kind]
        : scope.side === 'receiving'
          ? 'task'
          : 'request';
      throw new RequestNotFound(what, id);
    }
    return request;
  }

  private filterOverdue(builder: SelectQueryBuilder<Request>, overdue: boolean): void {
    const finalStates = [...FINAL_STATES] as RequestState[];
    const late = 'request.due_at < now() AND request.state NOT IN (:...finalStates)';
    builder.andWhere(overdue ? late : `(request.due_at IS NULL OR NOT (${late}))`, { finalStates });
  }
}

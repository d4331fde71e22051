import {
  AssetSearchRequestedBody,
  DecodedMessage,
  MessageBody,
  DelegationRequestedBody,
  RequestForwardedBody,
} from '@enforcement-link/protocol';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, ActorContext } from '../audit/actor-context';
import { ASSET_REGISTRY, AssetRegistry } from '../asset-registry/asset-registry';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { CourtDirectoryService } from '../courts/court-directory.service';
import { OutboxService } from '../messaging/outbox.service';
import { requestChanged } from '../requests/request-changed';
import { RequestLifecycle } from '../requests/request-lifecycle.service';
import { Request } from '../requests/request.entity';
import { RequestView } from '../requests/request.views';
import { RequestScope, RequestsService } from '../requests/requests.service';

export const TASKS: RequestScope = { side: 'receiving' };
/** Who answers a search from the local registry: no person, whoever asked. */
const REGISTRY_ANSWERS: Actor = { kind: 'system', process: 'asset-registry' };

/**
 * The receiving court's side: requests other courts sent here become tasks that handlers
 * accept, work on and answer. Asset searches whose every category the local registry covers
 * are answered at once, without a handler.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly lifecycle: RequestLifecycle,
    private readonly requests: RequestsService,
    private readonly outbox: OutboxService,
    private readonly directory: CourtDirectoryService,
    private readonly environment: CourtNodeEnvironment,
    @Inject(ASSET_REGISTRY) private readonly registry: AssetRegistry,
  ) {}

  /** Stores an incoming `asset-search.requested` or `delegation.requested` as a new task. */
  async receive(manager: EntityManager, message: DecodedMessage): Promise<void> {
    const { envelope } = message;
    const body = message.body as AssetSearchRequestedBody | DelegationRequestedBody;
    const task = Request.fromRequestBody(
      envelope.requestId,
      {
        side: 'receiving',
        requestingCourt: body.forwardedFor ?? envelope.from,
        receivingCourt: this.environment.COURT_ID,
      },
      body,
    );
    await this.lifecycle.startIncoming(manager, task, message, async () => {
      if (task.kind === 'asset-search') {
        await this.answerFromRegistry(manager, task, body as AssetSearchRequestedBody);
      }
    });
  }

  assign(id: string, assignee: string): Promise<RequestView> {
    return this.requests.act(TASKS, id, async (task, manager) => {
      task.assignee = assignee;
      await manager.update(Request, task.id, { assignee });
      requestChanged(manager, task);
    });
  }

  /**
   * Passes the task to another court, which answers the requesting court directly: the
   * requester is told who handles it now, and the new court gets the request as it came.
   */
  forward(id: string, forwarding: RequestForwardedBody): Promise<RequestView> {
    return this.requests.act(TASKS, id, async (task, manager) => {
      this.directory.checkReceiver(
        'handlingCourt',
        forwarding.handlingCourt,
        task.matterType ?? undefined,
      );
      await this.lifecycle.send(manager, task, 'request.forwarded', forwarding);
      const type = task.kind === 'delegation' ? 'delegation.requested' : 'asset-search.requested';
      // The stored details are the body the requesting court sent, validated on arrival.
      const body = { ...task.details, forwardedFor: task.requestingCourt } as MessageBody<
        typeof type
      >;
      const forwarded = await this.outbox.enqueue(manager, {
        type,
        to: forwarding.handlingCourt,
        requestId: task.id,
        body,
      });
      await this.lifecycle.addToTimeline(manager, forwarded, 'out', false);
    });
  }

  private async answerFromRegistry(
    manager: EntityManager,
    task: Request,
    search: AssetSearchRequestedBody,
  ): Promise<void> {
    const covered = new Set(this.environment.ASSET_REGISTRY_CATEGORIES);
    if (!search.categories.every((category) => covered.has(category))) return;
    await ActorContext.run(REGISTRY_ANSWERS, async () => {
      const results = await this.registry.search(search.party, search.categories);
      await this.lifecycle.send(manager, task, 'asset-search.answered', { results, documents: [] });
    });
  }
}

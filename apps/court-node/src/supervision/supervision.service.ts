import { DecodedMessage, RejectionReason, RequestEscalatedBody } from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { CourtDirectoryService } from '../courts/court-directory.service';
import { ProtocolViolation } from '../messaging/inbound-errors';
import { RequestLifecycle } from '../requests/request-lifecycle.service';
import { SupervisedEscalation } from './supervised-escalation.entity';

/**
 * `request.escalated` reaches two courts: the receiving court, whose request it flags, and the
 * superior court named as supervising, which is no party to the request and keeps the
 * escalation on its supervision list, if the late court is indeed one under it.
 */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: RequestLifecycle,
    private readonly directory: CourtDirectoryService,
    private readonly environment: CourtNodeEnvironment,
  ) {}

  async receive(manager: EntityManager, message: DecodedMessage): Promise<void> {
    const body = message.body as RequestEscalatedBody;
    if (body.supervisingCourt !== this.environment.COURT_ID) {
      await this.lifecycle.receive(manager, message);
      return;
    }
    const lateCourt = body.receivingCourt;
    if (!lateCourt) {
      throw new ProtocolViolation(
        RejectionReason.InvalidBody,
        'an escalation sent to the supervising court must name the receiving court',
        [{ field: 'receivingCourt', rule: 'required when sent to the supervising court' }],
      );
    }
    if (this.directory.superiorOf(lateCourt) !== this.environment.COURT_ID) {
      throw new ProtocolViolation(
        RejectionReason.NotAParty,
        `${lateCourt} is not a court under ${this.environment.COURT_ID}`,
      );
    }
    await manager.insert(SupervisedEscalation, {
      messageId: message.envelope.id,
      requestId: message.envelope.requestId,
      requestingCourt: message.envelope.from,
      receivingCourt: lateCourt,
      caseNumber: body.caseNumber ?? null,
      overdueSince: new Date(body.overdueSince),
      reason: body.reason,
    });
  }

  list(): Promise<SupervisedEscalation[]> {
    return this.dataSource
      .getRepository(SupervisedEscalation)
      .find({ order: { receivedAt: 'DESC' }, take: 500 });
  }
}

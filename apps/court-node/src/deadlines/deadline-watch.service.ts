import { EscalatedLimit, newMessageId, RequestState } from '@enforcement-link/protocol';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, ActorContext } from '../audit/actor-context';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { CourtDirectoryService } from '../courts/court-directory.service';
import { OutboxService } from '../messaging/outbox.service';
import { RequestLifecycle } from '../requests/request-lifecycle.service';
import { Request } from '../requests/request.entity';
import { Clock } from './clock';
import { DeadlinesService } from './deadlines.service';
import { ExpiryAlertsService } from './expiry-alerts.service';

const BATCH_SIZE = 100;
/** States in which the receiving court is on the clock, so the requesting court reminds it. */
const RECEIVER_ON_THE_CLOCK = [
  RequestState.Sent,
  RequestState.Delivered,
  RequestState.Accepted,
  RequestState.InProgress,
];
const REMINDER_PERCENTS = [80, 50] as const;
const { Accepted, InProgress, AwaitingSupplement } = RequestState;
const DEADLINE_WATCH: Actor = { kind: 'system', process: 'deadline-watch' };

/**
 * Watches every open time limit: the requesting court reminds the receiving court at 50% and
 * 80% of the time allowed, and when the limit passes the request is flagged overdue and the
 * receiving court is told the matter is escalated to its superior court. A delegation still
 * unfinished at the progress-report limit gets a request for a progress report. A supplement not
 * provided in time makes the request withdrawn. Freezes and seals about to lapse are raised. Every replica runs
 * the watch; each request is locked with SKIP LOCKED and its progress stored, so each reminder
 * and escalation happens once, by one replica.
 */
@Injectable()
export class DeadlineWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadlineWatch.name);
  private timer?: NodeJS.Timeout;
  private checking?: Promise<unknown>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: RequestLifecycle,
    private readonly directory: CourtDirectoryService,
    private readonly clock: Clock,
    private readonly expiryAlerts: ExpiryAlertsService,
    private readonly deadlines: DeadlinesService,
    private readonly environment: CourtNodeEnvironment,
    private readonly outbox: OutboxService,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.checking ??= this.checkDue()
        .catch((error: unknown) => this.logger.error(`deadline check failed: ${String(error)}`))
        .finally(() => (this.checking = undefined));
    }, this.environment.DEADLINE_CHECK_INTERVAL_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.checking;
  }

  /** Handles every reminder, passed limit and expiry alert due now; returns how many. */
  checkDue(): Promise<number> {
    return ActorContext.run(DEADLINE_WATCH, () => this.handleDue());
  }

  private async handleDue(): Promise<number> {
    const now = this.clock.now();
    let touched =
      (await this.expiryAlerts.raiseDue(now)) +
      (await this.escalateLongCases(now)) +
      (await this.requestProgressReports(now));
    for (let more = true; more;) {
      const handled = await this.dataSource.transaction(async (manager) => {
        const due = await this.lockDue(manager, now);
        for (const request of due) await this.apply(manager, request, now);
        return due.length;
      });
      touched += handled;
      more = handled === BATCH_SIZE;
    }
    return touched;
  }

  /**
   * Escalates, once, every request this court sent that is still open after the whole-case
   * limit (six months by default), whatever step it is at.
   */
  private escalateLongCases(now: Date): Promise<number> {
    const cutoff = this.deadlines.wholeCaseCutoff(now);
    return this.dataSource.transaction(async (manager) => {
      const late = await this.lockBatch(
        manager,
        `request.side = 'requesting' AND request.case_escalated_at IS NULL
          AND request.state IN (:...open) AND request.created_at < :cutoff`,
        { open: [...RECEIVER_ON_THE_CLOCK, AwaitingSupplement], cutoff },
      );
      for (const request of late) {
        request.caseEscalatedAt = now;
        await this.escalate(manager, request, now, {
          limit: 'whole-case',
          overdueSince: cutoff,
          reason: `the request is still open after the whole-case limit, sent ${request.createdAt.toISOString()}`,
        });
      }
      return late.length;
    });
  }

  /**
   * Asks, once, for a progress report on every delegation this court sent that is unfinished
   * when the progress-report limit after its acceptance (30 days by default) has passed.
   */
  private requestProgressReports(now: Date): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const unfinished = await this.lockBatch(
        manager,
        `request.side = 'requesting' AND request.progress_requested_at IS NULL
          AND request.progress_report_due_at <= :now AND request.state IN (:...unfinished)`,
        { now, unfinished: [Accepted, InProgress, AwaitingSupplement] },
      );
      for (const request of unfinished) {
        request.progressRequestedAt = now;
        await this.lifecycle.send(manager, request, 'progress.requested', {
          dueAt: (request.progressReportDueAt as Date).toISOString(),
        });
      }
      return unfinished.length;
    });
  }

  private lockDue(manager: EntityManager, now: Date): Promise<Request[]> {
    return this.lockBatch(
      manager,
      `request.due_at IS NOT NULL AND request.overdue_since IS NULL
        AND (request.due_at < :now OR (request.side = 'requesting' AND request.state IN (:...clocked)
          AND request.reminded_percent < 80 AND :now >= request.limit_started_at
            + (request.due_at - request.limit_started_at)
              * CASE WHEN request.reminded_percent < 50 THEN 0.5 ELSE 0.8 END))`,
      { now, clocked: RECEIVER_ON_THE_CLOCK },
    );
  }

  /** Up to a batch of requests matching `condition`, locked; those another replica holds are skipped. */
  private lockBatch(
    manager: EntityManager,
    condition: string,
    parameters: Record<string, unknown>,
  ): Promise<Request[]> {
    return manager
      .getRepository(Request)
      .createQueryBuilder('request')
      .where(condition, parameters)
      .orderBy('request.due_at', 'ASC')
      .take(BATCH_SIZE)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  private async apply(manager: EntityManager, request: Request, now: Date): Promise<void> {
    const dueAt = request.dueAt as Date;
    const remindsReceiver =
      request.side === 'requesting' && RECEIVER_ON_THE_CLOCK.includes(request.state);
    if (now > dueAt && request.side === 'requesting' && request.state === AwaitingSupplement) {
      await this.lifecycle.send(manager, request, 'request.withdrawn', {
        reason: `the requested supplement was not provided by ${dueAt.toISOString()}: deemed withdrawn`,
      });
      return;
    }
    if (now > dueAt) {
      request.overdueSince = dueAt;
      request.remindedPercent = 80;
      if (remindsReceiver) {
        await this.escalate(manager, request, now, {
          limit: 'step',
          overdueSince: dueAt,
          reason: `the time limit for a request in state ${request.state} passed on ${dueAt.toISOString()}`,
        });
      } else {
        await this.lifecycle.persist(manager, request);
      }
      return;
    }
    const started = (request.limitStartedAt ?? request.stateSince).getTime();
    const elapsed = (now.getTime() - started) / (dueAt.getTime() - started);
    const percent = REMINDER_PERCENTS.find((threshold) => elapsed >= threshold / 100);
    if (!remindsReceiver || !percent || percent <= request.remindedPercent) return;
    request.remindedPercent = percent;
    await this.lifecycle.send(manager, request, 'request.reminded', {
      elapsedPercent: percent,
      dueAt: dueAt.toISOString(),
    });
  }

  /**
   * Publishes the escalation for the monitor; tells the receiving court the request is
   * escalated to its superior court, and that court too unless the policy says otherwise; and
   * stores what the caller changed on the request. Without a superior court on record only the
   * monitor hears of it.
   */
  private async escalate(
    manager: EntityManager,
    request: Request,
    now: Date,
    escalation: { limit: EscalatedLimit; overdueSince: Date; reason: string },
  ): Promise<void> {
    const supervisingCourt = this.directory.superiorOf(request.receivingCourt);
    const overdueSince = escalation.overdueSince.toISOString();
    request.escalatedAt ??= now;
    await this.outbox.enqueueEvent(manager, 'request.escalated', {
      id: newMessageId(),
      court: this.environment.COURT_ID,
      occurredAt: now.toISOString(),
      requestId: request.id,
      requestingCourt: request.requestingCourt,
      receivingCourt: request.receivingCourt,
      ...(supervisingCourt ? { supervisingCourt } : {}),
      caseNumber: request.caseNumber,
      limit: escalation.limit,
      overdueSince,
      reason: escalation.reason,
    });
    if (!supervisingCourt) {
      await this.lifecycle.persist(manager, request);
      return;
    }
    const body = {
      supervisingCourt,
      receivingCourt: request.receivingCourt,
      caseNumber: request.caseNumber,
      overdueSince,
      reason: escalation.reason,
    };
    await this.lifecycle.send(manager, request, 'request.escalated', body);
    if (this.deadlines.notifiesSuperiorCourt) {
      await this.lifecycle.send(manager, request, 'request.escalated', body, supervisingCourt);
    }
  }
}

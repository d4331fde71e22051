import {
  DecodedMessage,
  FundsReceiptConfirmedBody,
  FundsTransferredBody,
  parseCaseNumber,
  RejectionReason,
} from '@enforcement-link/protocol';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { ActionNotAllowed, RequestNotFound, RequestRefused } from '../common/domain-errors';
import { CourtNodeEnvironment } from '../config/court-node.environment';
import { ProtocolViolation } from '../messaging/inbound-errors';
import { OutboxService } from '../messaging/outbox.service';
import { requestChanged } from '../requests/request-changed';
import { RequestLifecycle } from '../requests/request-lifecycle.service';
import { Request } from '../requests/request.entity';
import { RequestScope, RequestsService } from '../requests/requests.service';
import {
  ConfirmReceiptDto,
  ListTransfersQuery,
  MatchTransferDto,
  RecordPayoutDto,
  RecordRecoveryDto,
  SendTransferDto,
} from './funds.dto';
import { FundPayout } from './fund-payout.entity';
import { FundRecovery } from './fund-recovery.entity';
import { FundTransfer } from './fund-transfer.entity';
import { CourtPayoutFigures, payoutFigures } from './payout-figures';
import { Reconciliation, reconcile } from './reconciliation';

const DELEGATION_TASKS: RequestScope = { side: 'receiving', kind: 'delegation' };

/**
 * One case, one account. The receiving court records what it recovered on a delegation and
 * transfers it to the requesting court's case account (`funds.transferred`); the requesting
 * court matches each transfer to a case by its case number, confirms receipt
 * (`funds.receipt-confirmed`) and pays the winning party out of the account. A transfer for a
 * case this court does not have is kept, flagged for a person, never dropped.
 */
@Injectable()
export class FundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestsService,
    private readonly lifecycle: RequestLifecycle,
    private readonly outbox: OutboxService,
    private readonly environment: CourtNodeEnvironment,
  ) {}

  recordRecovery(taskId: string, recovery: RecordRecoveryDto): Promise<FundRecovery> {
    return this.requests.withLocked(DELEGATION_TASKS, taskId, async (task, manager) => {
      await this.refuseUsedReference(manager, FundRecovery, {
        bankReference: recovery.bankReference,
      });
      const recorded = manager.create(FundRecovery, {
        requestId: task.id,
        amountFen: recovery.amount.fen,
        payer: recovery.payer,
        receivedOn: recovery.receivedOn,
        bankReference: recovery.bankReference,
      });
      requestChanged(manager, task, true);
      return manager.save(recorded);
    });
  }

  /** Sends money recovered on a delegation, and not yet sent, to the requesting court. */
  sendTransfer(taskId: string, transfer: SendTransferDto): Promise<FundTransfer> {
    return this.requests.withLocked(DELEGATION_TASKS, taskId, async (task, manager) => {
      await this.refuseUsedReference(manager, FundTransfer, {
        fromCourt: this.environment.COURT_ID,
        bankReference: transfer.bankReference,
      });
      const [{ available }] = await manager.query<{ available: string }[]>(
        `SELECT (SELECT coalesce(sum(amount_fen), 0) FROM fund_recoveries WHERE request_id = $1)
              - (SELECT coalesce(sum(amount_fen), 0) FROM fund_transfers
                  WHERE request_id = $1 AND direction = 'out') AS available`,
        [task.id],
      );
      if (transfer.amount.fen > Number(available)) {
        throw new RequestRefused([
          {
            field: 'amount.fen',
            rule: `at most ${available} fen: recovered on this delegation and not yet transferred`,
          },
        ]);
      }
      const body: FundsTransferredBody = { ...transfer, caseNumber: task.caseNumber };
      const envelope = await this.lifecycle.send(manager, task, 'funds.transferred', body);
      return manager.save(
        manager.create(FundTransfer, {
          ...transferFields(body),
          messageId: envelope.id,
          direction: 'out',
          requestId: task.id,
          fromCourt: this.environment.COURT_ID,
          toCourt: envelope.to,
          accountCaseNumber: canonical(task.caseNumber),
          status: 'IN_TRANSIT',
        }),
      );
    });
  }

  /** A transfer to one of this court's case accounts arrived; see the class comment. */
  async receiveTransfer(manager: EntityManager, message: DecodedMessage): Promise<void> {
    const { envelope } = message;
    const body = message.body as FundsTransferredBody;
    const used = await manager.findOneBy(FundTransfer, {
      fromCourt: envelope.from,
      bankReference: body.bankReference,
    });
    if (used) {
      throw new ProtocolViolation(
        RejectionReason.InvalidBody,
        `${envelope.from} transferred under bank reference ${body.bankReference} before, in message ${used.messageId}`,
        [{ field: 'bankReference', rule: 'a bank reference not used for an earlier transfer' }],
      );
    }
    const request = await this.lifecycle.lock(manager, envelope.requestId);
    // Only a delegation of this court with the sender takes the message on its timeline; the
    // money is recorded whatever it names.
    if (
      request?.side === 'requesting' &&
      request.kind === 'delegation' &&
      request.counterpart === envelope.from
    ) {
      await this.lifecycle.receive(manager, message);
    }
    const caseNumber = canonical(body.caseNumber);
    const known = await this.isOwnCase(manager, caseNumber);
    await manager.insert(FundTransfer, {
      ...transferFields(body),
      messageId: envelope.id,
      direction: 'in',
      requestId: envelope.requestId,
      fromCourt: envelope.from,
      toCourt: envelope.to,
      accountCaseNumber: known ? caseNumber : null,
      status: known ? 'IN_TRANSIT' : 'UNMATCHED',
      unmatchedReason: known
        ? null
        : `${this.environment.COURT_ID} sent no request under case number ${caseNumber}`,
    });
  }

  /** A person decides which of this court's cases an unmatched transfer belongs to. */
  matchTransfer(transferId: string, { caseNumber }: MatchTransferDto): Promise<FundTransfer> {
    return this.withIncomingTransfer(transferId, async (transfer, manager) => {
      if (transfer.status !== 'UNMATCHED') {
        throw new ActionNotAllowed(transfer.status, 'the transfer already belongs to a case');
      }
      const account = canonical(caseNumber);
      if (!(await this.isOwnCase(manager, account))) {
        throw new RequestRefused([
          { field: 'caseNumber', rule: 'the case number of a request this court sent' },
        ]);
      }
      transfer.accountCaseNumber = account;
      transfer.status = 'IN_TRANSIT';
      return manager.save(transfer);
    });
  }

  /** The money arrived in the case account: tells the court that sent it. */
  confirmReceipt(transferId: string, receipt: ConfirmReceiptDto): Promise<FundTransfer> {
    return this.withIncomingTransfer(transferId, async (transfer, manager) => {
      if (transfer.status !== 'IN_TRANSIT') {
        throw new ActionNotAllowed(
          transfer.status,
          transfer.status === 'UNMATCHED'
            ? 'match the transfer to a case of this court first'
            : 'receipt of this transfer was confirmed before',
        );
      }
      const body: FundsReceiptConfirmedBody = { ...receipt, bankReference: transfer.bankReference };
      const request = await this.lifecycle.lock(manager, transfer.requestId);
      if (request?.side === 'requesting') {
        await this.lifecycle.send(manager, request, 'funds.receipt-confirmed', body);
      } else {
        // A transfer matched by hand may name a request this court never had.
        await this.outbox.enqueue(manager, {
          type: 'funds.receipt-confirmed',
          to: transfer.fromCourt,
          requestId: transfer.requestId,
          body,
        });
      }
      Object.assign(transfer, {
        status: 'CONFIRMED',
        confirmedFen: receipt.amount.fen,
        receivedOn: receipt.receivedOn,
        confirmedAt: new Date(),
      });
      return manager.save(transfer);
    });
  }

  /** The requesting court confirmed receipt of money this court transferred. */
  async receiveConfirmation(manager: EntityManager, message: DecodedMessage): Promise<void> {
    const request: Request = await this.lifecycle.receive(manager, message);
    const body = message.body as FundsReceiptConfirmedBody;
    const transfer = await manager.findOne(FundTransfer, {
      where: { requestId: request.id, direction: 'out', bankReference: body.bankReference },
      lock: { mode: 'pessimistic_write' },
    });
    if (!transfer) {
      throw new ProtocolViolation(
        RejectionReason.UnknownTransfer,
        `${this.environment.COURT_ID} transferred nothing under bank reference ${body.bankReference} on request ${request.id}`,
      );
    }
    if (transfer.status === 'CONFIRMED') return;
    await manager.update(FundTransfer, transfer.id, {
      status: 'CONFIRMED',
      confirmedFen: body.amount.fen,
      receivedOn: body.receivedOn,
      confirmedAt: new Date(),
    });
  }

  /** Pays the winning party out of a case account, never more than it holds. */
  recordPayout(payout: RecordPayoutDto): Promise<FundPayout> {
    const caseNumber = canonical(payout.caseNumber);
    return this.dataSource.transaction(async (manager) => {
      // Two payouts from one account at once must not both see the same balance.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [caseNumber]);
      if (!(await this.isOwnCase(manager, caseNumber))) {
        throw new RequestRefused([
          { field: 'caseNumber', rule: 'the case number of a request this court sent' },
        ]);
      }
      await this.refuseUsedReference(manager, FundPayout, {
        bankReference: payout.bankReference,
      });
      const [{ balance }] = await manager.query<{ balance: string }[]>(
        `SELECT (SELECT coalesce(sum(confirmed_fen), 0) FROM fund_transfers
                  WHERE account_case_number = $1 AND direction = 'in' AND status = 'CONFIRMED')
              - (SELECT coalesce(sum(amount_fen), 0) FROM fund_payouts WHERE case_number = $1)
                AS balance`,
        [caseNumber],
      );
      if (payout.amount.fen > Number(balance)) {
        throw new RequestRefused([
          {
            field: 'amount.fen',
            rule: `at most ${balance} fen: confirmed in the case account and not yet paid out`,
          },
        ]);
      }
      // The payout settles money of the requests whose transfers arrived in this account.
      const settled = await manager
        .createQueryBuilder(Request, 'request')
        .where(
          `request.id IN (SELECT request_id FROM fund_transfers
                           WHERE account_case_number = :caseNumber AND direction = 'in')`,
          { caseNumber },
        )
        .andWhere("request.side = 'requesting'")
        .getMany();
      for (const request of settled) requestChanged(manager, request, true);
      return manager.save(
        manager.create(FundPayout, {
          caseNumber,
          amountFen: payout.amount.fen,
          payee: payout.payee,
          paidOn: payout.paidOn,
          bankReference: payout.bankReference,
        }),
      );
    });
  }

  listTransfers(query: ListTransfersQuery): Promise<FundTransfer[]> {
    return this.dataSource.getRepository(FundTransfer).find({
      where: { direction: query.direction, status: query.status },
      order: { recordedAt: 'DESC' },
    });
  }

  listPayouts(): Promise<FundPayout[]> {
    return this.dataSource.getRepository(FundPayout).find({ order: { paidOn: 'DESC' } });
  }

  async reconciliation(): Promise<Reconciliation> {
    return reconcile(await this.dataSource.getRepository(FundTransfer).find());
  }

  async figures(): Promise<CourtPayoutFigures[]> {
    const [arrived, payouts] = await Promise.all([
      this.dataSource.getRepository(FundTransfer).findBy({ direction: 'in', status: 'CONFIRMED' }),
      this.dataSource.getRepository(FundPayout).find(),
    ]);
    return payoutFigures(arrived, payouts);
  }

  private withIncomingTransfer<T>(
    id: string,
    work: (transfer: FundTransfer, manager: EntityManager) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const transfer = await manager.findOne(FundTransfer, {
        where: { id, direction: 'in' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!transfer) throw new RequestNotFound('transfer received', id);
      return work(transfer, manager);
    });
  }

  private async isOwnCase(manager: EntityManager, caseNumber: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM requests
        WHERE side = 'requesting' AND translate(case_number, '（）', '()') = $1 LIMIT 1`,
      [caseNumber],
    );
    return rows.length > 0;
  }

  private async refuseUsedReference<T extends FundRecovery | FundTransfer | FundPayout>(
    manager: EntityManager,
    entity: new () => T,
    where: FindOptionsWhere<T>,
  ): Promise<void> {
    if (await manager.existsBy(entity, where)) {
      throw new RequestRefused([
        { field: 'bankReference', rule: 'a bank reference this court has not recorded before' },
      ]);
    }
  }
}

function transferFields(body: FundsTransferredBody) {
  return {
    caseNumber: canonical(body.caseNumber),
    amountFen: body.amount.fen,
    payer: body.payer,
    transferredOn: body.transferredOn,
    bankReference: body.bankReference,
  };
}

/** Case numbers compare with half-width parentheses: the protocol allows either. */
function canonical(caseNumber: string): string {
  return parseCaseNumber(caseNumber)?.canonical ?? caseNumber;
}

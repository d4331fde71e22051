import { MessageType } from './catalogue';

const ruling = {
  documentId: '0192f1d2-7a3b-7c4d-8e5f-60718293a4b5',
  kind: 'enforcement-ruling',
  fileName: '(2024)晋09执123号执行裁定书.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 482_113,
  sha256: '9f2c1e7a5b3d4f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8',
};
const assistanceNotice = {
  ...ruling,
  documentId: '0192f1d2-7a3b-7c4d-8e5f-60718293a4b6',
  kind: 'assistance-notice',
  fileName: '协助执行通知书.pdf',
};
const debtor = { kind: 'natural-person', name: '张三', identityNumber: '140902198506153311' };
const deposit = {
  category: 'bank-deposit',
  institution: '中国工商银行榆林分行',
  reference: '6222021208001234567',
  value: { fen: 12_345_600, currency: 'CNY' },
};

/**
 * A valid body of every message type, from one delegation between Xinzhou and Yulin. Tests,
 * the generated schemas and PROTOCOL.md's worked example use them.
 */
export const EXAMPLE_BODIES: Record<MessageType, object> = {
  'asset-search.requested': {
    caseNumber: '(2024)晋09执123号',
    party: debtor,
    categories: ['bank-deposit', 'real-estate', 'vehicle'],
    documents: [ruling, assistanceNotice],
  },
  'asset-search.answered': {
    results: [
      { category: 'bank-deposit', outcome: 'found', assets: [deposit] },
      { category: 'real-estate', outcome: 'nothing-found' },
      { category: 'vehicle', outcome: 'not-searched', reason: '车管所系统维护，暂停查询' },
    ],
    documents: [],
  },
  'delegation.requested': {
    caseNumber: '(2024)晋09执123号',
    matterType: 'freeze-deposit',
    party: debtor,
    assets: [deposit],
    amount: { fen: 10_000_000, currency: 'CNY' },
    instructions: '请冻结被执行人在该账户内的存款，以十万元为限，期限一年。',
    documents: [ruling, assistanceNotice],
    contact: { name: '李法官', phone: '0350-3021234' },
  },
  'delegation.result-reported': {
    outcome: 'completed',
    measures: [
      {
        matterType: 'freeze-deposit',
        asset: deposit,
        amountFrozen: { fen: 10_000_000, currency: 'CNY' },
        expiresOn: '2025-03-14',
        registrationReceipt: 'ICBC-YL-2024-0315-0087',
      },
    ],
    summary: '已于2024年3月15日冻结存款十万元，冻结期限至2025年3月14日。',
    documents: [
      {
        ...ruling,
        documentId: '0192f1d2-7a3b-7c4d-8e5f-60718293a4b7',
        kind: 'receipt',
        fileName: '回执.pdf',
      },
    ],
  },
  'request.accepted': {
    receivingCaseNumber: '(2024)陕08执他45号',
    handler: { name: '王书记员', phone: '0912-3456789' },
  },
  'request.returned': {
    reason: 'MATERIALS_INCOMPLETE',
    explanation: '缺少生效法律文书副本。',
  },
  'request.withdrawn': { reason: '被执行人已自动履行。' },
  'request.forwarded': { handlingCourt: 'yulin-yuyang', reason: '财产所在地属榆阳区法院辖区。' },
  'request.reminded': { elapsedPercent: 80, dueAt: '2024-03-29T23:59:59+08:00' },
  'request.escalated': {
    supervisingCourt: 'shaanxi-high',
    overdueSince: '2024-03-30T00:00:00+08:00',
    reason: '超过十五日办理期限未反馈。',
  },
  'supplement.requested': { missing: ['生效法律文书副本'], dueOn: '2024-04-15' },
  'supplement.provided': { explanation: '补充生效判决书。', documents: [ruling] },
  'progress.requested': { dueAt: '2024-04-12T23:59:59+08:00' },
  'progress.reported': { summary: '已向银行送达协助执行通知书，等待回执。', documents: [] },
  'extension.requested': { additionalDays: 15, reason: '银行系统升级，回执延迟。' },
  'extension.decided': { granted: true, newDueDate: '2024-04-13', reason: '同意延长十五日。' },
  'result.confirmed': { note: '已收到冻结回执。' },
  'result.disputed': { reason: '冻结金额与协助执行通知书不符。' },
  'funds.transferred': {
    caseNumber: '(2024)晋09执123号',
    amount: { fen: 10_000_000, currency: 'CNY' },
    payer: '中国工商银行榆林分行',
    transferredOn: '2024-05-06',
    bankReference: 'ZF20240506-000123',
  },
  'funds.receipt-confirmed': {
    bankReference: 'ZF20240506-000123',
    amount: { fen: 10_000_000, currency: 'CNY' },
    receivedOn: '2024-05-07',
  },
  'status.queried': {},
  'status.reported': {
    state: 'IN_PROGRESS',
    stateSince: '2024-03-15T10:02:00+08:00',
    dueAt: '2024-03-29T23:59:59+08:00',
  },
  'message.delivered': {
    deliveredMessageId: '0192f1d2-7a3b-7c4d-8e5f-60718293a4c0',
    storedAt: '2024-03-14T09:30:01.120+08:00',
  },
  'message.rejected': {
    reason: 'INVALID_BODY',
    rejectedMessageId: '0192f1d2-7a3b-7c4d-8e5f-60718293a4c1',
    detail: 'the delegation.requested body is invalid',
    fieldErrors: [{ field: 'body.party.identityNumber', rule: 'a resident identity number' }],
  },
};

import { Language } from './language';

/** The protocol's states, matters and return reasons as people at courts call them. */
const STATES: Record<string, [string, string]> = {
  SENT: ['已发送', 'Sent'],
  DELIVERED: ['已签收', 'Delivered'],
  ACCEPTED: ['已受理', 'Accepted'],
  IN_PROGRESS: ['办理中', 'In progress'],
  AWAITING_SUPPLEMENT: ['待补充材料', 'Awaiting supplement'],
  RESULT_REPORTED: ['已反馈结果', 'Result reported'],
  CLOSED: ['已办结', 'Closed'],
  RETURNED: ['已退回', 'Returned'],
  WITHDRAWN: ['已撤回', 'Withdrawn'],
};

const MATTERS: Record<string, [string, string]> = {
  'asset-search': ['财产查询', 'Asset search'],
  'freeze-deposit': ['冻结存款', 'Freeze deposit'],
  'renew-deposit-freeze': ['续冻存款', 'Renew deposit freeze'],
  'release-deposit-freeze': ['解冻存款', 'Release deposit freeze'],
  'deduct-deposit': ['扣划存款', 'Deduct deposit'],
  'seal-real-estate': ['查封不动产', 'Seal real estate'],
  'renew-real-estate-seal': ['续封不动产', 'Renew real-estate seal'],
  'release-real-estate-seal': ['解封不动产', 'Release real-estate seal'],
  'transfer-real-estate-title': ['不动产过户', 'Transfer real-estate title'],
  'seal-vehicle': ['查封车辆', 'Seal vehicle'],
  'renew-vehicle-seal': ['续封车辆', 'Renew vehicle seal'],
  'release-vehicle-seal': ['解封车辆', 'Release vehicle seal'],
  'transfer-vehicle-title': ['车辆过户', 'Transfer vehicle title'],
  'freeze-equity': ['冻结股权', 'Freeze equity'],
  'investigate-assets': ['调查财产', 'Investigate assets'],
  'serve-documents': ['送达文书', 'Serve documents'],
  'locate-person-or-property': ['找人查物', 'Locate person or property'],
  'detain-debtor': ['拘留被执行人', 'Detain debtor'],
  'clear-premises': ['腾房', 'Clear premises'],
};

const RETURN_REASONS: Record<string, [string, string]> = {
  MATERIALS_INCOMPLETE: ['材料不全', 'Materials incomplete'],
  NOT_IN_JURISDICTION: ['不属本院辖区', 'Not in jurisdiction'],
  PARTY_IDENTITY_INVALID: ['当事人身份信息有误', 'Party identity invalid'],
  DUPLICATE: ['重复委托', 'Duplicate'],
  OTHER: ['其他', 'Other'],
};

const DOCUMENT_KINDS: Record<string, [string, string]> = {
  judgment: ['生效法律文书', 'Judgment'],
  'enforcement-ruling': ['执行裁定书', 'Enforcement ruling'],
  'assistance-notice': ['协助执行通知书', 'Assistance notice'],
  'delegation-letter': ['委托执行函', 'Delegation letter'],
  'officer-credentials': ['执行公务证件', 'Officer credentials'],
  receipt: ['回执', 'Receipt'],
  other: ['其他', 'Other'],
};

const ASSET_CATEGORIES: Record<string, [string, string]> = {
  'bank-deposit': ['银行存款', 'Bank deposits'],
  'wealth-management': ['理财产品', 'Wealth management'],
  'real-estate': ['不动产', 'Real estate'],
  vehicle: ['车辆', 'Vehicles'],
  securities: ['证券', 'Securities'],
  equity: ['股权', 'Equity'],
  insurance: ['保险', 'Insurance'],
  'online-payment': ['网络资金', 'Online payment accounts'],
  'housing-provident-fund': ['住房公积金', 'Housing provident fund'],
  ship: ['船舶', 'Ships'],
  other: ['其他', 'Other'],
};

const MESSAGES: Record<string, [string, string]> = {
  'asset-search.requested': ['发出财产查询', 'Asset search sent'],
  'asset-search.answered': ['反馈查询结果', 'Search answered'],
  'delegation.requested': ['发出事项委托', 'Delegation sent'],
  'delegation.result-reported': ['反馈办理结果', 'Result reported'],
  'request.accepted': ['签收受理', 'Accepted'],
  'request.returned': ['退回', 'Returned'],
  'request.withdrawn': ['撤回', 'Withdrawn'],
  'request.forwarded': ['转交', 'Forwarded'],
  'request.reminded': ['催办', 'Reminder'],
  'request.escalated': ['督办', 'Escalated'],
  'supplement.requested': ['要求补充材料', 'Supplement requested'],
  'supplement.provided': ['补充材料', 'Supplement provided'],
  'progress.requested': ['要求报告进展', 'Progress requested'],
  'progress.reported': ['报告进展', 'Progress reported'],
  'extension.requested': ['申请延期', 'Extension requested'],
  'extension.decided': ['延期决定', 'Extension decided'],
  'result.confirmed': ['确认结果', 'Result confirmed'],
  'result.disputed': ['对结果提出异议', 'Result disputed'],
  'status.queried': ['查询状态', 'Status queried'],
  'status.reported': ['答复状态', 'Status reported'],
  'funds.transferred': ['划转执行款', 'Funds transferred'],
  'funds.receipt-confirmed': ['确认收款', 'Receipt confirmed'],
  'message.rejected': ['报文被拒', 'Message rejected'],
};

/** Every matter a request can be about, in the order forms list them. */
export const MATTER_CODES = Object.keys(MATTERS);
export const RETURN_REASON_CODES = Object.keys(RETURN_REASONS);
export const DOCUMENT_KIND_CODES = Object.keys(DOCUMENT_KINDS);
export const ASSET_CATEGORY_CODES = Object.keys(ASSET_CATEGORIES);

function pick(table: Record<string, [string, string]>, key: string, language: Language): string {
  const names = table[key];
  return names ? names[language === 'zh' ? 0 : 1] : key;
}

export const stateName = (state: string, language: Language) => pick(STATES, state, language);
export const matterName = (matter: string, language: Language) => pick(MATTERS, matter, language);
export const returnReasonName = (reason: string, language: Language) =>
  pick(RETURN_REASONS, reason, language);
export const documentKindName = (kind: string, language: Language) =>
  pick(DOCUMENT_KINDS, kind, language);
export const assetCategoryName = (category: string, language: Language) =>
  pick(ASSET_CATEGORIES, category, language);
export const messageName = (type: string, language: Language) => pick(MESSAGES, type, language);

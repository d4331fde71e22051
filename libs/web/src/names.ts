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

/** Every matter a request can be about, in the order forms list them. */
export const MATTER_CODES = Object.keys(MATTERS);
export const RETURN_REASON_CODES = Object.keys(RETURN_REASONS);

function pick(table: Record<string, [string, string]>, key: string, language: Language): string {
  const names = table[key];
  return names ? names[language === 'zh' ? 0 : 1] : key;
}

export const stateName = (state: string, language: Language) => pick(STATES, state, language);
export const matterName = (matter: string, language: Language) => pick(MATTERS, matter, language);
export const returnReasonName = (reason: string, language: Language) =>
  pick(RETURN_REASONS, reason, language);

/** Chinese by default, English on request; the choice is remembered in the browser. */
export type Language = 'zh' | 'en';

const STORAGE_KEY = 'enforcement-link.language';

export function initialLanguage(): Language {
  return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

const WORDS = {
  title: { zh: '跨区域执行协作监控', en: 'Cross-region enforcement monitor' },
  subtitle: { zh: '黄河"几"字湾执行联动', en: 'Yellow River bend enforcement linkage' },
  overview: { zh: '总览', en: 'Overview' },
  live: { zh: '实时', en: 'Live' },
  offline: { zh: '连接中断', en: 'Disconnected' },
  updatedAt: { zh: '更新于', en: 'Updated' },
  openRequests: { zh: '在办事项', en: 'Open requests' },
  overdue: { zh: '超期', en: 'Overdue' },
  escalated: { zh: '已督办', en: 'Escalated' },
  onTimeShare: { zh: '按期办结率', en: 'Concluded on time' },
  returnRate: { zh: '退回率', en: 'Return rate' },
  silentNodes: { zh: '失联节点', en: 'Silent court nodes' },
  court: { zh: '法院', en: 'Court' },
  province: { zh: '省区', en: 'Province' },
  node: { zh: '节点', en: 'Node' },
  nodeUp: { zh: '在线', en: 'up' },
  nodeSilent: { zh: '失联', en: 'silent' },
  backlogOverTime: { zh: '在办事项趋势（近30天）', en: 'Backlog, last 30 days' },
  ageing: { zh: '在办事项账龄', en: 'Ageing of open requests' },
  onTimeByCourt: { zh: '各法院按期办结率', en: 'Concluded on time, by court' },
  overdueList: { zh: '超期事项', en: 'Overdue requests' },
  requestingCourt: { zh: '委托法院', en: 'Requesting court' },
  receivingCourt: { zh: '受托法院', en: 'Receiving court' },
  matter: { zh: '事项', en: 'Matter' },
  state: { zh: '状态', en: 'State' },
  dueAt: { zh: '办理期限', en: 'Due' },
  daysOverdue: { zh: '超期天数', en: 'Days overdue' },
  all: { zh: '全部', en: 'All' },
  none: { zh: '暂无', en: 'None' },
  backlogByState: { zh: '在办事项（按状态）', en: 'Open requests by state' },
  figures: { zh: '办理质效', en: 'Performance' },
  requests: { zh: '事项数', en: 'Requests' },
  concluded: { zh: '已办结', en: 'Concluded' },
  signInHours: { zh: '签收用时（小时，中位/95%）', en: 'Hours to sign-in (median / p95)' },
  acceptanceHours: { zh: '受理用时（小时，中位/95%）', en: 'Hours to acceptance (median / p95)' },
  resultHours: { zh: '反馈结果用时（小时，中位/95%）', en: 'Hours to result (median / p95)' },
  funds: { zh: '执行款（元）', en: 'Funds (yuan)' },
  recovered: { zh: '已执行到位', en: 'Recovered' },
  transferred: { zh: '已划转', en: 'Transferred' },
  confirmed: { zh: '已确认到账', en: 'Confirmed' },
  inTransit: { zh: '在途', en: 'In transit' },
  paidOut: { zh: '已发放', en: 'Paid out' },
  daysToPayout: {
    zh: '到账至发放天数（中位/95%）',
    en: 'Days from arrival to payout (median / p95)',
  },
  transport: { zh: '节点运行', en: 'Court node' },
  lastSeen: { zh: '最近心跳', en: 'Last seen' },
  consumerPending: { zh: '待处理消息', en: 'Messages waiting' },
  outboxPending: { zh: '待发送消息', en: 'Messages unsent' },
  deadLetters: { zh: '死信', en: 'Dead letters' },
  timeline: { zh: '流转记录', en: 'Timeline' },
  request: { zh: '事项', en: 'Request' },
  back: { zh: '返回总览', en: 'Back to the overview' },
  days: { zh: '天', en: 'days' },
  loading: { zh: '加载中…', en: 'Loading…' },
  notFound: { zh: '未找到', en: 'Not found' },
  language: { zh: 'English', en: '中文' },
} as const;

export type Word = keyof typeof WORDS;

export function word(language: Language, key: Word): string {
  return WORDS[key][language];
}

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

/** Every matter a request can be about, in the order forms list them. */
export const MATTER_CODES = Object.keys(MATTERS);

const EVENTS: Record<string, [string, string]> = {
  'request.updated': ['状态更新', 'Updated'],
  'request.escalated': ['督办', 'Escalated'],
};

function pick(table: Record<string, [string, string]>, key: string, language: Language): string {
  const names = table[key];
  return names ? names[language === 'zh' ? 0 : 1] : key;
}

export const stateName = (state: string, language: Language) => pick(STATES, state, language);
export const matterName = (matter: string, language: Language) => pick(MATTERS, matter, language);
export const eventName = (type: string, language: Language) => pick(EVENTS, type, language);

/** Dates and times as the courts read them: China Standard Time. */
export function formatTime(value: string | null | undefined, language: Language): string {
  if (!value) return '—';
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'Asia/Shanghai',
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(value));
}

export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** Amounts travel as integer fen and are shown in yuan. */
export function formatYuan(fen: number, language: Language): string {
  return new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(fen / 100);
}

/** The ageing buckets of the monitor's API, youngest first, and how they are named. */
export const AGE_BUCKETS = [
  'days0to3',
  'days4to7',
  'days8to15',
  'days16to30',
  'over30Days',
] as const;
const AGE_LABELS = {
  zh: ['0–3天', '4–7天', '8–15天', '16–30天', '30天以上'],
  en: ['0–3 days', '4–7 days', '8–15 days', '16–30 days', 'over 30 days'],
};

export const ageLabels = (language: Language) => AGE_LABELS[language];

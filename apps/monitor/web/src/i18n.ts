import { Language } from '@enforcement-link/web/language';

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
} as const;

export type Word = keyof typeof WORDS;

export function word(language: Language, key: Word): string {
  return WORDS[key][language];
}

const EVENTS: Record<string, [string, string]> = {
  'request.updated': ['状态更新', 'Updated'],
  'request.escalated': ['督办', 'Escalated'],
};

export const eventName = (type: string, language: Language) =>
  EVENTS[type]?.[language === 'zh' ? 0 : 1] ?? type;

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

export * from '@enforcement-link/web/language';
export * from '@enforcement-link/web/names';

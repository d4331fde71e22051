import {
  Asset,
  AssetCategory,
  DelegationRequestedBody,
  MATTER_TYPES,
  MatterType,
  MeasureResult,
  Money,
  Party,
  residentIdentityCheckCharacter,
} from '@enforcement-link/protocol';
import { cityOf, DemoCourt } from '../demo-courts';
import { DEMO_REGISTRY_CATEGORIES, demoDebtorsOf } from '../registry/demo-debtors';
import { RequestPlan } from './request-plan';

/** Categories no registry of the demo answers: a handler searches them by hand. */
const HAND_SEARCHED: AssetCategory[] = ['wealth-management', 'insurance', 'housing-provident-fund'];

const AREA_CODES: Record<string, string> = {
  xinzhou: '0350',
  lvliang: '0358',
  yulin: '0912',
  yanan: '0911',
  qingyang: '0934',
  wuzhong: '0953',
  ordos: '0477',
  baotou: '0472',
  bayannur: '0478',
  wuhai: '0473',
};
const JUDGES = ['李', '王', '张', '刘', '陈', '杨', '赵', '周', '郝', '贺'];
const STRANGERS = ['孙建国', '马秀英', '高志强', '郭海燕', '白宏伟'];

/** The asset a matter concerns, by the first word of its type. */
const MATTER_ASSETS: Partial<Record<MatterType, AssetCategory>> = {
  'freeze-deposit': 'bank-deposit',
  'renew-deposit-freeze': 'bank-deposit',
  'release-deposit-freeze': 'bank-deposit',
  'deduct-deposit': 'bank-deposit',
  'seal-real-estate': 'real-estate',
  'renew-real-estate-seal': 'real-estate',
  'release-real-estate-seal': 'real-estate',
  'transfer-real-estate-title': 'real-estate',
  'seal-vehicle': 'vehicle',
  'renew-vehicle-seal': 'vehicle',
  'release-vehicle-seal': 'vehicle',
  'transfer-vehicle-title': 'vehicle',
  'freeze-equity': 'equity',
};

const INSTRUCTIONS: Record<MatterType, string> = {
  'freeze-deposit': '请冻结被执行人在该账户内的存款，以申请执行标的为限，冻结期限一年。',
  'renew-deposit-freeze': '原冻结即将到期，请续行冻结该账户存款一年。',
  'release-deposit-freeze': '案件已执行完毕，请解除对该账户的冻结。',
  'deduct-deposit': '请扣划被执行人在该账户内的存款，划至本院执行款专户。',
  'seal-real-estate': '请查封被执行人名下该处不动产，查封期限三年。',
  'renew-real-estate-seal': '原查封即将到期，请续行查封该处不动产三年。',
  'release-real-estate-seal': '双方已达成和解，请解除对该处不动产的查封。',
  'transfer-real-estate-title': '该不动产已拍卖成交，请协助办理过户登记，并划付拍卖价款。',
  'seal-vehicle': '请查封被执行人名下该车辆，并协助扣押。',
  'renew-vehicle-seal': '原查封即将到期，请续行查封该车辆两年。',
  'release-vehicle-seal': '被执行人已履行完毕，请解除对该车辆的查封。',
  'transfer-vehicle-title': '该车辆已变卖，请协助办理转移登记，并划付变卖价款。',
  'freeze-equity': '请冻结被执行人持有的该公司股权，冻结期限三年。',
  'investigate-assets': '请调查被执行人在贵院辖区内的财产及经营情况，并反馈调查笔录。',
  'serve-documents': '请向被执行人送达执行通知书、报告财产令，并回寄送达回证。',
  'locate-person-or-property': '被执行人下落不明，请协助查找其在贵院辖区内的住所及车辆。',
  'detain-debtor': '被执行人拒不履行，本院已决定司法拘留十五日，请协助执行。',
  'clear-premises': '请协助清退被执行人占用的房屋，并制作清点笔录。',
};

/** Numbers in [0, 1): `Math.random` in the demo, a fixed sequence in tests. */
export type Random = () => number;

function pick<T>(random: Random, choices: readonly T[]): T {
  return choices[Math.floor(random() * choices.length)];
}

/** A whole number from `low` up to, not including, `high`. */
function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low));
}

/** The first part of a request body: its case, its party and the assets it concerns. */
export interface DemoCase {
  caseNumber: string;
  party: Party;
  /** The receiving court's records of that party. */
  knownAssets: Asset[];
}

/**
 * A case of the requesting court about a debtor with assets in the receiving court's city:
 * mostly one its registry knows, sometimes a stranger it has nothing on.
 */
export function demoCase(from: DemoCourt, to: DemoCourt, random: Random = Math.random): DemoCase {
  const serial = between(random, 1, 4000);
  const caseNumber = `(${new Date().getFullYear()})${from.caseNumberCode}执${serial}号`;
  if (between(random, 0, 10) < 2) {
    const first17 = `${from.divisionCode}02198${between(random, 0, 10)}0${between(random, 1, 10)}1${between(random, 1, 10)}${between(random, 100, 1000)}`;
    const party: Party = {
      kind: 'natural-person',
      name: pick(random, STRANGERS),
      identityNumber: first17 + residentIdentityCheckCharacter(first17),
    };
    return { caseNumber, party, knownAssets: [] };
  }
  const debtor = pick(random, demoDebtorsOf(to));
  const knownAssets = debtor.assets.map(
    ({ category, institution, reference, description, valueFen }) => ({
      category,
      institution,
      reference,
      ...(description ? { description } : {}),
      ...(valueFen ? { value: yuan(Number(valueFen) / 100) } : {}),
    }),
  );
  return { caseNumber, party: debtor.party, knownAssets };
}

/** An asset search body, without documents: usually for the registry, now and then by hand. */
export function assetSearchBody(demo: DemoCase, random: Random = Math.random): object {
  const categories = DEMO_REGISTRY_CATEGORIES.filter(() => random() < 0.6);
  if (categories.length === 0) categories.push('bank-deposit');
  if (between(random, 0, 10) < 3) categories.push(pick(random, HAND_SEARCHED));
  return { caseNumber: demo.caseNumber, party: demo.party, categories };
}

/** A delegation body, without documents, for one of every matter type in turn. */
export function delegationBody(
  demo: DemoCase,
  from: DemoCourt,
  to: DemoCourt,
  random: Random = Math.random,
): Omit<DelegationRequestedBody, 'documents'> {
  const matterType = pick(random, MATTER_TYPES);
  const asset = assetFor(matterType, demo.knownAssets, to);
  const amount = ['freeze-deposit', 'deduct-deposit', 'renew-deposit-freeze'].includes(matterType)
    ? yuan(pick(random, [30_000, 58_000, 120_000, 260_000, 800_000]))
    : undefined;
  return {
    caseNumber: demo.caseNumber,
    matterType,
    party: demo.party,
    assets: asset ? [asset] : [],
    ...(amount ? { amount } : {}),
    instructions: INSTRUCTIONS[matterType],
    contact: {
      name: `${pick(random, JUDGES)}法官`,
      phone: `${AREA_CODES[from.code] ?? '0351'}-${between(random, 2_100_000, 8_900_000)}`,
    },
  };
}

/** What the receiving court's handler reports for a delegation, measure by measure. */
export function resultBody(
  delegation: { matterType: MatterType; assets?: Asset[]; amount?: Money },
  plan: RequestPlan,
  today: Date,
): object {
  const { matterType } = delegation;
  const asset = delegation.assets?.[0];
  if (plan.outcome === 'not-possible') {
    return {
      outcome: 'not-possible',
      measures: [
        {
          matterType,
          ...(asset ? { asset } : {}),
          note: '经核查，该财产已被他案在先查封，无法办理。',
        },
      ],
      summary: '因财产已被在先查封，本次协助事项无法办理。',
    };
  }
  const measure: MeasureResult = { matterType, ...(asset ? { asset } : {}) };
  const receipt = `DJ${calendarDate(today).replace(/-/g, '')}-${String(today.getTime()).slice(-5)}`;
  const lapses = (years: number) =>
    calendarDate(
      plan.expiresSoon ? addDays(today, 5 + (today.getSeconds() % 20)) : addYears(today, years),
    );
  if (matterType.startsWith('freeze') || matterType === 'renew-deposit-freeze') {
    Object.assign(measure, {
      amountFrozen: delegation.amount ?? asset?.value ?? yuan(50_000),
      expiresOn: lapses(matterType === 'freeze-equity' ? 3 : 1),
      registrationReceipt: receipt,
    });
  } else if (matterType === 'deduct-deposit') {
    Object.assign(measure, {
      amountDeducted: moneyRecovered(delegation),
      registrationReceipt: receipt,
    });
  } else if (/^(seal|renew)-/.test(matterType)) {
    Object.assign(measure, {
      expiresOn: lapses(matterType.includes('vehicle') ? 2 : 3),
      registrationReceipt: receipt,
    });
  } else if (MATTER_ASSETS[matterType]) {
    Object.assign(measure, { registrationReceipt: receipt });
  } else {
    measure.note = PERSON_MATTER_NOTES[matterType] ?? '已办理完毕。';
  }
  return {
    outcome: plan.outcome,
    measures: [measure],
    summary:
      plan.outcome === 'completed'
        ? '协助事项已办理完毕，相关回执随附。'
        : '协助事项部分办理，余下部分因财产不足未能完成。',
  };
}

/** The money a delegation brings in: the amount asked for, or the asset's value. */
export function moneyRecovered(delegation: { assets?: Asset[]; amount?: Money }): Money {
  return delegation.amount ?? delegation.assets?.[0]?.value ?? yuan(86_000);
}

const PERSON_MATTER_NOTES: Partial<Record<MatterType, string>> = {
  'investigate-assets': '已调查被执行人辖区内财产情况，调查笔录随附。',
  'serve-documents': '已直接送达被执行人本人，送达回证随附。',
  'locate-person-or-property': '已查明被执行人现住址，并告知其到案。',
  'detain-debtor': '已将被执行人送交看守所执行拘留。',
  'clear-premises': '已清退房屋并制作清点笔录。',
};

const INSTITUTIONS: Partial<Record<AssetCategory, string>> = {
  'bank-deposit': '农村商业银行',
  'real-estate': '不动产登记中心',
  vehicle: '公安局交通警察支队车辆管理所',
  equity: '市场监督管理局',
};

function assetFor(matterType: MatterType, known: Asset[], to: DemoCourt): Asset | undefined {
  const category = MATTER_ASSETS[matterType];
  if (!category) return undefined;
  return (
    known.find((asset) => asset.category === category) ?? {
      category,
      institution: `${cityOf(to)}${INSTITUTIONS[category]}`,
      reference: `待核实-${Date.now().toString(36).toUpperCase()}`,
      description: '申请执行人提供的财产线索',
    }
  );
}

function yuan(amount: number): Money {
  return { fen: Math.round(amount * 100), currency: 'CNY' };
}

export function calendarDate(day: Date): string {
  return day.toISOString().slice(0, 10);
}

function addDays(day: Date, days: number): Date {
  return new Date(day.getTime() + days * 86_400_000);
}

function addYears(day: Date, years: number): Date {
  const later = new Date(day);
  later.setFullYear(day.getFullYear() + years);
  return later;
}

import { AssetCategory, Party, residentIdentityCheckCharacter } from '@enforcement-link/protocol';
import { unifiedSocialCreditCheckCharacter } from '@enforcement-link/protocol';
import { RegistryAsset } from '../../../court-node/src/asset-registry/registry-asset.entity';
import { cityOf, DemoCourt } from '../demo-courts';

/** The categories each court's registry answers alone; searches for others wait for a handler. */
export const DEMO_REGISTRY_CATEGORIES: AssetCategory[] = [
  'bank-deposit',
  'real-estate',
  'vehicle',
  'securities',
  'equity',
];

/** A debtor whose assets a court's local registry holds, with those assets. */
export interface DemoDebtor {
  party: Party;
  assets: Omit<RegistryAsset, 'id' | 'partyIdentifier'>[];
}

const PEOPLE = ['张伟', '王芳', '李娜', '刘强', '陈静', '杨磊', '赵敏', '黄军', '周洋', '吴霞'];
const COMPANY_TRADES = ['煤业', '能源', '建材', '商贸', '农牧'];
const BANKS = ['中国工商银行', '中国农业银行', '中国建设银行', '中国银行'];

/** The first letters of the cities' number plates: 陕K is Yulin. */
const PLATE_PREFIXES: Record<string, string> = {
  xinzhou: '晋H',
  lvliang: '晋J',
  yulin: '陕K',
  yanan: '陕J',
  qingyang: '甘M',
  wuzhong: '宁C',
  ordos: '蒙K',
  baotou: '蒙B',
  bayannur: '蒙L',
  wuhai: '蒙C',
};

/** Characters a unified social credit code's organisation part may use. */
const CODE_LETTERS = 'ABCDEFGHJKLMNPQRTUWXY';

/**
 * The debtors a court's registry knows, the same on every start: six people and three companies
 * registered in the court's city, each holding deposits, flats, cars, shares or equity there.
 * Their numbers carry valid check characters, as a clerk's typing would be checked.
 */
export function demoDebtorsOf(court: DemoCourt): DemoDebtor[] {
  const index = Number(court.divisionCode);
  const people = PEOPLE.slice(0, 6).map((name, n) => {
    const born = `19${70 + ((index + n * 7) % 28)}${pad(1 + ((index + n) % 12))}${pad(1 + ((index * 3 + n) % 28))}`;
    const first17 = `${court.divisionCode}02${born}${pad(11 + n * 13, 3)}`;
    const party: Party = {
      kind: 'natural-person',
      name,
      identityNumber: first17 + residentIdentityCheckCharacter(first17),
    };
    return { party, assets: assetsOf(court, n, 'person') };
  });
  const companies = COMPANY_TRADES.slice(0, 3).map((trade, n) => {
    const letters = CODE_LETTERS[(index + n) % CODE_LETTERS.length];
    const first17 = `91${court.divisionCode}00MA0${letters}${pad(1000 + index + n * 111, 4)}X`;
    const party: Party = {
      kind: 'organisation',
      name: `${cityOf(court).replace(/市$/, '')}${['宏达', '兴盛', '泰和'][n]}${trade}有限公司`,
      creditCode: first17 + unifiedSocialCreditCheckCharacter(first17),
    };
    return { party, assets: assetsOf(court, PEOPLE.length + n, 'company') };
  });
  return [...people, ...companies];
}

/** The registry rows of a court's demo debtors. */
export function demoRegistryRecordsOf(court: DemoCourt): Omit<RegistryAsset, 'id'>[] {
  return demoDebtorsOf(court).flatMap(({ party, assets }) =>
    assets.map((asset) => ({
      partyIdentifier: (party.identityNumber ?? party.creditCode) as string,
      ...asset,
    })),
  );
}

function assetsOf(court: DemoCourt, n: number, holder: 'person' | 'company'): DemoDebtor['assets'] {
  const city = cityOf(court);
  const seed = Number(court.divisionCode) + n * 37;
  const bank = `${BANKS[seed % BANKS.length]}${city.replace(/市$/, '')}分行`;
  const deposit = {
    category: 'bank-deposit' as const,
    institution: bank,
    reference: `62${pad(seed * 7919, 8)}${pad(n * 4211 + 1007, 9)}`.slice(0, 19),
    description: '活期存款',
    valueFen: String((holder === 'company' ? 2_000_000 : 50_000) * (1 + (seed % 9)) * 100),
  };
  const assets: DemoDebtor['assets'] = [deposit];
  if (n % 3 !== 2) {
    assets.push({
      category: 'real-estate',
      institution: `${city}不动产登记中心`,
      reference: `${plateOf(court).slice(0, 1)}(20${18 + (seed % 7)})${city}不动产权第${pad(seed * 13, 7)}号`,
      description:
        holder === 'company'
          ? `工业用地及厂房，${1200 + (seed % 800)}平方米`
          : `住宅一套，${70 + (seed % 60)}.5平方米`,
      valueFen: String((holder === 'company' ? 9_000_000 : 450_000 + (seed % 40) * 10_000) * 100),
    });
  }
  if (holder === 'person' && n % 2 === 0) {
    assets.push({
      category: 'vehicle',
      institution: `${city}公安局交通警察支队车辆管理所`,
      reference: `${plateOf(court)}·${CODE_LETTERS[seed % CODE_LETTERS.length]}${pad(seed % 100000, 5)}`,
      description: ['小型轿车', '小型越野客车', '重型半挂牵引车'][seed % 3],
      valueFen: null,
    });
  }
  if (holder === 'person' && n % 3 === 1) {
    assets.push({
      category: 'securities',
      institution: '中国证券登记结算有限责任公司',
      reference: `A${pad(seed * 104_729, 9)}`,
      description: '沪市A股证券账户',
      valueFen: String((80_000 + (seed % 50) * 1_000) * 100),
    });
  }
  if (holder === 'company') {
    assets.push({
      category: 'equity',
      institution: `${city}市场监督管理局`,
      reference: `持有${city.replace(/市$/, '')}某矿业有限公司${10 + (seed % 40)}%股权`,
      description: null,
      valueFen: String((5_000_000 + (seed % 30) * 100_000) * 100),
    });
  }
  return assets;
}

function pad(value: number, width = 2): string {
  return String(value % 10 ** width).padStart(width, '0');
}

function plateOf(court: DemoCourt): string {
  return PLATE_PREFIXES[court.code] ?? '晋A';
}

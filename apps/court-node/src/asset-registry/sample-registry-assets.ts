import { RegistryAsset } from './registry-asset.entity';

/**
 * Sample records for demonstrations and tests: the debtor of the protocol's worked example
 * (张三, 140902198506153311) holds a deposit, a flat and a car; a Xinzhou company holds equity.
 */
export const SAMPLE_REGISTRY_ASSETS: Omit<RegistryAsset, 'id'>[] = [
  {
    partyIdentifier: '140902198506153311',
    category: 'bank-deposit',
    institution: '中国工商银行榆林分行',
    reference: '6222021208001234567',
    description: '活期存款',
    valueFen: '12345600',
  },
  {
    partyIdentifier: '140902198506153311',
    category: 'real-estate',
    institution: '榆林市不动产登记中心',
    reference: '陕(2021)榆林市不动产权第0012345号',
    description: '榆阳区住宅一套，89.5平方米',
    valueFen: '68000000',
  },
  {
    partyIdentifier: '140902198506153311',
    category: 'vehicle',
    institution: '榆林市公安局交通警察支队车辆管理所',
    reference: '陕K·A1234',
    description: '小型轿车',
    valueFen: null,
  },
  {
    partyIdentifier: '91140900MA0K1234XJ',
    category: 'equity',
    institution: '榆林市市场监督管理局',
    reference: '榆林某能源有限公司 30% 股权',
    description: null,
    valueFen: '150000000',
  },
];

import {
  EXAMPLE_BODIES,
  fieldErrorsOf,
  isResidentIdentityNumber,
  isUnifiedSocialCreditCode,
  MATTER_TYPES,
  MESSAGE_CATALOGUE,
  MessageType,
} from '@enforcement-link/protocol';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { DEMO_COURTS } from '../demo-courts';
import { demoDebtorsOf, demoRegistryRecordsOf } from '../registry/demo-debtors';
import { assetSearchBody, delegationBody, demoCase, resultBody } from './demo-cases';
import { planOf } from './request-plan';

const { documents } = EXAMPLE_BODIES['delegation.requested'] as { documents: unknown[] };

/** The rules a body breaks, as the receiving court would name them. */
function problemsOf(type: MessageType, body: object): string[] {
  const instance = plainToInstance(MESSAGE_CATALOGUE[type] as new () => object, body);
  return fieldErrorsOf(validateSync(instance, { whitelist: true, forbidNonWhitelisted: true })).map(
    (error) => `${error.field}: ${error.rule}`,
  );
}

/** A fixed sequence of numbers in [0, 1), so every run draws the same cases. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('the demo courts and their registries', () => {
  it('are the ten intermediate courts, each with debtors whose numbers check out', () => {
    expect(DEMO_COURTS.map((court) => court.code)).toHaveLength(10);
    for (const court of DEMO_COURTS) {
      for (const { party } of demoDebtorsOf(court)) {
        if (party.kind === 'natural-person') {
          expect(isResidentIdentityNumber(party.identityNumber)).toBe(true);
        } else {
          expect(isUnifiedSocialCreditCode(party.creditCode)).toBe(true);
        }
      }
    }
  });

  it('give every registry record a reference of its own', () => {
    for (const court of DEMO_COURTS) {
      const records = demoRegistryRecordsOf(court);
      const keys = records.map(
        (record) => `${record.category} ${record.institution} ${record.reference}`,
      );
      expect(new Set(keys).size).toBe(records.length);
    }
  });
});

describe('the requests the demo clerks send', () => {
  it('are valid protocol bodies between every pair of courts', () => {
    const random = sequence(7);
    for (const from of DEMO_COURTS) {
      for (const to of DEMO_COURTS.filter((court) => court !== from)) {
        const demo = demoCase(from, to, random);
        expect(
          problemsOf('asset-search.requested', { ...assetSearchBody(demo, random), documents }),
        ).toEqual([]);
        expect(
          problemsOf('delegation.requested', {
            ...delegationBody(demo, from, to, random),
            documents,
          }),
        ).toEqual([]);
      }
    }
  });

  it('cover every matter type, and debtors the receiving registry does not know', () => {
    const random = sequence(11);
    const [xinzhou, yulin] = DEMO_COURTS;
    const matterTypes = new Set<string>();
    let strangers = 0;
    for (let i = 0; i < 400; i++) {
      const demo = demoCase(xinzhou, yulin, random);
      if (demo.knownAssets.length === 0) strangers++;
      matterTypes.add(delegationBody(demo, xinzhou, yulin, random).matterType);
    }
    expect([...matterTypes].sort()).toEqual([...MATTER_TYPES].sort());
    expect(strangers).toBeGreaterThan(0);
  });
});

describe('the results the demo handlers report', () => {
  it('are valid for every matter type and outcome', () => {
    const random = sequence(3);
    const [xinzhou, yulin] = DEMO_COURTS;
    for (let i = 0; i < 600; i++) {
      const delegation = delegationBody(demoCase(xinzhou, yulin, random), xinzhou, yulin, random);
      const body = resultBody(
        delegation,
        planOf(`request-${i}`, delegation.matterType),
        new Date(),
      );
      expect(problemsOf('delegation.result-reported', { ...body, documents: [] })).toEqual([]);
    }
  });
});

describe('planOf', () => {
  const plans = Array.from({ length: 2000 }, (_, i) => planOf(`request-${i}`, 'deduct-deposit'));

  it('draws the same plan for the same request, so work resumes the same after a restart', () => {
    expect(planOf('request-7', 'deduct-deposit')).toEqual(plans[7]);
  });

  it('returns, withdraws, asks for supplements, disputes and falls late, each now and then', () => {
    const share = (test: (plan: (typeof plans)[number]) => boolean) =>
      plans.filter(test).length / plans.length;
    expect(share((plan) => plan.returned !== undefined)).toBeCloseTo(0.08, 1);
    expect(share((plan) => plan.withdrawnAfter !== undefined)).toBeGreaterThan(0.01);
    expect(share((plan) => plan.supplement !== undefined)).toBeCloseTo(0.12, 1);
    expect(share((plan) => plan.disputesFirstResult)).toBeCloseTo(0.08, 1);
    expect(share((plan) => plan.signInAfter > 180)).toBeGreaterThan(0.08);
    expect(share((plan) => plan.finishAfter > 480)).toBeGreaterThan(0.08);
    expect(share((plan) => plan.recoversMoney)).toBeGreaterThan(0.8);
  });

  it('lets a clerk withdraw a request before its handler signs it in', () => {
    for (const plan of plans.filter((each) => each.withdrawnAfter !== undefined)) {
      expect(plan.signInAfter).toBeGreaterThan(plan.withdrawnAfter ?? Infinity);
    }
  });
});

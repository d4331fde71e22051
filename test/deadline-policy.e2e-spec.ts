import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CourtApi, startCourts } from './support/court-api';
import { TestNetwork } from './support/test-network';

describe('a court node’s deadline policy', () => {
  let network: TestNetwork;
  let folder: string;

  beforeEach(() => {
    network = TestNetwork.create();
    folder = mkdtempSync(join(tmpdir(), 'deadline-policy-'));
  });

  afterEach(async () => {
    await network.cleanup();
    rmSync(folder, { recursive: true, force: true });
  });

  function policyFile(content: string): string {
    const path = join(folder, 'policy.json');
    writeFileSync(path, content);
    return path;
  }

  it('computes due dates with the limits and holidays of its policy file', async () => {
    const DEADLINE_POLICY_FILE = policyFile(
      JSON.stringify({ signIn: { amount: 3, unit: 'working-days' } }),
    );
    const { xinzhou }: { xinzhou: CourtApi } = await startCourts(network, {
      xinzhou: { DEADLINE_POLICY_FILE },
    });
    const created = await xinzhou.createAssetSearch('yulin');
    const due = new Date(created.dueAt ?? '');
    // At least three days later, at most five with a weekend in between; at 24:00 China time.
    const days = (due.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2);
    expect(days).toBeLessThan(6);
    expect(due.toISOString()).toMatch(/T15:59:59\.999Z$/);
  });

  it('refuses an invalid policy file with the configuration, naming the field', () => {
    const DEADLINE_POLICY_FILE = policyFile(
      JSON.stringify({ finish: { amount: 0, unit: 'days' } }),
    );
    expect(() => network.courtNodeEnvironment('xinzhou', { DEADLINE_POLICY_FILE })).toThrow(
      /DEADLINE_POLICY_FILE is invalid .*finish\.amount: a whole number from 1 to 3650/,
    );
  });
});

import { createUser } from 'nkeys.js';
import { NetworkRegistry } from './network-registry';

const key = () => createUser().getPublicKey();

describe('NetworkRegistry', () => {
  const valid = () => ({
    namespace: 'enf',
    admin: { natsPublicKeys: [key()] },
    monitor: { natsPublicKeys: [key()] },
    courts: [{ code: 'xinzhou', province: 'shanxi', natsPublicKeys: [key(), key()] }],
  });

  it('accepts a network and hands out its identities', () => {
    const json = valid();
    expect(NetworkRegistry.from(json).identities).toEqual({
      namespace: 'enf',
      admin: json.admin.natsPublicKeys,
      monitor: json.monitor.natsPublicKeys,
      courts: [{ code: 'xinzhou', natsPublicKeys: json.courts[0].natsPublicKeys }],
    });
  });

  it.each([
    [
      'a seed instead of a public key',
      (json: ReturnType<typeof valid>) => {
        json.admin.natsPublicKeys = [new TextDecoder().decode(createUser().getSeed())];
      },
      /admin.natsPublicKeys: a NATS user public nkey/,
    ],
    [
      'an identity without a key',
      (json: ReturnType<typeof valid>) => {
        json.monitor.natsPublicKeys = [];
      },
      /monitor.natsPublicKeys: at least one key/,
    ],
    [
      'a court named like a service',
      (json: ReturnType<typeof valid>) => {
        json.courts.push({ code: 'monitor', province: 'shanxi', natsPublicKeys: [key()] });
      },
      /monitor is the name of a service identity/,
    ],
    [
      'a court listed twice',
      (json: ReturnType<typeof valid>) => {
        json.courts.push({ ...json.courts[0], natsPublicKeys: [key()] });
      },
      /xinzhou is listed twice/,
    ],
    [
      'one key held by two',
      (json: ReturnType<typeof valid>) => {
        json.monitor.natsPublicKeys = [json.courts[0].natsPublicKeys[0]];
      },
      /is held by monitor and xinzhou/,
    ],
    [
      'a field it does not know',
      (json: ReturnType<typeof valid>) => {
        Object.assign(json, { seeds: [] });
      },
      /seeds: not a field/,
    ],
  ])('refuses %s', (_what, spoil, problem) => {
    const json = valid();
    spoil(json);
    expect(() => NetworkRegistry.from(json)).toThrow(problem);
  });
});

import { renderAuthorizationConfig } from './authorization-config';
import { courtPermissions, monitorPermissions } from './network-permissions';

describe('renderAuthorizationConfig', () => {
  const config = renderAuthorizationConfig({
    namespace: 'enf',
    admin: ['UADMIN'],
    monitor: ['UMONITOR'],
    courts: [
      { code: 'xinzhou', natsPublicKeys: ['UXINZHOU'] },
      { code: 'yulin', natsPublicKeys: ['UYULIN1', 'UYULIN2'] },
    ],
  });
  const users = (JSON.parse(config.slice(config.indexOf('{'))) as { users: unknown[] }).users;

  it('gives every key a user with its holder’s permissions', () => {
    expect(users).toEqual([
      { nkey: 'UADMIN', permissions: { publish: { allow: ['>'] }, subscribe: { allow: ['>'] } } },
      { nkey: 'UMONITOR', permissions: monitorPermissions('enf') },
      { nkey: 'UXINZHOU', permissions: courtPermissions('enf', 'xinzhou') },
      { nkey: 'UYULIN1', permissions: courtPermissions('enf', 'yulin') },
      { nkey: 'UYULIN2', permissions: courtPermissions('enf', 'yulin') },
    ]);
  });

  it('is an authorization block with every subject quoted', () => {
    expect(config).toMatch(
      /^# enforcement-link network "enf": admin, monitor and courts xinzhou, yulin\./,
    );
    expect(config).toContain('\nauthorization {\n');
    expect(config).not.toMatch(/[^"]\$JS/);
  });
});

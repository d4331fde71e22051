import type { Response } from 'express';
import { HealthCheck } from './health-check';
import { HealthController } from './health.controller';

function responseSpy() {
  const response = { status: jest.fn() };
  return { response, asResponse: response as unknown as Response };
}

const up = (name: string): HealthCheck => ({
  name,
  check: () => Promise.resolve({ status: 'up' }),
});

describe('HealthController', () => {
  it('answers live without asking any dependency', () => {
    const check = { name: 'database', check: jest.fn() };
    expect(new HealthController([check]).live()).toEqual({ status: 'ok' });
    expect(check.check).not.toHaveBeenCalled();
  });

  it('is ready with 200 when every check is up', async () => {
    const { response, asResponse } = responseSpy();
    const report = await new HealthController([up('database'), up('nats')]).ready(asResponse);
    expect(report).toEqual({
      status: 'ok',
      checks: { database: { status: 'up' }, nats: { status: 'up' } },
    });
    expect(response.status).toHaveBeenCalledWith(200);
  });

  it('answers 503 naming the check that failed and why', async () => {
    const failing: HealthCheck = {
      name: 'nats',
      check: () => Promise.reject(new Error('CONNECTION_REFUSED')),
    };
    const { response, asResponse } = responseSpy();
    const report = await new HealthController([up('database'), failing]).ready(asResponse);
    expect(report).toEqual({
      status: 'unavailable',
      checks: {
        database: { status: 'up' },
        nats: { status: 'down', detail: 'CONNECTION_REFUSED' },
      },
    });
    expect(response.status).toHaveBeenCalledWith(503);
  });

  it('counts a check that hangs as down once its time is up', async () => {
    jest.useFakeTimers();
    try {
      const hanging: HealthCheck = { name: 'database', check: () => new Promise(() => undefined) };
      const { response, asResponse } = responseSpy();
      const pending = new HealthController([hanging]).ready(asResponse);
      await jest.advanceTimersByTimeAsync(2_000);
      expect(await pending).toEqual({
        status: 'unavailable',
        checks: { database: { status: 'down', detail: 'no answer within 2000 ms' } },
      });
      expect(response.status).toHaveBeenCalledWith(503);
    } finally {
      jest.useRealTimers();
    }
  });
});

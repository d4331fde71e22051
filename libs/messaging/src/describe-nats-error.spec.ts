import { NatsError } from 'nats';
import { describeNatsError } from './describe-nats-error';

describe('describeNatsError', () => {
  it('gives JetStream’s description and code where the client says only the status', () => {
    const refused = new NatsError('503', '503');
    refused.api_error = { code: 503, err_code: 10077, description: 'maximum messages exceeded' };
    expect(describeNatsError(refused)).toBe('maximum messages exceeded (JetStream error 10077)');
  });

  it('gives the message of any other error', () => {
    expect(describeNatsError(new NatsError('503', '503'))).toBe('503');
    expect(describeNatsError(new Error('connection closed'))).toBe('connection closed');
    expect(describeNatsError('timeout')).toBe('timeout');
  });
});

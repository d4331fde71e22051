import { NatsError } from 'nats';
import { createdConcurrently } from './provision-streams';

function jetStreamError(description: string, errCode: number): NatsError {
  const error = new NatsError(description, '400');
  error.api_error = { code: 400, err_code: errCode, description };
  return error;
}

describe('createdConcurrently', () => {
  it('creates again when another service created the same stream at the same moment', async () => {
    const create = jest
      .fn<Promise<string>, []>()
      .mockRejectedValueOnce(jetStreamError('subjects overlap with an existing stream', 10065))
      .mockResolvedValueOnce('bucket');

    await expect(createdConcurrently(create)).resolves.toBe('bucket');
    expect(create).toHaveBeenCalledTimes(2);
  });

  it('passes any other failure on at once', async () => {
    const refusal = jetStreamError('insufficient resources', 10023);
    const create = jest.fn<Promise<string>, []>().mockRejectedValue(refusal);

    await expect(createdConcurrently(create)).rejects.toBe(refusal);
    expect(create).toHaveBeenCalledTimes(1);
  });
});

import { MESSAGE_CATALOGUE, MessageType } from '../messages/catalogue';
import { RequestKind, Side, transition } from './lifecycle';
import { FINAL_STATES, RequestState } from './request-state';

const types = Object.keys(MESSAGE_CATALOGUE) as MessageType[];
const states: (RequestState | undefined)[] = [undefined, ...Object.values(RequestState)];
const kinds: RequestKind[] = ['asset-search', 'delegation'];
const sides: Side[] = ['requesting', 'receiving'];

/** Follows a sequence of [type, side] from no request; fails at the first refused message. */
function follow(kind: RequestKind, steps: [MessageType, Side][]): RequestState[] {
  let state: RequestState | undefined;
  return steps.map(([type, side]) => {
    const result = transition(kind, state, type, side);
    if (!result.allowed) throw new Error(`${type} from ${side} in ${state}: ${result.detail}`);
    state = result.state;
    return state;
  });
}

describe('request lifecycle', () => {
  it('takes a delegation through accept, progress, result and confirmation', () => {
    expect(
      follow('delegation', [
        ['delegation.requested', 'requesting'],
        ['message.delivered', 'receiving'],
        ['request.accepted', 'receiving'],
        ['progress.reported', 'receiving'],
        ['delegation.result-reported', 'receiving'],
        ['result.confirmed', 'requesting'],
        ['funds.transferred', 'receiving'],
        ['funds.receipt-confirmed', 'requesting'],
      ]),
    ).toEqual([
      'SENT',
      'DELIVERED',
      'ACCEPTED',
      'IN_PROGRESS',
      'RESULT_REPORTED',
      'CLOSED',
      'CLOSED',
      'CLOSED',
    ]);
  });

  it('goes back to work after a supplement and after a dispute', () => {
    expect(
      follow('delegation', [
        ['delegation.requested', 'requesting'],
        ['request.accepted', 'receiving'],
        ['supplement.requested', 'receiving'],
        ['supplement.provided', 'requesting'],
        ['delegation.result-reported', 'receiving'],
        ['result.disputed', 'requesting'],
        ['delegation.result-reported', 'receiving'],
        ['result.confirmed', 'requesting'],
      ]),
    ).toEqual([
      'SENT',
      'ACCEPTED',
      'AWAITING_SUPPLEMENT',
      'IN_PROGRESS',
      'RESULT_REPORTED',
      'IN_PROGRESS',
      'RESULT_REPORTED',
      'CLOSED',
    ]);
  });

  it('lets a local registry answer an asset search straight away', () => {
    expect(
      follow('asset-search', [
        ['asset-search.requested', 'requesting'],
        ['asset-search.answered', 'receiving'],
        ['message.delivered', 'receiving'],
        ['result.confirmed', 'requesting'],
      ]),
    ).toEqual(['SENT', 'RESULT_REPORTED', 'RESULT_REPORTED', 'CLOSED']);
  });

  it('accepts an acceptance that overtook the transport receipt', () => {
    expect(transition('delegation', RequestState.Sent, 'request.accepted', 'receiving')).toEqual({
      allowed: true,
      state: RequestState.Accepted,
    });
  });

  it('refuses a message from the wrong side', () => {
    expect(
      transition('delegation', RequestState.Delivered, 'request.accepted', 'requesting'),
    ).toMatchObject({
      allowed: false,
      reason: 'WRONG_SENDER',
    });
  });

  it('refuses delegation messages about an asset search', () => {
    expect(
      transition('asset-search', RequestState.Accepted, 'extension.requested', 'receiving'),
    ).toMatchObject({
      allowed: false,
      reason: 'WRONG_KIND',
    });
  });

  it.each([...FINAL_STATES])(
    'leaves %s only for status, receipts and rejections (and funds)',
    (state) => {
      for (const kind of kinds) {
        for (const type of types) {
          for (const side of sides) {
            const result = transition(kind, state, type, side);
            if (result.allowed) {
              expect(result.state).toBe(state);
              expect([
                'status.queried',
                'status.reported',
                'message.delivered',
                'message.rejected',
                'funds.transferred',
                'funds.receipt-confirmed',
              ]).toContain(type);
            }
          }
        }
      }
    },
  );

  it('only the two request messages create a request', () => {
    const creators = types.filter((type) =>
      kinds.some((kind) => sides.some((side) => transition(kind, undefined, type, side).allowed)),
    );
    expect(creators.sort()).toEqual(['asset-search.requested', 'delegation.requested']);
  });

  it('matches the reviewed table over every kind, state, message and side', () => {
    const table: Record<string, string> = {};
    for (const kind of kinds) {
      for (const state of states) {
        for (const type of types) {
          for (const side of sides) {
            const result = transition(kind, state, type, side);
            if (result.allowed)
              table[`${kind} ${state ?? '(none)'} ${type} from ${side}`] = result.state;
          }
        }
      }
    }
    expect(table).toMatchSnapshot();
  });
});

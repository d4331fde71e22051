import { RequestState } from '@enforcement-link/protocol';
import { Request } from './request.entity';
import { requestView } from './request.views';

function request(change: Partial<Request>): Request {
  return Object.assign(
    Request.fromRequestBody(
      '0192f1d2-7a3b-7c4d-8e5f-60718293a4d1',
      { side: 'receiving', requestingCourt: 'xinzhou', receivingCourt: 'yulin' },
      {
        caseNumber: '(2024)晋09执123号',
        matterType: 'freeze-deposit',
        party: { kind: 'natural-person', name: '张三', identityNumber: '140902198506153311' },
        assets: [],
        instructions: '冻结',
        documents: [],
        contact: { name: '李法官' },
      } as never,
    ),
    { state: RequestState.Delivered, stateSince: new Date(), createdAt: new Date() },
    change,
  );
}

describe('the actions a request view offers', () => {
  it.each([
    [
      'a task just delivered',
      { state: RequestState.Delivered },
      ['assign', 'accept', 'return', 'forward', 'fund-transfers', 'recoveries'],
    ],
    [
      'a task in progress',
      { state: RequestState.InProgress },
      expect.arrayContaining(['report-progress', 'report-result', 'fund-transfers']) as string[],
    ],
    [
      'a closed task',
      { state: RequestState.Closed },
      expect.not.arrayContaining(['assign']) as string[],
    ],
    [
      'a delegation awaiting its result’s confirmation',
      { side: 'requesting' as const, state: RequestState.ResultReported },
      ['withdraw', 'confirm', 'dispute'],
    ],
  ])('%s', (_case, change, actions) => {
    expect(requestView(request(change)).actions).toEqual(actions);
  });
});

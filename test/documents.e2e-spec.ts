import {
  DocumentReference,
  EXAMPLE_BODIES,
  MAX_DOCUMENT_BYTES,
  newMessageId,
  ProtocolRejectionBody,
  RejectionReason,
  RequestState,
} from '@enforcement-link/protocol';
import { CourtApi, SAMPLE_PDF, startCourts } from './support/court-api';
import { FakeCourt } from './support/fake-court';
import { TestNetwork } from './support/test-network';

describe('documents', () => {
  let network: TestNetwork;
  let xinzhou: CourtApi;
  let yulin: CourtApi;
  let ordos: FakeCourt;

  beforeAll(async () => {
    network = TestNetwork.create();
    ({ xinzhou, yulin } = await startCourts(network, {
      xinzhou: {},
      // Gives up on a message after three deliveries, 100 ms apart at first.
      yulin: { INBOX_MAX_DELIVERIES: '3', INBOX_RETRY_DELAY_MS: '100' },
    }));
    ordos = await FakeCourt.join(network.namespace, 'ordos');
  });

  afterAll(async () => {
    await ordos.leave();
    await network.cleanup();
  });

  const upload = (body: Buffer, mediaType: string, query = 'kind=judgment&fileName=判决书.pdf') =>
    xinzhou.fetch(`/api/documents?${query}`, {
      method: 'POST',
      headers: { 'content-type': mediaType },
      body,
    });

  it('travel with a delegation and can be downloaded, intact, by the receiving court', async () => {
    const created = await xinzhou.createDelegation('yulin');
    const task = await yulin.waitForState(`/api/tasks/${created.id}`, RequestState.Delivered);
    const [listed] = (task as unknown as { details: { documents: { documentId: string }[] } })
      .details.documents;

    const download = await yulin.fetch(`/api/documents/${listed.documentId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''%282024%29${encodeURIComponent('晋09执123号执行裁定书.pdf')}`,
    );
    expect(Buffer.from(await download.arrayBuffer())).toEqual(SAMPLE_PDF);
  });

  it('of the largest size travel too, and reach the receiving court’s handler intact', async () => {
    // A scanned page as a PNG of exactly the largest size a document may have: chunked in the
    // object store, far beyond one NATS message.
    const scan = Buffer.alloc(MAX_DOCUMENT_BYTES);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(scan);
    for (let i = 8; i < scan.length; i += 4096) scan.writeUInt32BE(i, i);
    const stored = await upload(scan, 'image/png', 'kind=other&fileName=scan.png');
    expect(stored.status).toBe(201);
    const reference = (await stored.json()) as DocumentReference;
    expect(reference.sizeBytes).toBe(MAX_DOCUMENT_BYTES);

    const created = await xinzhou.call('POST', '/api/delegations', {
      ...EXAMPLE_BODIES['delegation.requested'],
      receivingCourt: 'yulin',
      documents: [reference],
    });
    expect(created.status).toBe(202);
    await yulin.waitForState(`/api/tasks/${String(created.body.id)}`, RequestState.Delivered);
    const download = await yulin.as('handler').fetch(`/api/documents/${reference.documentId}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).equals(scan)).toBe(true);
  });

  it('answers an upload with its reference, and refuses what is not what it claims', async () => {
    const stored = await upload(SAMPLE_PDF, 'application/pdf');
    expect(stored.status).toBe(201);
    expect(await stored.json()).toMatchObject({
      kind: 'judgment',
      fileName: '判决书.pdf',
      mediaType: 'application/pdf',
      sizeBytes: SAMPLE_PDF.length,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string,
    });

    const html = await upload(Buffer.from('<html></html>'), 'application/pdf');
    expect(html.status).toBe(422);
    const word = await upload(SAMPLE_PDF, 'application/msword');
    expect(word.status).toBe(422);
    const noKind = await upload(SAMPLE_PDF, 'application/pdf', 'fileName=a.pdf');
    expect(noKind.status).toBe(400);
    const tooLarge = await upload(Buffer.alloc(MAX_DOCUMENT_BYTES + 1, 0x25), 'application/pdf');
    expect(tooLarge.status).toBe(413);
  });

  it('must be listed as uploaded: anything else is refused with 422 before it is sent', async () => {
    const uploaded = await xinzhou.uploadDocument('judgment', '判决书.pdf');
    const sentBefore = (await xinzhou.get<{ total: number }>('/api/delegations')).total;
    const delegate = (documents: object[]) =>
      xinzhou.call('POST', '/api/delegations', {
        ...EXAMPLE_BODIES['delegation.requested'],
        receivingCourt: 'yulin',
        documents,
      });

    const unknown = await delegate([{ ...uploaded, documentId: newMessageId() }]);
    expect(unknown.status).toBe(422);
    expect(unknown.body.fieldErrors).toEqual([
      { field: 'documents[0].documentId', rule: 'a document uploaded with POST /api/documents' },
    ]);
    const resized = await delegate([uploaded, { ...uploaded, sizeBytes: uploaded.sizeBytes + 1 }]);
    expect(resized.body.fieldErrors).toEqual([
      {
        field: 'documents[1].sizeBytes',
        rule: `the size of the uploaded document, ${uploaded.sizeBytes}`,
      },
    ]);
    const mistyped = await delegate([{ ...uploaded, sha256: 'f'.repeat(64) }]);
    expect(mistyped.status).toBe(422);
    expect(mistyped.body.fieldErrors).toEqual([
      { field: 'documents[0].sha256', rule: 'the SHA-256 of the uploaded document' },
    ]);
    expect((await xinzhou.get<{ total: number }>('/api/delegations')).total).toBe(sentBefore);

    // Every message a person sends is checked the same way, here a handler's progress report.
    const created = await xinzhou.createDelegation('yulin');
    await yulin.waitForState(`/api/tasks/${created.id}`, RequestState.Delivered);
    await yulin.post(`/api/tasks/${created.id}/accept`, EXAMPLE_BODIES['request.accepted'], 200);
    const progress = await yulin.call('POST', `/api/tasks/${created.id}/report-progress`, {
      ...EXAMPLE_BODIES['progress.reported'],
      documents: [{ ...uploaded, documentId: newMessageId() }],
    });
    expect(progress.status).toBe(422);
    expect(progress.body.fieldErrors).toEqual([
      expect.objectContaining({ field: 'documents[0].documentId' }),
    ]);
    const task = await yulin.get(`/api/tasks/${created.id}`);
    expect(task.state).toBe(RequestState.Accepted);
  });

  it('are not handed out to a court none of whose requests lists them', async () => {
    const stored = (await (await upload(SAMPLE_PDF, 'application/pdf')).json()) as {
      documentId: string;
    };
    expect((await yulin.fetch(`/api/documents/${stored.documentId}`)).status).toBe(404);
  });

  it('make a request whose document does not match its SHA-256 a rejected one', async () => {
    const body = await xinzhou.withDocuments({ ...EXAMPLE_BODIES['delegation.requested'] });
    const [first, ...rest] = (body as { documents: { sha256: string }[] }).documents;
    const forged = ordos.envelope('delegation.requested', 'yulin', newMessageId(), {
      ...body,
      documents: [{ ...first, sha256: '0'.repeat(64) }, ...rest],
    });
    await ordos.publish('yulin', forged.type, forged);
    const answer = await ordos.receive(['message.rejected']);
    expect(answer.body as ProtocolRejectionBody).toMatchObject({
      reason: RejectionReason.DocumentUnavailable,
      fieldErrors: [{ field: 'body.documents[0].sha256' }],
    });
    expect((await yulin.call('GET', `/api/tasks/${forged.requestId}`)).status).toBe(404);
  });

  it('never count a request as received while a document it lists is missing', async () => {
    const body = await xinzhou.withDocuments({ ...EXAMPLE_BODIES['delegation.requested'] });
    const [, second] = (body as { documents: { documentId: string }[] }).documents;
    const early = ordos.envelope('delegation.requested', 'yulin', newMessageId(), {
      ...body,
      documents: [{ ...second, documentId: newMessageId() }],
    });
    await ordos.publish('yulin', early.type, early);
    const answer = await ordos.receive(['message.rejected', 'message.delivered']);
    // Tried again while the document may be on its way, then rejected; never half-stored.
    expect(answer.body).toMatchObject({ reason: RejectionReason.DocumentUnavailable });
    expect((await yulin.call('GET', `/api/tasks/${early.requestId}`)).status).toBe(404);
  });
});

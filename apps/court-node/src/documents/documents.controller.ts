import {
  DOCUMENT_MEDIA_TYPES,
  DocumentReference,
  MAX_DOCUMENT_BYTES,
} from '@enforcement-link/protocol';
import {
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  PayloadTooLargeException,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { DocumentsService } from './documents.service';
import { UploadDocumentQuery } from './upload-document.query';
import { Allow } from '@enforcement-link/platform';

@ApiTags('documents')
@Allow('clerk', 'handler', 'court-admin')
@Controller('api/documents')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post()
  @ApiOperation({
    summary: 'Upload a document (PDF, JPEG or PNG, at most 20 MiB) to list in a request',
    description:
      'The body is the file itself, with its media type as Content-Type. The answer is the ' +
      'document reference to put in a request’s `documents`; the receiving court checks the ' +
      'file against its SHA-256 before the request counts as received. While NATS cannot be ' +
      'reached the document waits in this court’s database, and goes to the network’s store ' +
      'when NATS returns, before the requests that list it.',
  })
  @ApiConsumes(...DOCUMENT_MEDIA_TYPES)
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ description: 'The document reference' })
  @ApiUnprocessableEntityResponse({ description: 'Not a PDF, JPEG or PNG, or empty' })
  @ApiPayloadTooLargeResponse({ description: 'Larger than 20 MiB' })
  async upload(
    @Query() query: UploadDocumentQuery,
    @Headers('content-type') mediaType: string | undefined,
    @Req() request: Request,
  ): Promise<DocumentReference> {
    const bytes = await readBody(request, MAX_DOCUMENT_BYTES);
    return this.documents.upload({ ...query, mediaType: mediaType ?? '', bytes });
  }

  @Get(':documentId')
  @ApiOperation({ summary: 'Download a document listed by a request of this court' })
  @ApiOkResponse({ description: 'The file, with its media type and file name' })
  @ApiNotFoundResponse({ description: 'No request of this court lists this document' })
  async download(
    @Param('documentId', ParseUUIDPipe) documentId: string,
    @Res() response: Response,
  ): Promise<void> {
    const document = await this.documents.download(documentId);
    response
      .status(200)
      .type(document.mediaType)
      .setHeader('Content-Length', document.bytes.length)
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${asciiFallback(document.fileName)}"; filename*=UTF-8''${rfc5987(document.fileName)}`,
      )
      .end(Buffer.from(document.bytes));
  }
}

/**
 * The raw request body, refused with 413 when it is larger than `limit` bytes. The rest of an
 * oversized body is read and dropped so the client gets the answer rather than a reset
 * connection, unless it goes on far beyond the limit.
 */
async function readBody(request: Request, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
    else if (size > 4 * limit) request.destroy();
  }
  if (size > limit) {
    throw new PayloadTooLargeException(`a document may have at most ${limit} bytes`);
  }
  return Buffer.concat(chunks);
}

/** RFC 5987 percent-encoding: encodeURIComponent leaves ' ( ) * alone, which it must not. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The file name for clients that do not read `filename*`: printable ASCII only. */
function asciiFallback(value: string): string {
  return value.replace(/[^\x20-\x7e]|["\\]/g, '_');
}

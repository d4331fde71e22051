import { fieldErrorsOf, MAX_NESTING_DEPTH, nestingDepth } from '@enforcement-link/protocol';
import {
  BadRequestException,
  DynamicModule,
  INestApplication,
  ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { withValidationSchemas } from './openapi-schemas';

export interface HttpAppDefinition {
  module: DynamicModule;
  title: string;
  description: string;
  version: string;
}

export const OPENAPI_PATH = 'api/docs';
/** JSON bodies larger than this are refused with 413 before they are read. */
const JSON_BODY_LIMIT = '100kb';

/**
 * Checks a JSON body's bytes before they are parsed: text that is not UTF-8 would otherwise be
 * stored with replacement characters, and deep nesting could exhaust the stack of the code that
 * walks it. Either is answered 400 with the reason.
 */
function refuseHostileJson(_request: unknown, _response: unknown, body: Buffer): void {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw badBody('the body is not valid UTF-8');
  }
  const depth = nestingDepth(text);
  if (depth > MAX_NESTING_DEPTH) {
    throw badBody(
      `the body is nested ${depth} levels deep; at most ${MAX_NESTING_DEPTH} are accepted`,
    );
  }
}

function badBody(message: string): Error {
  return Object.assign(new BadRequestException(message), { status: 400, expose: true });
}
export const OPENAPI_JSON_PATH = 'api/docs-json';

/**
 * Builds a service's HTTP application with what every service shares: JSON logs, input
 * validation that answers 400 naming each field and the rule it broke, and its OpenAPI document
 * at `/api/docs` (JSON at `/api/docs-json`). The caller decides where it listens, and when it
 * closes (see runService).
 */
export async function createHttpApp(definition: HttpAppDefinition): Promise<INestApplication> {
  // abortOnError off: a failed start rejects here, so the caller reports it and exits non-zero
  // (and a test sees the error) instead of NestJS ending the process on its own.
  const app = await NestFactory.create<NestExpressApplication>(definition.module, {
    bufferLogs: true,
    abortOnError: false,
    // Replaced below by a JSON parser that also refuses invalid UTF-8 and deep nesting.
    bodyParser: false,
  });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, verify: refuseHostileJson });
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(validationPipe());

  const document = withValidationSchemas(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(definition.title)
        .setDescription(definition.description)
        .setVersion(definition.version)
        .build(),
    ),
  );
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
  return app;
}

/**
 * Validates bodies and query strings against their class-validator classes, drops nothing
 * silently (an unknown field is an error) and answers
 * `400 { message, fieldErrors: [{ field, rule }] }`.
 */
function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    exceptionFactory: (errors) => {
      const fieldErrors = fieldErrorsOf(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: fieldErrors.map((error) => `${error.field}: ${error.rule}`).join('; '),
        fieldErrors,
      });
    },
  });
}

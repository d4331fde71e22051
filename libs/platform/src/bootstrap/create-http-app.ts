import { fieldErrorsOf } from '@enforcement-link/protocol';
import {
  BadRequestException,
  DynamicModule,
  INestApplication,
  ValidationPipe,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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
export const OPENAPI_JSON_PATH = 'api/docs-json';

/**
 * Builds a service's HTTP application with what every service shares: JSON logs, graceful
 * shutdown on SIGTERM and SIGINT, input validation that answers 400 naming each field and the
 * rule it broke, and its OpenAPI document at `/api/docs` (JSON at
 * `/api/docs-json`). The caller decides where it listens.
 */
export async function createHttpApp(definition: HttpAppDefinition): Promise<INestApplication> {
  // abortOnError off: a failed start rejects here, so the caller reports it and exits non-zero
  // (and a test sees the error) instead of NestJS ending the process on its own.
  const app = await NestFactory.create(definition.module, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
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

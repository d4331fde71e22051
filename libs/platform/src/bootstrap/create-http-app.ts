import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';

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
 * shutdown on SIGTERM and SIGINT, and its OpenAPI document at `/api/docs` (JSON at
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

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(definition.title)
      .setDescription(definition.description)
      .setVersion(definition.version)
      .build(),
  );
  SwaggerModule.setup(OPENAPI_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
  return app;
}

import { NatsConnectionService } from '@enforcement-link/messaging';
import {
  createHttpApp,
  runWithServiceLogger,
  serveWebApp,
  serviceLogger,
} from '@enforcement-link/platform';
import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'pino';
import { AppModule } from './app.module';
import { CourtNodeEnvironment } from './config/court-node.environment';
import { CourtMessageTransport } from './messaging/court-message.transport';
import { InboxService } from './messaging/inbox.service';
import { CourtNodeMetrics } from './metrics/court-node.metrics';

/**
 * The court node: its HTTP API and workbench, and its inbound court messages through JetStream;
 * started (its consumers and timers running), for the caller to listen.
 */
export function createCourtNodeApp(environment: CourtNodeEnvironment): Promise<INestApplication> {
  const logger = serviceLogger(environment.LOG_LEVEL, {
    service: 'court-node',
    court: environment.COURT_ID,
  });
  return runWithServiceLogger(logger, () => startCourtNode(environment, logger));
}

async function startCourtNode(
  environment: CourtNodeEnvironment,
  logger: Logger,
): Promise<INestApplication> {
  const app = await createHttpApp({
    module: AppModule.forRoot(environment, logger),
    title: `enforcement-link court node: ${environment.COURT_ID}`,
    description:
      'The HTTP API of one court on the enforcement-link network: requests this court sends ' +
      'to other courts, and tasks other courts sent to it.',
    version: '0.1.0',
  });
  const transport = new CourtMessageTransport(
    app.get(InboxService),
    app.get(NatsConnectionService),
    environment,
    app.get(CourtNodeMetrics),
  );
  serveWebApp(app as NestExpressApplication, 'court-node', __dirname);
  app.connectMicroservice({ strategy: transport });
  await app.startAllMicroservices();
  await app.init();
  return app;
}

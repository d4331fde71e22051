import { createHttpApp } from '@enforcement-link/platform';
import { INestApplication } from '@nestjs/common';
import { AppModule } from './app.module';
import { CourtNodeEnvironment } from './config/court-node.environment';

export function createCourtNodeApp(environment: CourtNodeEnvironment): Promise<INestApplication> {
  return createHttpApp({
    module: AppModule.forRoot(environment),
    title: `enforcement-link court node: ${environment.COURT_ID}`,
    description:
      'The HTTP API of one court on the enforcement-link network: requests this court sends ' +
      'to other courts, and tasks other courts sent to it.',
    version: '0.1.0',
  });
}

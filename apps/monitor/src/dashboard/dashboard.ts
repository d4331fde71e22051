import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Where the built dashboard is: beside the built monitor (`dist/apps/monitor/web`), or, when the
 * monitor runs from its sources (tests), in the project's `dist` folder.
 */
function dashboardDirectory(): string | undefined {
  return [join(__dirname, 'web'), resolve(__dirname, '../../../../dist/apps/monitor/web')].find(
    (directory) => existsSync(join(directory, 'index.html')),
  );
}

/** Serves the command centres' web dashboard at `/`, beside the API. */
export function serveDashboard(app: NestExpressApplication): void {
  const directory = dashboardDirectory();
  if (!directory) {
    new Logger('Dashboard').warn(
      'the web dashboard is not built (npm run build); serving the API only',
    );
    return;
  }
  app.useStaticAssets(directory, { index: 'index.html', maxAge: '1h' });
}

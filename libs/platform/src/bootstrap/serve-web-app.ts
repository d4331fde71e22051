import { Logger } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Serves a service's built web pages at `/`, beside its API: `dist/apps/<service>/web`, found
 * next to the built service or, when it runs from its sources (tests), in the project's `dist`.
 * Without a build the service serves its API only and says so.
 */
export function serveWebApp(
  app: NestExpressApplication,
  service: string,
  moduleDirectory: string,
): void {
  const candidates = [join(moduleDirectory, 'web')];
  for (let directory = moduleDirectory; dirname(directory) !== directory;) {
    directory = dirname(directory);
    if (existsSync(join(directory, 'package.json'))) {
      candidates.push(join(directory, 'dist', 'apps', service, 'web'));
      break;
    }
  }
  const built = candidates.find((directory) => existsSync(join(directory, 'index.html')));
  if (!built) {
    new Logger('WebApp').warn(
      `the ${service} web pages are not built (npm run build); serving the API only`,
    );
    return;
  }
  app.useStaticAssets(built, { index: 'index.html', maxAge: '1h' });
}

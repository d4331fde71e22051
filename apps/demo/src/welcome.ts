import { relative } from 'node:path';
import { DemoEnvironment } from './demo.environment';
import { DEMO_COURT_ACCOUNTS, DEMO_MONITOR_ACCOUNT, DemoNetwork } from './demo-network';

/** What the demo prints once it is up: where to look, how to sign in, what to try. */
export function welcome(
  network: DemoNetwork,
  environment: DemoEnvironment,
  { readySeconds, rssBytes }: { readySeconds: number; rssBytes: number },
): string {
  const passwordFile = relative(process.cwd(), `${network.dataDir}/password`);
  const [first, second] = network.courts;
  const courtLines = network.courts.map(
    ({ url, court }) => `    ${url}/   ${court.code.padEnd(9)} ${court.name.zh}`,
  );
  const cli = 'node dist/apps/cli/main.js';
  const logs = process.env.DEMO_LOG_FILE
    ? `Logs (JSON lines, every court and the monitor): ${relative(process.cwd(), process.env.DEMO_LOG_FILE)}`
    : 'Logs: JSON lines on standard output';
  const traffic =
    environment.DEMO_RATE > 0
      ? `About ${environment.DEMO_RATE} new requests a minute (DEMO_RATE), worked by the courts' clerks and handlers.`
      : 'No generated traffic (DEMO_RATE=0): the courts wait for you.';
  return `
The Yellow River bend network is up: ${network.courts.length} courts and the monitor, ready in ${readySeconds.toFixed(1)} s, using ${Math.round(rssBytes / 2 ** 20)} MB of memory.

  Dashboard      ${network.monitor.url}/   sign in as ${DEMO_MONITOR_ACCOUNT.username}
  Workbenches    sign in as ${DEMO_COURT_ACCOUNTS.map((account) => account.username).join(', ')}
${courtLines.join('\n')}
  Password of every account: ${network.password}   (kept in ${passwordFile})
  API docs at /api/docs of each of them.

${traffic}
${logs}

Try the command line (another terminal, in this folder):
  export ENFORCEMENT_LINK_PASSWORD=$(cat ${passwordFile})
  ${cli} requests list --url ${first?.url ?? ''} --username clerk
  ${cli} tasks list --url ${second?.url ?? first?.url ?? ''} --username handler --state DELIVERED
  ${cli} backlog --url ${network.monitor.url} --username ${DEMO_MONITOR_ACCOUNT.username} --by court
  ${cli} help

Press Ctrl-C to stop; the data stays for the next start (npm run demo -- --fresh forgets it).
`;
}

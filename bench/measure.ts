/** Latencies in milliseconds and how many requests completed in how long. */
export interface Measurement {
  completed: number;
  seconds: number;
  latenciesMs: number[];
}

export interface Summary {
  inFlight: number | string;
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
}

export function summarise(inFlight: number | string, measurement: Measurement): Summary {
  const sorted = [...measurement.latenciesMs].sort((a, b) => a - b);
  const at = (quantile: number) =>
    sorted.length === 0
      ? NaN
      : sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))];
  return {
    inFlight,
    throughput: measurement.completed / measurement.seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
  };
}

/** Something that performs one request and resolves with its latency in milliseconds. */
export type OneRequest = () => Promise<number>;

/** Told when the measuring window opens and closes, to count what else it costs. */
export interface WindowWatch {
  opened(): void;
  closed(): void;
}

/**
 * Closed loop: `inFlight` workers each send a request, wait for it to complete, and send the
 * next. Counted are the requests that complete within `seconds` after a warm-up.
 */
export async function closedLoop(
  request: OneRequest,
  inFlight: number,
  seconds: number,
  warmUpSeconds: number,
  watch?: WindowWatch,
): Promise<Measurement> {
  const latenciesMs: number[] = [];
  const warmUpEnds = Date.now() + warmUpSeconds * 1000;
  const ends = warmUpEnds + seconds * 1000;
  if (watch) setTimeout(() => watch.opened(), warmUpEnds - Date.now());
  const windowClosed = new Promise<void>((resolve) =>
    setTimeout(() => {
      watch?.closed();
      resolve();
    }, ends - Date.now()),
  );
  const worker = async () => {
    while (Date.now() < ends) {
      const latency = await request();
      const completed = Date.now();
      if (completed >= warmUpEnds && completed <= ends) latenciesMs.push(latency);
    }
  };
  await Promise.all([...Array.from({ length: inFlight }, worker), windowClosed]);
  return { completed: latenciesMs.length, seconds, latenciesMs };
}

/** Open loop: requests start at a fixed `perSecond` rate, whatever the latency. */
export async function openLoop(
  request: OneRequest,
  perSecond: number,
  seconds: number,
): Promise<Measurement> {
  const latenciesMs: number[] = [];
  const pending: Promise<void>[] = [];
  const started = Date.now();
  const total = Math.floor(perSecond * seconds);
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / perSecond;
    const wait = due - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(request().then((latency) => void latenciesMs.push(latency)));
  }
  await Promise.all(pending);
  return { completed: latenciesMs.length, seconds: (Date.now() - started) / 1000, latenciesMs };
}

/** Throughput and latency in a few words, for the progress lines and the results table. */
export function describe(summary: Summary): string {
  return `${summary.throughput.toFixed(0)} req/s, p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms`;
}

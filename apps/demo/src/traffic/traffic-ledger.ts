import { appendFileSync, existsSync, readFileSync, rmSync } from 'node:fs';

/**
 * The requests the demo's simulated people sent, one id a line in the data folder. They work
 * those only: a request someone sends from a workbench or the command line waits for a person.
 */
export class TrafficLedger {
  private readonly ids: Set<string>;

  private constructor(private readonly file: string) {
    const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    this.ids = new Set(text.split('\n').filter(Boolean));
  }

  /** The ledger kept in `file`; emptied first when the demo starts afresh. */
  static open(file: string, { fresh = false } = {}): TrafficLedger {
    if (fresh) rmSync(file, { force: true });
    return new TrafficLedger(file);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(id: string): void {
    appendFileSync(this.file, `${id}\n`, { mode: 0o600 });
    this.ids.add(id);
  }
}

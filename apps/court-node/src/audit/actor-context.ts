import { AsyncLocalStorage } from 'node:async_hooks';

/** Who a change is recorded against in the audit trail. */
export type Actor =
  /** A person using this court's HTTP API or workbench. */
  | { kind: 'user'; username: string; role: string }
  /** Another court, whose message this node is handling. */
  | { kind: 'court'; court: string }
  /** This node acting on its own: a timer, the local registry answering. */
  | { kind: 'system'; process: string };

/**
 * Work nobody claimed: a path that forgot to say on whose behalf it runs. Recorded rather than
 * refused, so the change is not lost, and easy to find in the trail.
 */
export const UNATTRIBUTED: Actor = { kind: 'system', process: 'unattributed' };

const storage = new AsyncLocalStorage<Actor>();

/**
 * The actor of the work in progress, carried along its promises, so the audit trail learns who
 * made a change without every service passing it on. Each entry point (HTTP request, inbound
 * message, timer) runs its work inside `run`.
 */
export class ActorContext {
  static run<T>(actor: Actor, work: () => T): T {
    return storage.run(actor, work);
  }

  static current(): Actor {
    return storage.getStore() ?? UNATTRIBUTED;
  }
}

import { useEffect, useState } from 'preact/hooks';

export interface LiveState {
  /** Goes up each time the service announces a change; pages reload what they show. */
  version: number;
  connected: boolean;
  updatedAt: string;
}

/** Follows the service's server-sent events of `type` at `api/live`. */
export function useLiveVersion(type: string): LiveState {
  const [state, setState] = useState<LiveState>({
    version: 0,
    connected: false,
    updatedAt: new Date().toISOString(),
  });
  useEffect(() => {
    const source = new EventSource('api/live');
    source.onopen = () => setState((current) => ({ ...current, connected: true }));
    source.onerror = () => setState((current) => ({ ...current, connected: false }));
    source.addEventListener(type, () =>
      setState((current) => ({
        version: current.version + 1,
        connected: true,
        updatedAt: new Date().toISOString(),
      })),
    );
    return () => source.close();
  }, [type]);
  return state;
}

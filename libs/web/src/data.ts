import { useEffect, useState } from 'preact/hooks';

/**
 * Loads `load()`, and again whenever `version` (the page's live-update count) or `deps`
 * change; undefined until loaded, or when loading failed.
 */
export function useReloaded<T>(
  version: number,
  load: () => Promise<T>,
  deps: unknown[],
): T | undefined {
  const [data, setData] = useState<T>();
  useEffect(() => {
    let current = true;
    load().then(
      (value) => current && setData(value),
      () => current && setData(undefined),
    );
    return () => {
      current = false;
    };
  }, [version, ...deps]);
  return data;
}

import { useCallback, useEffect, useState } from 'react';
import type { TeamApi } from '../../store/team-api';
import { useT } from '../i18n';
import { errorText } from './AuthScreens';

/**
 * A list an admin screen reads from the API (members, tokens), with the error to show, and `run` for
 * an action that changes it: the error is cleared first, the list read again after, a failure shown.
 */
export function useApiList<T>(api: TeamApi, path: string, parse: (body: unknown) => T[]) {
  const { t } = useT();
  const [items, setItems] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setItems(parse((await api.get(path)).body));
    } catch (e) {
      setError(errorText(t, e));
    }
  }, [api, path, parse, t]);
  useEffect(() => void reload(), [reload]);

  const run = async (action: () => Promise<unknown>) => {
    setError(null);
    try {
      await action();
      await reload();
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  return { items, error, run };
}

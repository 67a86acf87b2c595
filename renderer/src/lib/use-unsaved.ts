import { useEffect } from 'react';
import { useUi } from '../services-context.js';

/** Tells the leave guard what would be lost while `dirty`; forgotten when the form goes. */
export function useUnsavedGuard(dirty: boolean, what: string): void {
  const setUnsaved = useUi((s) => s.setUnsaved);
  useEffect(() => {
    setUnsaved(dirty ? what : undefined);
  }, [dirty, what, setUnsaved]);
  useEffect(() => () => setUnsaved(undefined), [setUnsaved]);
}

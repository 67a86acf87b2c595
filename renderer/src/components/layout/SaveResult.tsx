/** The outcome of a save or import: a status when it worked, an alert when it did not. */
export interface SaveMessage {
  ok: boolean;
  text: string;
}

/** The message for a save that reports only its failure (`undefined` when it worked). */
export function savedOrFailed(failed: string | undefined): SaveMessage {
  return failed ? { ok: false, text: failed } : { ok: true, text: 'Saved.' };
}

interface Props {
  message: SaveMessage | undefined;
  /** Class of a success; a failure is always `error`. */
  okClassName?: string;
  /** Test id of a success; a failure is always `error`. */
  okTestId?: string;
}

/** Nothing until there is a message. */
export function SaveResult({ message, okClassName = 'ok small', okTestId }: Props) {
  if (!message) return null;
  return (
    <p className={message.ok ? okClassName : 'error'} role={message.ok ? 'status' : 'alert'} data-testid={message.ok ? okTestId : 'error'}>
      {message.text}
    </p>
  );
}

/** "Unsaved changes" and the button that drops them, shown only while a form's draft differs from what is saved. */
export function UnsavedMarks({ dirty, onDiscard, testIdPrefix }: { dirty: boolean; onDiscard(): void; testIdPrefix: string }) {
  if (!dirty) return null;
  return (
    <>
      <span className="badge warn" role="status" data-testid={`${testIdPrefix}-unsaved`}>
        Unsaved changes
      </span>
      <button type="button" onClick={onDiscard} data-testid={`${testIdPrefix}-revert`}>
        Discard changes
      </button>
    </>
  );
}

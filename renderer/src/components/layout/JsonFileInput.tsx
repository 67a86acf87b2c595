/** A labelled picker of one JSON file; cleared after each pick so the same file can be chosen again. */
export function JsonFileInput({ label, testId, disabled, onFile }: { label: string; testId: string; disabled?: boolean; onFile: (file: File) => void }) {
  return (
    <label>
      {label}{' '}
      <input
        type="file"
        accept="application/json,.json"
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
    </label>
  );
}

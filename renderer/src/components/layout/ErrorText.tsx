/** An error in words, announced to screen readers; nothing when there is none. */
export function ErrorText({ message }: { message: string | undefined | null }) {
  if (!message) return null;
  return (
    <p className="error" role="alert" data-testid="error">
      {message}
    </p>
  );
}

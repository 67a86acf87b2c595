/** An error in words, announced to screen readers; nothing when there is none. */
export function ErrorText({ message, className = 'error' }: { message: string | undefined | null; className?: string }) {
  if (!message) return null;
  return (
    <p className={className} role="alert" data-testid="error">
      {message}
    </p>
  );
}

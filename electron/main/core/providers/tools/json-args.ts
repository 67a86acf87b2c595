/**
 * Tool arguments travel as JSON text in OpenAI's format and as an object in
 * Anthropic's and Ollama's. A model can write broken JSON; that reaches the
 * caller as an empty object rather than failing the whole answer.
 */
export function argumentsObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function argumentsText(value: unknown): string {
  return JSON.stringify(typeof value === 'object' && value !== null ? value : {});
}

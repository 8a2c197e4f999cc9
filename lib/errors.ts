/** What went wrong, in words, from anything a `catch` can receive. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

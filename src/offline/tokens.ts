/**
 * Token-like pieces, as the API's text deltas look: a word with its leading space (" distant"),
 * a contraction ("'s"), a run of one punctuation mark ("```", "..."), a run of newlines, or other
 * whitespace. Every character falls in one alternative, so joining the pieces gives back the text.
 */
const PIECE = /[^\S\n]?[\p{L}\p{N}_]+|(?<=\p{L})'\p{L}+|[^\S\n]?([^\s\p{L}\p{N}_])\1*|\n+|[^\S\n]+/gu;

export function splitIntoPieces(text: string): string[] {
  return text.match(PIECE) ?? [];
}

/** The usual rough rule of about four characters a token. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

// Uneven sizes, because the API's input_json_delta chunks are uneven too.
const JSON_CHUNK_SIZES = [11, 7, 16, 9, 13] as const;

/** Cuts JSON into input_json_delta chunks; the API's first chunk is always empty. */
export function jsonChunks(json: string): string[] {
  const chunks = [''];
  for (let at = 0, i = 0; at < json.length; i++) {
    const size = JSON_CHUNK_SIZES[i % JSON_CHUNK_SIZES.length] ?? 8;
    chunks.push(json.slice(at, at + size));
    at += size;
  }
  return chunks;
}

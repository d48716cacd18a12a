import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/**
 * A decoder for a body's content-encoding, or null when it is sent as it is. The client gets
 * the encoded bytes untouched; only the tap's own copy, which it reads events from, is decoded.
 */
export function decoderFor(encoding: string | null): Transform | null {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return createGunzip();
    case 'deflate':
      return createInflate();
    case 'br':
      return createBrotliDecompress();
    default:
      return null;
  }
}

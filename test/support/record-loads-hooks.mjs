// Module hooks (they run on a thread of their own): each loaded URL, one a line.
import { appendFileSync } from 'node:fs';

export async function load(url, context, next) {
  if (process.env.STREAMBOOK_LOADS) appendFileSync(process.env.STREAMBOOK_LOADS, `${url}\n`);
  return next(url, context);
}

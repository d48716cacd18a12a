import type { Plugin } from 'esbuild';

export const OUR_WIDEST_LINE: string;
export function isInksWidestLine(source: string, importer: string | undefined): boolean;
export function inkWidthsPlugin(): Plugin;

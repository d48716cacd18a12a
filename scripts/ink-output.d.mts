import type { Plugin } from 'esbuild';

export const INK_BUILD: string;
export const INK_OUTPUT: string;
export const OUR_OUTPUT: string;
export const INK_LOG_UPDATE: string;
export const INK_WRAP_TEXT: string;
export const REPLACED: Record<string, string>;
export function swapped(source: string, importerDir: string | undefined): string | undefined;
export function inkOutputPlugin(): Plugin;

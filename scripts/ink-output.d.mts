import type { Plugin } from 'esbuild';

export const INK_BUILD: string;
export const INK_OUTPUT: string;
export const OUR_OUTPUT: string;
export const INK_WRAP_TEXT: string;
export const REPLACED: Record<'./output.js' | './wrap-text.js', string>;
export function inkOutputPlugin(): Plugin;

import type { Plugin } from 'esbuild';

export const INK_BUILD: string;
export const INK_OUTPUT: string;
export const OUR_OUTPUT: string;
export function inkOutputPlugin(): Plugin;

// Apart from config.ts so --help can say them without loading the flag checks.
export const DEFAULT_MODEL = 'claude-sonnet-4-6';
export const DEFAULT_MAX_TOKENS = 1000;

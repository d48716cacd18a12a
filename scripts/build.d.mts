export function buildCli(): Promise<void>;
export function buildBench(): Promise<void>;

/** Colour and style codes, the only escapes allowed on screen. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: SGR starts with ESC
export const SGR = /\u001b\[[\d;]*m/g;
/** What could start an escape sequence: ESC, BEL (ends OSC), and the C1 CSI and OSC. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
export const ESCAPE_STARTERS = /[\u001b\u0007\u009b\u009d]/;

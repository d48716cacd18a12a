// C0 controls but tab and newline, DEL, and the C1 range (0x9b is a one-byte CSI on some terminals).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const CONTROLS = new RegExp(CONTROL.source, 'g');

/**
 * Makes untrusted text (the model's, the network's) safe to put on a terminal: every control
 * character that could start an escape sequence (a clipboard write, a hyperlink, a title
 * change, cursor moves) is replaced by a visible stand-in, so the sequence shows as text
 * instead of acting. C0 controls become their Unicode control pictures (ESC shows as ␛).
 */
export function neutralize(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, picture) : text;
}

function picture(char: string): string {
  const code = char.charCodeAt(0);
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `\\x${code.toString(16)}`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
const JSON_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * JSON text made safe for a terminal without changing what it means: JSON.stringify leaves
 * DEL and the C1 controls raw (0x9b starts a control sequence on some terminals), and data
 * that is not JSON may hold anything. Each becomes a \u escape, which a JSON reader reads back
 * as the same character.
 */
export function escapeControlsForJson(text: string): string {
  return text.replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The OSC 52 sequence that asks the terminal to set its clipboard. It travels with the
 * terminal's own output, so it works over SSH; inside tmux, tmux takes it when
 * `set-clipboard` is on. The terminal never answers, so a sender cannot know it worked.
 */
export function osc52(text: string): string {
  return `\u001b]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/** Every key the notebook answers to, for /help and the README. */
export const KEYS: ReadonlyArray<readonly [string, string]> = [
  ['Enter', 'send the prompt (or run a /command)'],
  ['Ctrl+J, Alt+Enter, \\ then Enter', 'new line in the prompt'],
  ['↑ / ↓ (prompt)', 'move between lines; past the edges, recall earlier prompts'],
  ['Esc', 'stop the reply, close help or event JSON, or focus the prompt'],
  ['Ctrl+C', 'stop the reply; again, or twice when idle, quits'],
  ['Ctrl+D', 'quit on an empty prompt; mid-reply or with a draft, twice'],
  ['Ctrl+Z', 'suspend to the shell; fg brings it back'],
  ['Ctrl+T', 'show or hide the timeline pane'],
  ['Tab', 'focus: prompt → conversation → timeline; completes a /command'],
  ['↑ / ↓ (conversation)', 'select a cell; the timeline follows it'],
  ['PgUp / PgDn, Home / End', 'scroll the focused pane'],
  ['Enter (timeline)', "open the selected event's full JSON"],
  ['p / f (timeline)', 'hide pings / fold runs of deltas'],
  ['Ctrl+Y', "copy the selected cell's final message JSON"],
  ['Ctrl+O', 'show or hide thinking'],
];

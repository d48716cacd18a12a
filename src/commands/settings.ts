import { describeSource, type SettingName } from '../config/setting-source.js';
import { shown } from '../config/shown.js';
import { requestParams } from '../engine/turn.js';
import type { SessionState } from '../store/session-state.js';
import { escapeControlsForJson } from '../terminal/neutralize.js';
import type { Command } from './command.js';

export const settingsCommand: Command = {
  name: 'settings',
  summary: 'show the settings, where each came from, and what the next turn sends (Esc closes)',
  run({ session }) {
    return { kind: 'show', view: { title: 'Settings', lines: settingsLines(session.state) } };
  },
};

/**
 * Each setting, where it came from, and the settings part of the next request body, exactly
 * as it will be sent (the conversation goes in `messages`). The API key is never among them.
 */
export function settingsLines(state: SessionState): string[] {
  const { settings } = state;
  const rows: Array<[string, string, SettingName]> = [
    ['model', settings.model, 'model'],
    ['max tokens', String(settings.maxTokens), 'maxTokens'],
    ['system prompt', systemPrompt(settings.system), 'system'],
    [
      'thinking',
      settings.thinkingBudget === undefined ? 'off' : `${settings.thinkingBudget} tokens`,
      'thinkingBudget',
    ],
    [
      'temperature',
      settings.temperature === undefined ? 'API default' : String(settings.temperature),
      'temperature',
    ],
    ['mode', settings.mode === 'helper' ? 'helper (messages.stream)' : 'raw (create, stream: true)', 'mode'],
    ['endpoint', endpoint(state), 'endpoint'],
  ];
  const valueWidth = Math.max(...rows.map(([, value]) => value.length));
  const { messages: _conversation, ...body } = requestParams([], settings);
  const json = escapeControlsForJson(JSON.stringify({ ...body, stream: true }, null, 2));
  return [
    ...rows.map(
      ([label, value, name]) =>
        `  ${label.padEnd(14)}${value.padEnd(valueWidth)}  from ${describeSource(state.settingSources[name])}`,
    ),
    '',
    'The next turn sends (beside messages, the conversation so far):',
    ...json.split('\n').map((line) => `  ${line}`),
  ];
}

function systemPrompt(system: string | undefined): string {
  if (!system) return 'none';
  const chars = [...system].length;
  return `'${shown(system)}' (${chars} char${chars === 1 ? '' : 's'})`;
}

/** Offline, or the live base URL without anything that could be a secret: user, password, query. */
function endpoint(state: SessionState): string {
  if (state.source.offline) return `offline (simulated; scenario ${state.scenario ?? 'chat'})`;
  const { baseURL } = state.source;
  if (baseURL === undefined) return 'live';
  try {
    const url = new URL(baseURL);
    return shown(`${url.protocol}//${url.host}${url.pathname}${url.search ? '?…' : ''}`);
  } catch {
    return 'live';
  }
}

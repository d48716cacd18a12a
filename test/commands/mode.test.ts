import { modeCommand } from '../../src/commands/mode.js';
import { commandCases } from '../support/command-cases.js';

commandCases(modeCommand, [
  {
    does: 'switches to raw events',
    calls: [['raw', { kind: 'settings', change: { mode: 'raw' }, text: 'Mode: raw' }]],
  },
  {
    does: 'names both modes when given another word, or none',
    calls: [
      ['fast', { kind: 'error', text: "/mode must be 'helper' or 'raw', got 'fast'" }],
      ['', { kind: 'error', text: "/mode must be 'helper' or 'raw', got 'missing'" }],
    ],
  },
]);

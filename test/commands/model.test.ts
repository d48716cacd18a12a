import { modelCommand } from '../../src/commands/model.js';
import { commandCases } from '../support/command-cases.js';

commandCases(modelCommand, [
  {
    does: 'uses the named model for the next turns',
    calls: [
      [
        ' claude-opus-4-1 ',
        { kind: 'settings', change: { model: 'claude-opus-4-1' }, text: 'Model: claude-opus-4-1' },
      ],
    ],
  },
  {
    does: 'says which model is in use when given no name',
    calls: [['', { kind: 'error', text: '/model needs a name (now: claude-sonnet-4-6)' }]],
  },
  {
    does: 'refuses a name with a space or a control character',
    calls: [
      [
        'claude\u001b[31m',
        { kind: 'error', text: '/model must be a model name without spaces or control characters' },
      ],
    ],
  },
]);

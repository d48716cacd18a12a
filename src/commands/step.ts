import { type Command, error, toast } from './command.js';

/**
 * Step mode: `/step` arms it, so the next reply (any offline scenario, or a replay) waits
 * before each event; each `/step` after that sends one event, and `/step off` the rest at once.
 */
export const stepCommand: Command = {
  name: 'step',
  args: '[off]',
  summary: 'offline only: the next reply one event per /step (/step off: the rest at once)',
  run({ session }, args) {
    const steps = session.offline?.steps;
    if (!steps)
      return error('/step needs the offline API (answers are live): start with --offline or --replay');
    const arg = args.trim();
    if (arg === 'off') {
      steps.off();
      return toast('Step mode off: the reply goes on at once');
    }
    if (arg) return error(`/step takes nothing or 'off', got '${arg.slice(0, 40)}'`);
    const press = steps.press();
    switch (press.kind) {
      case 'armed':
        return toast('Step mode: send a prompt; its reply waits before each event, /step sends the next');
      case 'sent':
        return toast(
          `Step: event ${press.index} sent (${press.event ?? 'no event name'}); /step for the next`,
        );
      case 'queued':
        return toast('Step: the next event goes as soon as it is ready');
      default: {
        const unreachable: never = press;
        throw new Error(`unknown step ${JSON.stringify(unreachable)}`);
      }
    }
  },
};

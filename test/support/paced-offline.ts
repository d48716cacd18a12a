import { cleanEnv } from './cli.js';
import { PtyScreen } from './pty-screen.js';

/** The notebook, offline, answering with `scenario` at a real reply's pace (so it can be interrupted). */
export function openPacedOffline(scenario: string): Promise<PtyScreen> {
  return PtyScreen.open(['--offline', '--scenario', scenario], {
    env: cleanEnv({ STREAMBOOK_OFFLINE_PACE: 'realistic' }),
  });
}

import { describe, expect, it } from 'vitest';
import { codeRequest } from '../../../src/export/code-request.js';
import { typescriptSnippet } from '../../../src/export/code-typescript.js';
import { cell, openApps, toast } from '../../support/open-apps.js';
import { eventually } from '../harness.js';

describe('the notebook: /code', () => {
  const { afterTurn } = openApps();

  it("/code copies the cell's request as TypeScript by OSC 52, and the toast previews it", async () => {
    const harness = await afterTurn();
    await harness.type('/code');
    const request = codeRequest(cell(harness));
    if (typeof request === 'string') throw new Error(request);
    const written = harness.written.at(-1) ?? '';
    expect(Buffer.from(written.slice('\u001b]52;c;'.length, -1), 'base64').toString('utf8')).toBe(
      typescriptSnippet(request),
    );
    await eventually(() =>
      expect(toast(harness)).toMatch(
        /^Cell 1 as TypeScript \(helper mode, 1 message\), .* \| import Anthropic/,
      ),
    );
  });
});

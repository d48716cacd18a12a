import { describe, expect, it } from 'vitest';
import { CellLineCache } from '../../../src/ui/render/cell-lines.js';
import { body, OPTIONS, textOf } from '../../support/cell-body.js';
import { withColour } from '../../support/colour.js';
import { scenarioCells } from '../../support/scenario-cells.js';
import { plain } from '../harness.js';

describe('cell lines', () => {
  withColour();
  const { cell } = scenarioCells(['overloaded', 'unauthorized', 'dropped']);

  describe('a failed cell', () => {
    it('keeps the partial text and adds ✗ with the one-line error (an error event mid-stream)', () => {
      const failed = cell('overloaded');
      expect(failed.status).toBe('failed');
      const lines = body(failed, { width: 200 });
      const partial = textOf(failed);
      expect(partial.length).toBeGreaterThan(0);
      expect(lines[0]).toBe(partial.trim());
      expect(lines[1]).toBe(`✗ ${failed.error?.message}`);
      expect(lines[1]).toMatch(/^✗ overloaded_error mid-stream: Overloaded \(request-id req_\w+\)$/);
      expect(lines[2]).toMatch(/^failed · TTFT/);
    });

    it('shows an HTTP error with no text', () => {
      const failed = cell('unauthorized');
      const lines = body(failed, { width: 200 });
      expect(lines[0]).toMatch(/^✗ HTTP 401 authentication_error: .* \(request-id req_\w+\)$/);
      expect(lines[1]).toMatch(/^failed · TTFT – · total (\d+ ms|\d+\.\d\d s) · /);
      expect(lines[1]).toMatch(/– tokens · – tok\/s$/);
    });

    it('keeps the partial text of a dropped connection', () => {
      const failed = cell('dropped');
      const lines = body(failed, { width: 200 });
      expect(lines[0]).toBe(textOf(failed).trim());
      expect(lines[1]).toMatch(/^✗ connection dropped/);
    });

    it('shows the error in red', () => {
      const raw = new CellLineCache().lines(cell('overloaded'), OPTIONS);
      const error = raw.find((line) => plain(line).includes('✗'));
      expect(error).toContain('\u001b[31m');
    });
  });
});

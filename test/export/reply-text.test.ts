import { describe, expect, it } from 'vitest';
import { codeBlocks } from '../../src/export/reply-text.js';

describe('the code blocks of a reply', () => {
  it('finds backtick and tilde fences in order, with their language', () => {
    const text = 'Two ways:\n\n```ts\nconst a = 1;\n```\n\nand\n\n~~~\nplain\n  indented\n~~~\n';
    expect(codeBlocks(text)).toEqual([
      { language: 'ts', code: 'const a = 1;' },
      { language: '', code: 'plain\n  indented' },
    ]);
  });

  it('closes a fence only with the same character, at least as long', () => {
    const text = '````md\n```js\nx\n```\n~~~\n````';
    expect(codeBlocks(text)).toEqual([{ language: 'md', code: '```js\nx\n```\n~~~' }]);
  });

  it('takes an indented fence off its lines, and a block never closed runs to the end', () => {
    expect(codeBlocks('  ```py\n  print(1)\n    x\n  ```\n```sh\necho hi')).toEqual([
      { language: 'py', code: 'print(1)\n  x' },
      { language: 'sh', code: 'echo hi' },
    ]);
  });

  it('is not fooled by inline code or four-space indents', () => {
    expect(codeBlocks('use ```a``` inline\n    ```\n    not a fence')).toEqual([]);
  });
});

import { type RefObject, useCallback, useRef, useState } from 'react';
import { EMPTY_PROMPT, editPrompt, type PromptEdit, type PromptEditor } from '../input/prompt-editor.js';

/**
 * The prompt's editor state. Keys that arrive in one read are handled before React renders
 * again, so handlers read the live value from `current`, not the last rendered one.
 */
export function usePromptEditor(): {
  editor: PromptEditor;
  current: RefObject<PromptEditor>;
  edit: (edit: PromptEdit) => void;
} {
  const current = useRef(EMPTY_PROMPT);
  const [editor, setEditor] = useState(EMPTY_PROMPT);
  const edit = useCallback((change: PromptEdit) => {
    current.current = editPrompt(current.current, change);
    setEditor(current.current);
  }, []);
  return { editor, current, edit };
}

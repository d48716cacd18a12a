import { useEffect, useState } from 'react';
import { loadRenderers, markdownRenderer } from '../render/markdown-loader.js';

/**
 * Starts loading the Markdown renderer after the first frame, and renders again once it is here.
 * Whether it has loaded, for the views that lay out Markdown.
 */
export function useRenderers(): boolean {
  const [loaded, setLoaded] = useState(() => markdownRenderer() !== null);
  useEffect(() => {
    let live = true;
    void loadRenderers().then(() => {
      if (live) setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, []);
  return loaded;
}

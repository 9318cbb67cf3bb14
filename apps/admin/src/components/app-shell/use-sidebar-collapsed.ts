'use client';
import { useEffect, useState } from 'react';

/**
 * Below this width (Paste's second breakpoint, 64rem, a tablet in landscape) the sidebar starts collapsed to its
 * icon rail so the page keeps enough room; the user can still expand it.
 */
const NARROW_VIEWPORT = '(max-width: 63.99rem)';

export function useSidebarCollapsed(): [boolean, () => void] {
  const [collapsed, setCollapsed] = useState(false);
  useEffect(() => {
    // Read after hydration: the server cannot know the viewport, and rendering expanded there avoids a mismatch.
    setCollapsed(window.matchMedia(NARROW_VIEWPORT).matches);
  }, []);
  return [collapsed, () => setCollapsed((current) => !current)];
}

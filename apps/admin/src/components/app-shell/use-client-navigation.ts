'use client';
// Paste's sidebar items are plain anchors. Routing their clicks through Next's router keeps navigation client-side
// (React Query's cache survives a page change), while modified clicks (new tab, new window) keep browser behaviour.
import { useRouter } from 'next/navigation';
import { useCallback, type MouseEvent } from 'react';

export function useClientNavigation() {
  const router = useRouter();
  return useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      router.push(event.currentTarget.getAttribute('href') ?? '/');
    },
    [router],
  );
}

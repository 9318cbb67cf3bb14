'use client';
// Paste styles with Emotion. In the App Router, server-rendered HTML streams before Emotion has written its
// styles, so without this registry every page would flash unstyled until hydration. The registry collects the
// styles Emotion inserts while rendering on the server and hands them to Next to put in the HTML head.
import { CacheProvider, createCache } from '@twilio-paste/core/styling-library';
import { useServerInsertedHTML } from 'next/navigation';
import { useState, type ReactNode } from 'react';

type EmotionCache = ReturnType<typeof createCache>;

interface InsertedStyle {
  name: string;
  isGlobal: boolean;
}

function createRegistry() {
  const cache: EmotionCache = createCache({ key: 'paste' });
  // Compat mode stops Emotion from rendering <style> tags inline next to elements on the server, which would
  // break hydration; the styles go through useServerInsertedHTML instead.
  cache.compat = true;
  const insert = cache.insert.bind(cache);
  let pending: InsertedStyle[] = [];
  cache.insert = (...args: Parameters<EmotionCache['insert']>) => {
    const [selector, serialized] = args;
    if (cache.inserted[serialized.name] === undefined) pending.push({ name: serialized.name, isGlobal: !selector });
    return insert(...args);
  };
  const flush = () => {
    const flushed = pending;
    pending = [];
    return flushed;
  };
  return { cache, flush };
}

export function EmotionRegistry({ children }: { children: ReactNode }) {
  const [{ cache, flush }] = useState(createRegistry);

  useServerInsertedHTML(() => {
    const inserted = flush();
    if (inserted.length === 0) return null;
    const globals: { name: string; css: string }[] = [];
    const names: string[] = [];
    let css = '';
    for (const { name, isGlobal } of inserted) {
      const style = cache.inserted[name];
      if (typeof style !== 'string') continue;
      if (isGlobal) globals.push({ name, css: style });
      else {
        names.push(name);
        css += style;
      }
    }
    return (
      <>
        {globals.map((global) => (
          <style key={global.name} data-emotion={`${cache.key}-global ${global.name}`} dangerouslySetInnerHTML={{ __html: global.css }} />
        ))}
        {css !== '' && <style data-emotion={`${cache.key} ${names.join(' ')}`} dangerouslySetInnerHTML={{ __html: css }} />}
      </>
    );
  });

  return <CacheProvider value={cache}>{children}</CacheProvider>;
}

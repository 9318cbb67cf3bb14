/**
 * The navigation path a page belongs to: the exact match for `/`, otherwise the longest matching prefix
 * (`/history/SM…` → `/history`), so detail pages keep their section highlighted.
 */
export function activeNavigationHref(pathname: string, hrefs: readonly string[]): string | undefined {
  return hrefs
    .filter((href) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`)))
    .sort((a, b) => b.length - a.length)[0];
}

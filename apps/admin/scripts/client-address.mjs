// Who the browser is, for the API's per-address sign-in throttle. Next's server keeps an X-Forwarded-For the browser
// sent itself (it only fills the header in when absent), so the proxy route could not tell a forged address from a
// real one. The console's own server therefore writes the header before Next sees it: the address of the peer that
// connected, or, when that peer is a proxy the deployment trusts (ADMIN_TRUST_PROXY), the client address that proxy
// states. The API in turn trusts only the console (its TRUST_PROXY).
import proxyAddr from 'proxy-addr';

/**
 * ADMIN_TRUST_PROXY, read as Express reads its `trust proxy`: unset or `false` = no proxy (the browser connects
 * directly); a hop count; or `loopback`, `uniquelocal`, addresses and subnets, comma-separated. `true` is refused: it
 * would let any browser name any address.
 */
export function trustedProxies(setting) {
  const value = (setting ?? '').trim();
  if (value === '' || value === 'false') return () => false;
  if (value === 'true')
    throw new Error('ADMIN_TRUST_PROXY must name the proxies in front of the console (loopback, a hop count, or addresses/subnets), not true');
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, hop) => hop < hops;
  }
  return proxyAddr.compile(
    value
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean),
  );
}

/** `handler` with the request's X-Forwarded-For replaced by the one client address this server vouches for. */
export function withClientAddress(handler, trust) {
  return (request, response) => {
    request.headers['x-forwarded-for'] = proxyAddr(request, trust);
    return handler(request, response);
  };
}

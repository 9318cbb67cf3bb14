// Reading the sandbox's request log: how many Twilio requests a piece of work made, and how many of them had to
// wait for one another (the critical path).

/**
 * The longest chain of requests each starting after the previous one finished. Requests the API sends in parallel
 * overlap in the log (with injected latency they overlap by tens of ms), so they count once.
 */
export function criticalPath(requests) {
  const ordered = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  const depth = new Map();
  for (const request of ordered) {
    let before = 0;
    for (const other of ordered) {
      if (other.finishedAt !== null && other.finishedAt <= request.startedAt) before = Math.max(before, depth.get(other.id) ?? 0);
    }
    depth.set(request.id, before + 1);
  }
  return Math.max(0, ...depth.values());
}

/** Requests per HTTP status (null = dropped connection). */
export function statusCounts(requests) {
  const counts = {};
  for (const request of requests) counts[request.status ?? 'dropped'] = (counts[request.status ?? 'dropped'] ?? 0) + 1;
  return counts;
}

/** Most Twilio requests in flight at once, from the log's start/finish times. */
export function peakInFlight(requests) {
  const events = [];
  for (const request of requests) {
    events.push([request.startedAt, 1]);
    events.push([request.finishedAt ?? request.startedAt, -1]);
  }
  // At equal times a finish is counted before a start: back-to-back requests do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let peak = 0;
  for (const [, delta] of events) {
    current += delta;
    peak = Math.max(peak, current);
  }
  return peak;
}

/** An OpenAPI path template (`/v1/Services/{ServiceSid}/Sessions/{Sid}`) compiled for matching concrete paths. */
export interface PathTemplate {
  readonly template: string;
  /** Path parameters of the template; a match may only fill them with one non-empty path segment each. */
  readonly parameterCount: number;
  matches(path: string): boolean;
}

const PARAMETER = /\{[^}/]+\}/g;

export function compilePathTemplate(template: string): PathTemplate {
  const literals = template.split(PARAMETER).map(escapeRegExp);
  // `[^/]+` and not `.+`: API 2010 templates end in `{Sid}.json`, and a SID never spans segments.
  const pattern = new RegExp(`^${literals.join('[^/]+')}$`);
  return {
    template,
    parameterCount: literals.length - 1,
    matches: (path) => pattern.test(path),
  };
}

/**
 * The template a concrete path belongs to. When several match (`/TaskQueues/Statistics` also fits
 * `/TaskQueues/{Sid}`), the one with the fewest parameters wins, as literal routes do on Twilio's side.
 */
export function findPathTemplate<T extends PathTemplate>(templates: readonly T[], path: string): T | undefined {
  let best: T | undefined;
  for (const candidate of templates) {
    if (!candidate.matches(path)) continue;
    if (!best || candidate.parameterCount < best.parameterCount) best = candidate;
  }
  return best;
}

function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import type { FieldError } from '../error-body';

// C0 controls and DEL, except tab, LF and CR (a message body may have lines).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// Half of a UTF-16 surrogate pair on its own: no character at all. JSON can carry one (`"\ud800"`); UTF-8 cannot,
// so the database stores U+FFFD instead and the value no longer matches itself (a sign-in's throttle row: a 500).
const LONE_SURROGATE = /\p{Cs}/u;
const FORBIDDEN_ALL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Cs}/gu;

const ALLOWED = '(of the control characters, only tab, CR and LF are allowed)';

/**
 * Every string in `value` (a parsed body, query or path parameter; nested objects, arrays and keys too) that holds a
 * forbidden control character or a lone surrogate, as a field error with its dotted path. `root` names `value`
 * itself when it is a lone parameter (`@Param('id')`).
 */
export function fieldsWithForbiddenCharacters(value: unknown, root?: string): FieldError[] {
  const found: FieldError[] = [];
  const visit = (current: unknown, path: string | undefined, depth: number) => {
    if (typeof current === 'string') {
      const forbidden = forbiddenIn(current);
      if (forbidden) found.push(fieldError(path, `must not contain ${forbidden}`));
      return;
    }
    // Body parsers cap nesting long before this; the bound only keeps a hand-built object from recursing forever.
    if (current === null || typeof current !== 'object' || depth > 32) return;
    for (const [key, child] of Object.entries(current)) {
      const childPath = path ? `${path}.${key}` : key;
      const forbidden = forbiddenIn(key);
      // Reported once, on the object: a path through such a key would carry the character into the answer.
      if (forbidden) found.push(fieldError(path, `must not have keys with ${forbidden}`));
      else visit(child, childPath, depth + 1);
    }
  };
  visit(value, root, 0);
  return found;
}

/** What forbidden characters `text` holds, in words, if any. */
function forbiddenIn(text: string): string | undefined {
  if (CONTROL.test(text)) return `control characters ${ALLOWED}`;
  if (LONE_SURROGATE.test(text)) return 'half of a UTF-16 surrogate pair on its own (not valid Unicode text)';
  return undefined;
}

/**
 * `text` with each forbidden character written out (`\u0000`, `\ud800`): for error details that quote a field name
 * the client sent (an unknown property), which are stored (Idempotency-Key answers) and logged like any answer.
 */
export function escapeForbiddenCharacters(text: string): string {
  return text.replace(FORBIDDEN_ALL, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function fieldError(path: string | undefined, problem: string): FieldError {
  const field = path ?? 'body';
  return { field, message: `${field} ${problem}` };
}

import { escapeForbiddenCharacters, fieldsWithForbiddenCharacters } from './forbidden-characters';

describe('fieldsWithForbiddenCharacters', () => {
  it('lets tab, CR, LF and every printable character through', () => {
    expect(fieldsWithForbiddenCharacters({ messageBody: 'Line one\r\nLine\ttwo — ünïcödé 🙂', taskAttributes: { notes: ['a\nb'] } })).toEqual([]);
  });

  it.each([['\u0000'], ['\u0001'], ['\u0008'], ['\u000b'], ['\u000c'], ['\u001f'], ['\u007f']])(
    'finds %j, with the dotted path of the field',
    (control) => {
      expect(fieldsWithForbiddenCharacters({ a: { b: [`x${control}`] } }).map((error) => error.field)).toEqual(['a.b.0']);
    },
  );

  it('finds them in keys, and names a lone parameter by its name', () => {
    expect(fieldsWithForbiddenCharacters({ attributes: { 'k\u0000': 1 } }).map((error) => error.field)).toEqual(['attributes']);
    expect(fieldsWithForbiddenCharacters('req_\u0000', 'id').map((error) => error.field)).toEqual(['id']);
    expect(fieldsWithForbiddenCharacters(42, 'page')).toEqual([]);
  });

  // Found by the OpenAPI fuzz: JSON carries them (`"\ud800"`), UTF-8 cannot; a sign-in with one answered 500.
  it('finds lone surrogates, in values and keys, and lets surrogate pairs (emoji) through', () => {
    expect(fieldsWithForbiddenCharacters({ toName: 'Ada 🙂', notes: ['𝕏'] })).toEqual([]);
    for (const lone of ['\ud800', 'a\udfffb', '\udc00\ud800', '+1555\ud83d']) {
      expect(fieldsWithForbiddenCharacters({ toName: lone })).toEqual([
        { field: 'toName', message: 'toName must not contain half of a UTF-16 surrogate pair on its own (not valid Unicode text)' },
      ]);
    }
    expect(fieldsWithForbiddenCharacters({ taskAttributes: { '\udc00': 1 } })).toEqual([
      {
        field: 'taskAttributes',
        message: 'taskAttributes must not have keys with half of a UTF-16 surrogate pair on its own (not valid Unicode text)',
      },
    ]);
  });

  it('writes forbidden characters out for an answer that quotes them, and leaves the rest', () => {
    expect(escapeForbiddenCharacters('x\u0000y\ud800z 🙂\t')).toBe('x\\u0000y\\ud800z 🙂\t');
  });
});

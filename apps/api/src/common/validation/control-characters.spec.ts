import { fieldsWithControlCharacters } from './control-characters';

describe('fieldsWithControlCharacters', () => {
  it('lets tab, CR, LF and every printable character through', () => {
    expect(fieldsWithControlCharacters({ messageBody: 'Line one\r\nLine\ttwo — ünïcödé 🙂', taskAttributes: { notes: ['a\nb'] } })).toEqual([]);
  });

  it.each([['\u0000'], ['\u0001'], ['\u0008'], ['\u000b'], ['\u000c'], ['\u001f'], ['\u007f']])('finds %j, with the dotted path of the field', (control) => {
    expect(fieldsWithControlCharacters({ a: { b: [`x${control}`] } }).map((error) => error.field)).toEqual(['a.b.0']);
  });

  it('finds them in keys, and names a lone parameter by its name', () => {
    expect(fieldsWithControlCharacters({ attributes: { 'k\u0000': 1 } }).map((error) => error.field)).toEqual(['attributes']);
    expect(fieldsWithControlCharacters('req_\u0000', 'id').map((error) => error.field)).toEqual(['id']);
    expect(fieldsWithControlCharacters(42, 'page')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { formText } from './form-text.ts';

describe('formText', () => {
  it('reads a text field, and gives an empty text for a missing field or a file', () => {
    const data = new FormData();
    data.set('title', 'Sitzung');
    data.set('upload', new Blob(['x']), 'a.csv');
    expect(formText(data, 'title')).toBe('Sitzung');
    expect(formText(data, 'missing')).toBe('');
    expect(formText(data, 'upload')).toBe('');
  });
});

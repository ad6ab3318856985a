import { INCIDENT_ATTACHMENT_MAX_BYTES } from '@tryg/shared';
import { attachmentProblem, fileSizeParts } from './attachment-rules';

describe(attachmentProblem.name, () => {
  it('accepts photos, screenshots and PDFs up to 10 MB', () => {
    expect(attachmentProblem({ name: 'a.png', size: 2_000, type: 'image/png' })).toBeNull();
    expect(
      attachmentProblem({ name: 'scan.pdf', size: INCIDENT_ATTACHMENT_MAX_BYTES, type: 'application/pdf' }),
    ).toBeNull();
  });

  it('refuses a file one byte over 10 MB, and an empty file', () => {
    expect(attachmentProblem({ name: 'big.jpg', size: INCIDENT_ATTACHMENT_MAX_BYTES + 1, type: 'image/jpeg' })).toBe(
      'tooLarge',
    );
    expect(attachmentProblem({ name: 'empty.jpg', size: 0, type: 'image/jpeg' })).toBe('empty');
  });

  it('refuses other types, whatever the name says', () => {
    expect(attachmentProblem({ name: 'notes.txt', size: 10, type: 'text/plain' })).toBe('wrongType');
    expect(attachmentProblem({ name: 'photo.jpg', size: 10, type: 'application/zip' })).toBe('wrongType');
  });

  it('decides by the name only when the browser does not know the type (often HEIC photos)', () => {
    expect(attachmentProblem({ name: 'IMG_0001.HEIC', size: 10, type: '' })).toBeNull();
    expect(attachmentProblem({ name: 'archive.zip', size: 10, type: 'application/octet-stream' })).toBe('wrongType');
  });
});

describe(fileSizeParts.name, () => {
  it('gives kB below a megabyte and MB with one decimal above', () => {
    expect(fileSizeParts(300)).toEqual({ value: 1, unit: 'kB' });
    expect(fileSizeParts(150 * 1024)).toEqual({ value: 150, unit: 'kB' });
    expect(fileSizeParts(1.25 * 1024 * 1024)).toEqual({ value: 1.3, unit: 'MB' });
  });
});

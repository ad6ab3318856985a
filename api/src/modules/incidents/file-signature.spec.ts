import { detectAttachmentType } from './file-signature';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))));

describe(detectAttachmentType.name, () => {
  it.each([
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xdb], 'rest')],
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest')],
    ['image/gif', bytes('GIF89a', 'rest')],
    ['image/webp', bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 ')],
    ['image/heic', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0])],
    ['application/pdf', bytes('%PDF-1.7\n')],
  ])('recognises %s by its first bytes', (type, content) => {
    expect(detectAttachmentType(content)).toBe(type);
  });

  it.each([
    ['text', bytes('hello')],
    ['HTML', bytes('<!doctype html>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a RIFF that is not WebP (WAV)', bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt ')],
    ['an MP4 (ftyp, other brand)', bytes([0, 0, 0, 0x18], 'ftypisom')],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e])],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_name, content) => {
    expect(detectAttachmentType(content)).toBeNull();
  });
});

import { codePointLength, neutraliseBidi, prepareOutgoing, safeHref, segmentText } from './inert-text';

describe('inert text', () => {
  describe(neutraliseBidi.name, () => {
    it('removes every bidi override and isolate (U+202A–U+202E, U+2066–U+2069) and nothing else', () => {
      const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
      for (const control of controls) expect(neutraliseBidi(`invoice${control}fdp.exe`)).toBe('invoicefdp.exe');
      // Ordinary right-to-left text and marks are left alone.
      expect(neutraliseBidi('שלום \u200F abc')).toBe('שלום \u200F abc');
    });
  });

  describe(segmentText.name, () => {
    it('keeps markup as plain text', () => {
      for (const text of [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        'javascript:alert(1)',
        '&lt;b&gt;',
      ])
        expect(segmentText(text)).toEqual([{ kind: 'text', text }]);
    });

    it('links http and https addresses, with sentence punctuation left outside', () => {
      expect(segmentText('Se https://example.org/a?b=1. Og (http://example.org/x)!')).toEqual([
        { kind: 'text', text: 'Se ' },
        { kind: 'link', text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
        { kind: 'text', text: '. Og (' },
        { kind: 'link', text: 'http://example.org/x', href: 'http://example.org/x' },
        { kind: 'text', text: ')!' },
      ]);
    });

    it('keeps balanced brackets inside an address', () => {
      expect(segmentText('https://da.wikipedia.org/wiki/Stalking_(jura)')).toEqual([
        {
          kind: 'link',
          text: 'https://da.wikipedia.org/wiki/Stalking_(jura)',
          href: 'https://da.wikipedia.org/wiki/Stalking_(jura)',
        },
      ]);
    });

    it('never links other schemes, user@host tricks or look-alike host names', () => {
      for (const text of [
        'javascript:alert(1)',
        'JaVaScRiPt://%0aalert(1)',
        'data:text/html,<script>alert(1)</script>',
        'ftp://example.org/file',
        'https://bank.dk@example.org/login',
        'https://exаmple.org/',
        'xhttps://example.org',
      ]) {
        expect(segmentText(text).filter((s) => s.kind === 'link')).toEqual([]);
        expect(
          segmentText(text)
            .map((s) => s.text)
            .join(''),
        ).toBe(text);
      }
    });

    it('removes bidi controls before finding links, so an address cannot be shown reversed', () => {
      const segments = segmentText('se \u202Ehttps://example.org/gpj.exe\u202C her');
      expect(segments.map((s) => s.text).join('')).toBe('se https://example.org/gpj.exe her');
      expect(segments.some((s) => /[\u202A-\u202E\u2066-\u2069]/.test(s.text))).toBe(false);
    });
  });

  it('accepts only http(s) hrefs', () => {
    expect(safeHref('https://example.org')).toBe('https://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });

  it('counts Unicode code points after trimming, as the server does', () => {
    expect(codePointLength('  hej  ')).toBe(3);
    expect(codePointLength('😀😀')).toBe(2);
    expect('😀😀'.length).toBe(4);
    expect(codePointLength(' \n\t ')).toBe(0);
  });

  it('drops invisible control characters the server refuses, keeping newlines and tabs', () => {
    expect(prepareOutgoing('  a\u0007b\nc\td\u0000 ')).toBe('ab\nc\td');
  });
});

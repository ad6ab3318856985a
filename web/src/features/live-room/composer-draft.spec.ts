import { EMPTY_DRAFT, putBack } from './composer-draft';

describe(putBack.name, () => {
  it('puts an unsent message back into an empty composer, with its content warning', () => {
    expect(putBack(EMPTY_DRAFT, { body: 'Han bor på Vestergade 4', contentWarning: null })).toEqual({
      ...EMPTY_DRAFT,
      body: 'Han bor på Vestergade 4',
    });
    expect(putBack(EMPTY_DRAFT, { body: 'Svært', contentWarning: 'vold' })).toEqual({
      body: 'Svært',
      warningOpen: true,
      warning: 'vold',
    });
  });

  it('keeps what was written meanwhile, after the message that comes back', () => {
    expect(putBack({ ...EMPTY_DRAFT, body: 'og så' }, { body: 'Først', contentWarning: null }).body).toBe(
      'Først\nog så',
    );
  });
});

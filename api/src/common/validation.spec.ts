import { UpdateMeDto } from '@tryg/shared';
import { DomainError } from './domain-error';
import { createValidationPipe } from './validation';

describe(createValidationPipe.name, () => {
  const pipe = createValidationPipe();

  it('refuses a __proto__ or constructor field by name, in a body or a query, which the object mapping would drop silently', async () => {
    for (const [value, type] of [
      [JSON.parse('{"constructor":"x"}'), 'query'],
      [JSON.parse('{"locale":"da","constructor":{"prototype":{"isAdmin":true}}}'), 'body'],
      [JSON.parse('{"__proto__":{"locale":"en"}}'), 'body'],
    ] as const) {
      const refusal = await pipe.transform(value, { type, metatype: UpdateMeDto }).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(DomainError);
      expect((refusal as DomainError).details?.[0]?.message).toMatch(/^unknown field (__proto__|constructor)$/);
    }
    await expect(pipe.transform({ locale: 'da' }, { type: 'body', metatype: UpdateMeDto })).resolves.toEqual({ locale: 'da' });
  });
});

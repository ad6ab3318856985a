import type { AppConfig } from '../../config/app-config';
import { DataCrypto } from '../../common/data-crypto.service';
import { MessageSealing, SealedFieldCache } from './message-sealing';

describe(SealedFieldCache.name, () => {
  const sealing = new MessageSealing(new DataCrypto({ dataKey: Buffer.alloc(32, 3) } as AppConfig));

  it('opens a sealed field once, however many views read it', () => {
    const sealed = sealing.seal('body', 'Hej med jer', 'm1', 'g1');
    const open = jest.spyOn(sealing, 'open');
    const sut = new SealedFieldCache(sealing);
    expect(sut.open('body', sealed, 'm1', 'g1')).toBe('Hej med jer');
    expect(sut.open('body', sealed, 'm1', 'g1')).toBe('Hej med jer');
    expect(open).toHaveBeenCalledTimes(1);
    open.mockRestore();
  });

  it('does not decrypt text it was told, and never invents text for an empty field', () => {
    const open = jest.spyOn(sealing, 'open');
    const sut = new SealedFieldCache(sealing);
    sut.know('body', 'm2', 'Netop skrevet');
    expect(sut.open('body', 'v1.x.y', 'm2', 'g1')).toBe('Netop skrevet');
    expect(sut.open('content_warning', null, 'm2', 'g1')).toBeNull();
    expect(open).not.toHaveBeenCalled();
    open.mockRestore();
  });

  it('still refuses a value sealed for another message', () => {
    const sut = new SealedFieldCache(sealing);
    const foreign = sealing.seal('body', 'Andens tekst', 'other', 'g1');
    expect(sut.open('body', foreign, 'm3', 'g1')).toBeNull();
  });
});

import { ApiError } from '../../lib/api-client';
import { codeProblem, joinErrorKey } from './join-form-rules';

describe(codeProblem.name, () => {
  it('accepts a whole code however it is spaced or cased', () => {
    expect(codeProblem('ABCD-EFGH-JKMN-PQRS-TUVW')).toBeNull();
    expect(codeProblem(' abcd efgh jkmn pqrs tuvw ')).toBeNull();
  });

  it('points out look-alikes, which codes never contain, before the length', () => {
    expect(codeProblem('ABCD-EFGH-JKMN-PQRS-TUV0')).toEqual({ kind: 'foreign', characters: ['0'] });
    expect(codeProblem('oooo')).toEqual({ kind: 'foreign', characters: ['O'] });
  });

  it('says how many characters were typed when the length is wrong', () => {
    expect(codeProblem('ABCD-EFGH')).toEqual({ kind: 'length', length: 8 });
    expect(codeProblem('ABCD-EFGH-JKMN-PQRS-TUVW-X')).toEqual({ kind: 'length', length: 21 });
    expect(codeProblem(' - ')).toEqual({ kind: 'required' });
  });
});

describe(joinErrorKey.name, () => {
  const api = (status: number, code: string, fields: string[] = []) =>
    new ApiError(status, code, 'x', fields.length ? fields.map((field) => ({ field, message: 'm' })) : undefined);

  it('gives every bad code one message, and each known refusal its own', () => {
    expect(joinErrorKey(api(400, 'INVALID_CODE'))).toBe('invalidCode');
    expect(joinErrorKey(api(409, 'LOGIN_TAKEN'))).toBe('loginTaken');
    expect(joinErrorKey(api(409, 'CONFLICT', ['displayName']))).toBe('nameNotAvailable');
    expect(joinErrorKey(api(400, 'VALIDATION', ['displayName']))).toBe('nameRules');
    expect(joinErrorKey(api(400, 'VALIDATION', ['password']))).toBe('passwordIsLogin');
    expect(joinErrorKey(api(429, 'RATE_LIMITED'))).toBe('tooManyTries');
    expect(joinErrorKey(api(403, 'FORBIDDEN'))).toBe('staff');
  });

  it('leaves everything else to the generic messages', () => {
    expect(joinErrorKey(api(409, 'CONFLICT'))).toBeNull();
    expect(joinErrorKey(api(400, 'VALIDATION', ['login']))).toBeNull();
    expect(joinErrorKey(api(500, 'INTERNAL'))).toBeNull();
    expect(joinErrorKey(new Error('boom'))).toBeNull();
  });
});

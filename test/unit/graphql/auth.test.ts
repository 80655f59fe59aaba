import { authChecker, roleFromHeader } from '../../../src/graphql/auth';

describe('auth', () => {
  it('maps bearer keys to roles', () => {
    expect(roleFromHeader(undefined, ['w'], ['r'])).toBe('anonymous');
    expect(roleFromHeader('Bearer w', ['w'], ['r'])).toBe('writer');
    expect(roleFromHeader('bearer r', ['w'], ['r'])).toBe('reader');
    expect(roleFromHeader('Bearer wrong', ['w'], ['r'])).toBe('anonymous');
    expect(roleFromHeader('Basic w', ['w'], ['r'])).toBe('anonymous');
    expect(roleFromHeader('Bearer w', [], [])).toBe('anonymous');
  });

  it('answers UNAUTHENTICATED for anonymous callers and FORBIDDEN for readers', () => {
    const check = (role: string, presentedKey: boolean) => () =>
      authChecker({ context: { role, presentedKey } } as never, ['writer']);
    expect(check('writer', true)()).toBe(true);
    expect(check('anonymous', false)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(check('anonymous', true)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(check('reader', true)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });
});

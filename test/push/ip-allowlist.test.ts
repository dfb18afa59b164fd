import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/domain/errors.js';
import { createIpAllowlist } from '../../src/push/ip-allowlist.js';

describe('IP allowlist', () => {
  const list = createIpAllowlist(['10.0.4.20', '192.168.10.0/24', 'fd00::/8', ' 172.16.0.1 ']);

  it.each([
    ['10.0.4.20', true],
    ['10.0.4.21', false],
    ['192.168.10.0', true],
    ['192.168.10.255', true],
    ['192.168.11.1', false],
    ['172.16.0.1', true],
    ['fd12::1', true],
    ['fe80::1', false],
    // Dual-stack sockets report IPv4 peers in their IPv6-mapped form.
    ['::ffff:10.0.4.20', true],
    ['::ffff:192.168.10.77', true],
    ['::FFFF:192.168.11.1', false],
    ['', false],
    ['not-an-ip', false],
    [undefined, false],
  ])('%s allowed: %s', (address, expected) => {
    expect(list.allows(address)).toBe(expected);
  });

  it('accepts rules written in the IPv6-mapped form', () => {
    const mapped = createIpAllowlist(['::ffff:10.1.0.0/112', '::ffff:127.0.0.1']);
    expect(mapped.allows('10.1.200.3')).toBe(true);
    expect(mapped.allows('10.2.0.1')).toBe(false);
    expect(mapped.allows('127.0.0.1')).toBe(true);
  });

  it.each(['10.0.0.0/33', '10.0.0/8', 'example.org', '10.0.0.0/8/1', '::/129', '10.0.0.0/x'])(
    'refuses the rule %s with a configuration error naming it',
    (rule) => {
      expect(() => createIpAllowlist([rule])).toThrow(ConfigurationError);
      expect(() => createIpAllowlist([rule])).toThrow(rule);
    },
  );
});

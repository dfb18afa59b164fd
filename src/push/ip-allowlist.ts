import { BlockList, isIP } from 'node:net';
import { ConfigurationError } from '../domain/errors.js';
import { SETTINGS_EN, type SettingsWords } from '../config/words/settings-words.js';

/**
 * Which source addresses may push events: single addresses and CIDR ranges, IPv4 and IPv6.
 * An IPv4 rule also matches the IPv6-mapped form (`::ffff:10.0.0.5`) a dual-stack socket reports.
 */
export interface IpAllowlist {
  readonly rules: readonly string[];
  allows(address: string | undefined): boolean;
}

const MAPPED_IPV4 = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

function plainAddress(address: string): string {
  const mapped = MAPPED_IPV4.exec(address);
  return mapped?.[1] ?? address;
}

function invalidRule(rule: string, why: string, w: SettingsWords): ConfigurationError {
  return new ConfigurationError(w.ipRule(rule, why), { code: 'WEBHOOK_ALLOWED_IPS_INVALID', hint: w.ipRuleHint });
}

/** Parses `10.0.4.20`, `192.168.10.0/24`, `fd00::/8`, `::ffff:10.0.0.1`. Throws ConfigurationError on nonsense. */
export function createIpAllowlist(rules: readonly string[], w: SettingsWords = SETTINGS_EN): IpAllowlist {
  const list = new BlockList();
  const cleaned = rules.map((rule) => rule.trim()).filter((rule) => rule.length > 0);
  for (const rule of cleaned) {
    const [addressPart, prefixPart, extra] = rule.split('/');
    if (addressPart === undefined || extra !== undefined) throw invalidRule(rule, w.ipShape, w);
    const address = plainAddress(addressPart);
    const family = isIP(address);
    if (family === 0) throw invalidRule(rule, w.ipNotAddress, w);
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefixPart === undefined) {
      list.addAddress(address, type);
      continue;
    }
    if (!/^\d{1,3}$/.test(prefixPart)) throw invalidRule(rule, w.ipPrefixNotNumber, w);
    let prefix = Number(prefixPart);
    // `::ffff:10.0.0.0/104` written against the mapped form: convert to the IPv4 prefix.
    if (address !== addressPart && family === 4) prefix -= 96;
    const max = family === 4 ? 32 : 128;
    if (prefix < 0 || prefix > max) throw invalidRule(rule, w.ipPrefixRange(max), w);
    list.addSubnet(address, prefix, type);
  }
  return {
    rules: cleaned,
    allows(address) {
      if (address === undefined || address === '') return false;
      const plain = plainAddress(address);
      const family = isIP(plain);
      if (family === 0) return false;
      return list.check(plain, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}

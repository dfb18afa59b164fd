import { redactText } from '../logging/redact.js';
import { HikCentralError } from './errors.js';

/** Artemis `code` values the client understands (lower case; the platform mixes cases). */
export const ARTEMIS_CODES = {
  success: '0',
  appKeyMissing: '0x02401000',
  appKeyUnknown: '0x02401001',
  signatureMissing: '0x02401002',
  signatureInvalid: '0x02401003',
  userNotAuthorised: '0x02401010',
  plainHttpRefused: '0x0240103c',
  appKeyUnknownAlt: '0x02401642',
  missingParameter: '0x00072001',
} as const;

export interface ArtemisFailureContext {
  readonly path: string;
  readonly appKey: string;
  /** What we signed, to tell the operator whether the platform expected the same thing. */
  readonly ourStringToSign?: string;
}

const HEADER_LINE = /^([a-z0-9-]+):/;

/**
 * A string-to-sign reduced to its shape: header lines keep only their name, the resource keeps
 * only the path and parameter names. It names no app key, nonce, timestamp or parameter value.
 */
export function stringToSignStructure(stringToSign: string): string[] {
  const lines = stringToSign.split('\n');
  return lines.map((line, index) => {
    if (index === 0) return line;
    if (index === lines.length - 1) {
      const [path, params] = line.split('?', 2);
      if (params === undefined) return path ?? '';
      const keys = params.split('&').map((pair) => pair.split('=', 1)[0] ?? '');
      return `${path ?? ''}?${keys.join('&')}`;
    }
    const header = HEADER_LINE.exec(line);
    if (header) return `${header[1] ?? ''}:…`;
    // Accept / Content-MD5 / Content-Type / Date values: nothing secret, useful to compare.
    return line;
  });
}

/** Pulls the echoed string-to-sign out of a 0x02401003 message; null when there is none. */
export function extractEchoedStringToSign(message: string): string | null {
  const start = /(?:^|[^A-Z])(GET|POST|PUT|DELETE|PATCH|HEAD)\n/.exec(message);
  if (!start) return null;
  const from = start.index + start[0].indexOf(start[1] ?? '');
  let echoed = message.slice(from);
  // Trim whatever wrapper the platform puts around it (`]`, quotes, a trailing sentence).
  const resourceLine = /\n(\/[^\s\]"'`]*)/g;
  let lastEnd = -1;
  for (let m = resourceLine.exec(echoed); m; m = resourceLine.exec(echoed)) lastEnd = m.index + m[0].length;
  if (lastEnd > 0) echoed = echoed.slice(0, lastEnd);
  return echoed;
}

function describeSignatureMismatch(platformMessage: string, ourStringToSign: string | undefined): string {
  const echoed = extractEchoedStringToSign(platformMessage);
  if (echoed === null) return 'the platform did not echo its string-to-sign';
  const theirs = stringToSignStructure(echoed);
  if (ourStringToSign === undefined) return `platform's string-to-sign has the shape [${theirs.join(' | ')}]`;
  if (echoed === ourStringToSign) {
    return 'the platform computed the same string-to-sign as we did, so the secret itself differs';
  }
  const ours = stringToSignStructure(ourStringToSign);
  const differing: string[] = [];
  for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
    if (ours[i] !== theirs[i]) differing.push(`line ${i + 1}: ours ${ours[i] ?? '(none)'} vs platform ${theirs[i] ?? '(none)'}`);
  }
  if (differing.length === 0) {
    return 'the platform expected a string-to-sign of the same shape but different header values (a proxy rewriting x-ca-* headers, or a clock far off)';
  }
  return `the platform expected a differently shaped string-to-sign (${differing.join('; ')}) — something between us and the platform changes the request`;
}

/**
 * The platform's message made safe to log: never the raw echoed string-to-sign (it carries the
 * app key), never a registered secret, and the app key replaced wherever else it appears.
 */
export function safePlatformMessage(code: string, message: string, context: ArtemisFailureContext): string {
  let safe = message;
  if (code.toLowerCase() === ARTEMIS_CODES.signatureInvalid) {
    const echoed = extractEchoedStringToSign(message);
    const cut = echoed === null ? -1 : message.indexOf(echoed);
    const prefix = (cut >= 0 ? message.slice(0, cut) : message).replace(/[\s:[("'`]+$/, '');
    safe = `${prefix} (${describeSignatureMismatch(message, context.ourStringToSign)})`;
  }
  if (context.appKey.length > 0) safe = safe.split(context.appKey).join('[app-key]');
  return redactText(safe);
}

/** Maps a non-"0" Artemis code to the typed error a caller acts on. */
export function errorForArtemisCode(code: string, platformMessage: string, context: ArtemisFailureContext): HikCentralError {
  const normalised = code.toLowerCase();
  const safe = safePlatformMessage(code, platformMessage, context);
  const base = { artemisCode: code, path: context.path };
  const message = `HikCentral refused ${context.path}: ${code} ${safe}`.trim();
  switch (normalised) {
    case ARTEMIS_CODES.signatureInvalid:
      return new HikCentralError(message, {
        ...base,
        reason: 'signature-invalid',
        hint: 'Check HIK_SECRET: the platform rejected the signature. HIK_APP_KEY and HIK_SECRET must be the pair shown for the same partner app in HikCentral (System > Open API).',
      });
    case ARTEMIS_CODES.signatureMissing:
      return new HikCentralError(message, {
        ...base,
        reason: 'signature-missing',
        hint: 'The platform saw no signature headers: check that no proxy between this service and HIKVISION_HOST strips x-ca-* headers.',
      });
    case ARTEMIS_CODES.appKeyMissing:
      return new HikCentralError(message, {
        ...base,
        reason: 'app-key-missing',
        hint: 'Check HIK_APP_KEY: the platform received no app key.',
      });
    case ARTEMIS_CODES.appKeyUnknown:
    case ARTEMIS_CODES.appKeyUnknownAlt:
      return new HikCentralError(message, {
        ...base,
        reason: 'app-key-unknown',
        hint: 'Check HIK_APP_KEY: the platform does not know this app key (copy it from the partner app in HikCentral, System > Open API).',
      });
    case ARTEMIS_CODES.userNotAuthorised:
      return new HikCentralError(message, {
        ...base,
        reason: 'user-not-authorised',
        hint: 'Set HIK_USER_ID to a HikCentral user allowed to use this API (this platform requires the userId header), or grant that user the permission.',
      });
    case ARTEMIS_CODES.plainHttpRefused:
      return new HikCentralError(message, {
        ...base,
        reason: 'plain-http-refused',
        hint: 'The platform only accepts HTTPS: use an https:// address in HIKVISION_HOST.',
      });
    case ARTEMIS_CODES.missingParameter:
      return new HikCentralError(message, {
        ...base,
        reason: 'missing-parameter',
        hint: 'This platform version requires a parameter the request did not carry (door events: configure event codes so each query names an eventType).',
      });
    default:
      // Unknown codes are treated as retryable: losing a punch is worse than retrying a permanent
      // failure, which the caller's back-off and alerting surface anyway.
      return new HikCentralError(message, {
        ...base,
        reason: 'platform-error',
        hint: 'The platform answered with an error code this client does not know; it will be retried. If it persists, look the code up in the HikCentral OpenAPI documentation.',
      });
  }
}

import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';

/** A push body that could not be read, with the HTTP status to answer. */
export class PushBodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

const EVENT_LOG_LIMIT = 64 * 1024;

/**
 * Reads the `event_log` part of a terminal's multipart/form-data push (as a field or as a
 * file part, both are seen in the field). Other parts — the face picture — are read past and
 * dropped: never stored. The whole body is limited to `bodyLimitBytes`.
 */
export function readEventLogPart(headers: IncomingHttpHeaders, body: Readable, bodyLimitBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers, limits: { fileSize: bodyLimitBytes, fieldSize: EVENT_LOG_LIMIT, parts: 20 } });
    } catch (error) {
      reject(new PushBodyError(400, `not a readable multipart body: ${(error as Error).message}`));
      return;
    }
    let eventLog: string | null = null;
    let size = 0;
    let failed = false;
    const fail = (error: PushBodyError) => {
      if (failed) return;
      failed = true;
      body.unpipe(parser);
      body.resume();
      reject(error);
    };
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > bodyLimitBytes) fail(new PushBodyError(413, `body larger than ${bodyLimitBytes} bytes`));
    });
    parser.on('field', (name, value, info) => {
      if (name === 'event_log') {
        if (info.valueTruncated) fail(new PushBodyError(413, 'event_log part too large'));
        eventLog = value;
      }
    });
    parser.on('file', (name, stream) => {
      if (name !== 'event_log') {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let partSize = 0;
      stream.on('data', (chunk: Buffer) => {
        partSize += chunk.length;
        if (partSize > EVENT_LOG_LIMIT) fail(new PushBodyError(413, 'event_log part too large'));
        else chunks.push(chunk);
      });
      stream.on('end', () => {
        eventLog = Buffer.concat(chunks).toString('utf8');
      });
    });
    parser.on('error', (error: Error) => fail(new PushBodyError(400, `malformed multipart body: ${error.message}`)));
    parser.on('close', () => {
      if (failed) return;
      if (eventLog === null) fail(new PushBodyError(400, 'the multipart body has no event_log part'));
      else resolve(eventLog);
    });
    body.pipe(parser);
  });
}

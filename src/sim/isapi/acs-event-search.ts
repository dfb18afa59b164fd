import { z } from 'zod';
import { DateTime } from 'luxon';
import type { TerminalEvent, TerminalState } from './terminal-state.js';

const condSchema = z.object({
  AcsEventCond: z.object({
    searchID: z.string().min(1),
    searchResultPosition: z.number().int().min(0),
    maxResults: z.number().int().min(1),
    major: z.number().int().min(0),
    minor: z.number().int().min(0).default(0),
    startTime: z.string().optional(),
    endTime: z.string().optional(),
    beginSerialNo: z.number().int().optional(),
    endSerialNo: z.number().int().optional(),
  }),
});

export type SearchAnswer = { readonly status: number; readonly body: unknown };

function parseDeviceTime(text: string | undefined): number | null {
  if (text === undefined) return null;
  const parsed = DateTime.fromISO(text, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : Number.NaN;
}

export const badContent = (subStatusCode: string, errorMsg: string) => ({
  statusCode: 6,
  statusString: 'Invalid Content',
  subStatusCode,
  errorCode: 1610612737,
  errorMsg,
});

/**
 * `POST /ISAPI/AccessControl/AcsEvent?format=json` with the firmware's quirks: `major` is
 * required (400 without it), `maxResults` is cut to the capability (30), results ascend by
 * serialNo, and a searchID keeps the result list it was first given — re-using one for a
 * different condition pages through the old list.
 */
export class AcsEventSearch {
  private readonly searches = new Map<string, TerminalEvent[]>();

  constructor(private readonly state: TerminalState) {}

  answer(body: unknown): SearchAnswer {
    const parsed = condSchema.safeParse(body);
    if (!parsed.success)
      return { status: 400, body: badContent('badParameters', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')) };
    const cond = parsed.data.AcsEventCond;
    const startMs = parseDeviceTime(cond.startTime);
    const endMs = parseDeviceTime(cond.endTime);
    if (Number.isNaN(startMs) || Number.isNaN(endMs))
      return { status: 400, body: badContent('badParameters', 'startTime/endTime must be ISO 8601 with an offset') };
    let list = this.searches.get(cond.searchID);
    if (list === undefined) {
      list = this.state.buffer().filter((event) => {
        const at = this.state.deviceTimeOf(event);
        return (
          (cond.major === 0 || event.major === cond.major) &&
          (cond.minor === 0 || event.minor === cond.minor) &&
          (startMs === null || at >= startMs) &&
          (endMs === null || at <= endMs) &&
          (cond.beginSerialNo === undefined || event.serialNo >= cond.beginSerialNo) &&
          (cond.endSerialNo === undefined || event.serialNo <= cond.endSerialNo)
        );
      });
      this.searches.set(cond.searchID, list);
      // The terminal keeps a few search contexts only.
      if (this.searches.size > 32) this.searches.delete(this.searches.keys().next().value!);
    }
    const pageSize = Math.min(cond.maxResults, this.state.maxResults);
    const page = list.slice(cond.searchResultPosition, cond.searchResultPosition + pageSize);
    const more = cond.searchResultPosition + page.length < list.length;
    const responseStatusStrg = list.length === 0 || page.length === 0 ? 'NO MATCH' : more ? 'MORE' : 'OK';
    return {
      status: 200,
      body: {
        AcsEvent: {
          searchID: cond.searchID,
          responseStatusStrg,
          numOfMatches: page.length,
          totalMatches: list.length,
          ...(page.length > 0 ? { InfoList: page.map((event) => this.record(event)) } : {}),
        },
      },
    };
  }

  /** One InfoList record: fields a door event lacks are absent, not empty. */
  record(event: TerminalEvent): Record<string, unknown> {
    return {
      major: event.major,
      minor: event.minor,
      time: this.state.formatTime(this.state.deviceTimeOf(event)),
      ...(event.cardNo !== null ? { cardNo: event.cardNo, cardType: 1 } : {}),
      ...(event.name !== null ? { name: event.name } : {}),
      ...(event.cardReaderNo !== null ? { cardReaderNo: event.cardReaderNo, cardReaderKind: 1 } : {}),
      ...(event.doorNo !== null ? { doorNo: event.doorNo } : {}),
      ...(event.verifyMode !== null ? { currentVerifyMode: event.verifyMode } : {}),
      serialNo: event.serialNo,
      ...(event.employeeNo !== null ? { employeeNoString: event.employeeNo, userType: 'normal' } : {}),
      ...(event.attendanceStatus !== null ? { attendanceStatus: event.attendanceStatus, label: event.attendanceStatus } : {}),
      type: 0,
      mask: 'unknown',
      ...(event.employeeNo !== null && event.minor === 0x4b ? { pictureURL: `/LOCALS/pic/acsLinkCap/${event.serialNo}.jpeg@WEB000000000001` } : {}),
    };
  }
}

import type { SimDoor, TimeClockReader } from './types.js';

/**
 * The generated site: two time-clock readers (as at the real site, "Facial Entrada" and
 * "Facial Salida", each on its own turnstile door) and doors that are not time clocks but get
 * most of the traffic.
 */
export const TIME_CLOCK_ENTRY = { readerIndexCode: '101', readerName: 'Facial Entrada', doorIndexCode: '1', doorName: 'Molinete Reloj Entrada' } as const;
export const TIME_CLOCK_EXIT = { readerIndexCode: '201', readerName: 'Facial Salida', doorIndexCode: '2', doorName: 'Molinete Reloj Salida' } as const;

export const SITE_DOORS: readonly SimDoor[] = [
  {
    doorIndexCode: TIME_CLOCK_ENTRY.doorIndexCode,
    doorName: TIME_CLOCK_ENTRY.doorName,
    readers: [{ readerIndexCode: TIME_CLOCK_ENTRY.readerIndexCode, readerName: TIME_CLOCK_ENTRY.readerName }],
  },
  {
    doorIndexCode: TIME_CLOCK_EXIT.doorIndexCode,
    doorName: TIME_CLOCK_EXIT.doorName,
    readers: [{ readerIndexCode: TIME_CLOCK_EXIT.readerIndexCode, readerName: TIME_CLOCK_EXIT.readerName }],
  },
  {
    doorIndexCode: '3',
    doorName: 'Comedor',
    readers: [
      { readerIndexCode: '301', readerName: 'Comedor Lector Entrada' },
      { readerIndexCode: '302', readerName: 'Comedor Lector Salida' },
    ],
  },
  { doorIndexCode: '4', doorName: 'Filtro Sanitario', readers: [{ readerIndexCode: '401', readerName: 'Filtro Sanitario Lector' }] },
  {
    doorIndexCode: '5',
    doorName: 'Oficinas Administración',
    readers: [
      { readerIndexCode: '501', readerName: 'Oficinas Lector 1' },
      { readerIndexCode: '502', readerName: 'Oficinas Lector 2' },
    ],
  },
  { doorIndexCode: '6', doorName: 'Depósito', readers: [{ readerIndexCode: '601', readerName: 'Depósito Lector' }] },
  { doorIndexCode: '7', doorName: 'Vestuarios', readers: [{ readerIndexCode: '701', readerName: 'Vestuarios Lector' }] },
];

export const TIME_CLOCK_READERS: readonly TimeClockReader[] = [
  { ...TIME_CLOCK_ENTRY, direction: 'in' },
  { ...TIME_CLOCK_EXIT, direction: 'out' },
];

/**
 * The attendance status each device stamps on its events. The time clocks say check-in (1) /
 * check-out (2); the canteen readers are set to break-out (3) / break-in (4), a trap for a
 * middleware that takes any device status as a clock direction; the rest say unknown (0).
 */
export const DEVICE_ATTENDANCE_STATUS: Readonly<Record<string, number>> = {
  '101': 1,
  '201': 2,
  '301': 3,
  '302': 4,
};

export interface ReaderLocation {
  readonly doorIndexCode: string;
  readonly readerIndexCode: string;
}

/** Readers of doors that are not time clocks. */
export const NON_TIME_CLOCK_READERS: readonly ReaderLocation[] = SITE_DOORS.flatMap((door) =>
  door.readers
    .filter((reader) => !TIME_CLOCK_READERS.some((clock) => clock.readerIndexCode === reader.readerIndexCode))
    .map((reader) => ({ doorIndexCode: door.doorIndexCode, readerIndexCode: reader.readerIndexCode })),
);

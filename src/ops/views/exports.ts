import { DateTime } from 'luxon';
import type { PunchRecord } from '../../store/punch.js';
import { translateText, translateWord } from '../dashboard/reasons.js';
import type { AttendanceDay, AttendanceView, IncidentKind } from './attendance.js';
import type { ExportLanguage, ExportTable } from './export-files.js';

const LABELS = {
  en: {
    attendanceSheet: 'Attendance',
    punchesSheet: 'Punches',
    attendance: ['Employee', 'Code', 'Employee id', 'HikCentral person', 'Department', 'Date', 'In / out', 'Hours', 'Hours (h:mm)', 'Incidents', 'Humand'],
    punches: ['Date', 'Time', 'Employee', 'Code', 'Employee id', 'Card', 'Door', 'Reader', 'Clock', 'Sent to Humand', 'Outcome', 'Reason', 'Source', 'Punch'],
    START: 'clock-in',
    END: 'clock-out',
    match: 'matches Humand',
    differs: 'differs from Humand',
    unknown: 'not read',
    onlyHumand: 'only in Humand',
    onlyOurs: 'only sent',
  },
  es: {
    attendanceSheet: 'Asistencia',
    punchesSheet: 'Fichadas',
    attendance: [
      'Empleado',
      'Código',
      'Legajo',
      'Persona en HikCentral',
      'Departamento',
      'Fecha',
      'Entrada / salida',
      'Horas',
      'Horas (h:mm)',
      'Incidencias',
      'Humand',
    ],
    punches: [
      'Fecha',
      'Hora',
      'Empleado',
      'Código',
      'Legajo',
      'Tarjeta',
      'Puerta',
      'Lector',
      'Tipo',
      'Enviada a Humand',
      'Estado',
      'Motivo',
      'Origen',
      'Fichada',
    ],
    START: 'entrada',
    END: 'salida',
    match: 'coincide con Humand',
    differs: 'difiere de Humand',
    unknown: 'no leído',
    onlyHumand: 'solo en Humand',
    onlyOurs: 'solo enviado',
  },
} as const;

export const INCIDENT_LABELS: Record<ExportLanguage, Record<IncidentKind, string>> = {
  en: {
    'open-day': 'open day (no clock-out)',
    'missing-in': 'clock-out without clock-in',
    review: 'needs review',
    rejected: 'rejected',
    dead: 'undeliverable',
    unmapped: 'unmapped',
    corrected: 'corrected tap',
    covered: 'already in Humand',
    waiting: 'waiting',
    pending: 'not in Humand yet',
  },
  es: {
    'open-day': 'jornada abierta (sin salida)',
    'missing-in': 'salida sin entrada',
    review: 'a revisar',
    rejected: 'rechazada',
    dead: 'fallida',
    unmapped: 'sin vincular',
    corrected: 'fichada corregida',
    covered: 'ya estaba en Humand',
    waiting: 'en espera',
    pending: 'aún no está en Humand',
  },
};

export const OUTCOME_LABELS: Record<ExportLanguage, Record<string, string>> = {
  en: {},
  es: {
    received: 'recibida',
    ignored: 'ignorada',
    unmapped: 'sin vincular',
    held: 'retenida',
    queued: 'en cola',
    sending: 'enviando',
    debounced: 'filtrada',
    suppressed: 'suprimida',
    delivered: 'entregada',
    rejected: 'rechazada',
    dead: 'fallida',
    'dry-run': 'prueba',
    corrected: 'corregida',
    covered: 'cubierta',
    review: 'a revisar',
    waiting: 'en espera',
  },
};

function pairsText(day: AttendanceDay): string {
  return day.pairs.map((p) => `${p.in ?? '?'}–${p.out ?? '?'}`).join('; ');
}

function hoursMinutes(minutes: number): string {
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}

/** One row per employee and day with punches: what HR pastes into payroll. */
export function attendanceTable(view: AttendanceView, lang: ExportLanguage): ExportTable {
  const l = LABELS[lang];
  const rows = view.rows.flatMap((row) =>
    row.days.map((day) => [
      row.name,
      row.code,
      row.employeeId,
      row.personId,
      row.department,
      { date: day.date },
      pairsText(day),
      { number: Math.round((day.minutes / 60) * 100) / 100, format: '0.00' },
      hoursMinutes(day.minutes),
      day.incidents.map((i) => INCIDENT_LABELS[lang][i.kind]).join('; '),
      day.humand === undefined
        ? null
        : day.humand.state === 'differs'
          ? `${l.differs}: ${[...day.humand.onlyHumand.map((k) => `${l.onlyHumand} ${k}`), ...day.humand.onlyOurs.map((k) => `${l.onlyOurs} ${k}`)].join(', ')}`
          : l[day.humand.state],
    ]),
  );
  return { sheet: l.attendanceSheet, headers: l.attendance, rows };
}

/** The punch list as the explorer shows it, every matching row. */
export function punchTable(punches: readonly PunchRecord[], lang: ExportLanguage, zone: string): ExportTable {
  const l = LABELS[lang];
  const rows = punches.map((p) => {
    const local = p.eventMs === null ? null : DateTime.fromMillis(p.eventMs, { zone });
    return [
      local ? { date: local.toISODate()! } : p.eventTime,
      local ? local.toFormat('HH:mm:ss') : null,
      p.personName,
      p.personCode,
      p.employeeId,
      p.cardNo,
      p.doorName ?? p.doorIndexCode,
      p.readerName ?? p.readerIndexCode,
      p.entryType ? l[p.entryType] : null,
      p.request?.now ?? null,
      OUTCOME_LABELS[lang][p.outcome] ?? p.outcome,
      translateText(p.reason, lang),
      translateWord(p.source, lang),
      p.id,
    ];
  });
  return { sheet: l.punchesSheet, headers: l.punches, rows };
}

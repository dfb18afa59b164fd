import { describe, expect, it } from 'vitest';
import { translateText, translateWord } from '../../src/ops/dashboard/reasons.js';

/** The reasons, hints and results the service writes (English), as the Spanish dashboard and exports show them. */
describe('Spanish for what the service writes', () => {
  it.each([
    ['ignored: not a time-clock door', 'ignorada: la puerta no es un reloj de fichada'],
    ['ignored: event code 197151 is not an access-granted passage', 'ignorada: el código de evento 197151 no es un paso con acceso concedido'],
    ['held: the event time is in the future; delivered once it is not', 'retenida: la hora del evento está en el futuro; se envía cuando deje de estarlo'],
    ['debounced: double tap 13s from p-50', 'filtrada: doble lectura a 13 s de p-50'],
    ['dead: gave up after 8 attempts: Humand answered 500: boom', 'fallida: se abandonó tras 8 intentos: Humand respondió 500: boom'],
    ['retrying in 30s: Humand answered 503 UNAVAILABLE: later', 'reintento en 30 s: Humand respondió 503 UNAVAILABLE: later'],
    ['rejected: the time clock is in door mode but has no direction configured', 'rechazada: el reloj está en modo puerta pero no tiene sentido configurado'],
    ['unmapped: no Humand user has employeeInternalId X1', 'sin vincular: ningún usuario de Humand tiene employeeInternalId X1'],
    ['unmapped: person 77 is unknown to HikCentral', 'sin vincular: la persona 77 no existe en HikCentral'],
    ['suppressed: consecutive clock-in', 'suprimida: entrada consecutiva'],
    ['delivered: Humand already had this entry', 'entregada: Humand ya tenía este registro'],
    ["check HUMAND_AUTH and the key's permissions; punches are kept", 'revise HUMAND_AUTH y los permisos de la clave; las fichadas se conservan'],
    ['no Humand user has employeeInternalId X1', 'ningún usuario de Humand tiene employeeInternalId X1'],
    // The decision model's reasons.
    ['double tap: 12 s after the clock-in p-7', 'filtrada: doble lectura a 12 s de la entrada p-7'],
    [
      'corrected tap: the employee was clocked in, so the clock-out p-100 40 s later was meant',
      'corregida: el empleado tenía la jornada abierta, así que la buscada era la salida p-100, 40 s después',
    ],
    ['covered: Humand already has this clock-in from APP at 2026-01-27 06:00:00', 'cubierta: Humand ya tiene esta entrada desde APP a las 2026-01-27 06:00:00'],
    [
      'needs review: a clock-out with no clock-in before it in Humand (forgotten clock-in?) — add the clock-in in Humand, then mark it fixed',
      'a revisar: una salida sin entrada previa en Humand (¿olvidó fichar la entrada?) — agregue la entrada en Humand y márquela como corregida',
    ],
    [
      'needs review: Humand already has a clock-in that day at 2026-01-27 09:06:00 with nothing between (forgotten clock-out?) — correct the day in Humand, then mark it fixed',
      'a revisar: Humand ya tiene una entrada ese día a las 2026-01-27 09:06:00 sin nada entre medio (¿olvidó fichar la salida?) — corrija el día en Humand y márquela como corregida',
    ],
    [
      'waiting: p-4 before it could not be delivered (dead); re-drive it or mark it fixed in Humand, and this one follows in order',
      'en espera: p-4, anterior a esta, no se pudo enviar (fallida); reenvíela o márquela como corregida en Humand y esta la sigue en orden',
    ],
  ])('%s', (english, spanish) => {
    expect(translateText(english, 'es')).toBe(spanish);
    expect(translateText(english, 'en')).toBe(english);
  });

  it('leaves a text no rule knows as written, and nulls as they are', () => {
    expect(translateText('a reason added later', 'es')).toBe('a reason added later');
    expect(translateText(null, 'es')).toBeNull();
  });

  it('names request results and sources', () => {
    expect(['sending', 'transient', 'rejected-by-rule', 'poll', 'backfill'].map((w) => translateWord(w, 'es'))).toEqual([
      'enviando',
      'transitorio',
      'rechazado por regla',
      'consulta',
      'recuperación',
    ]);
    expect(translateWord('transient', 'en')).toBe('transient');
  });
});

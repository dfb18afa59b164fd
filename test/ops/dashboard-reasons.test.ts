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
  ])('%s', (english, spanish) => {
    expect(translateText(english, 'es')).toBe(spanish);
    expect(translateText(english, 'en')).toBe(english);
  });

  it('leaves a text no rule knows as written, and nulls as they are', () => {
    expect(translateText('a reason added later', 'es')).toBe('a reason added later');
    expect(translateText(null, 'es')).toBeNull();
  });

  it('names request results and sources', () => {
    expect(['sending', 'transient', 'rejected-by-rule', 'poll', 'backfill'].map((w) => translateWord(w, 'es'))).toEqual(['enviando', 'transitorio', 'rechazado por regla', 'consulta', 'recuperación']);
    expect(translateWord('transient', 'en')).toBe('transient');
  });
});

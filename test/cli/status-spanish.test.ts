import { describe, expect, it } from 'vitest';
import { formatStatus } from '../../src/cli/format/status.js';
import { cliText } from '../../src/cli/i18n/text.js';
import { statusReportWith } from '../support/status-report.js';

const NOW = Date.parse('2026-01-28T11:00:00Z');

describe('status in Spanish (issue #10)', () => {
  it('says every row, state and count in Spanish, with dd/mm/yyyy dates and plurals', () => {
    const status = statusReportWith({
      timezone: 'America/Argentina/Buenos_Aires',
      counts: { ...statusReportWith().counts, queued: 1, delivered: 3, unmapped: 2 },
      oldestPendingEventMs: Date.parse('2026-01-27T11:00:00Z'),
      oldestPendingReceivedMs: Date.parse('2026-01-28T10:40:00Z'),
      service: null,
      humand: {
        failingSinceMs: Date.parse('2026-01-28T10:55:00Z'),
        failures: 4,
        lastFailureMs: NOW,
        lastError: 'Connection to Humand refused',
        lastOkMs: null,
      },
      recentErrors: [{ atMs: NOW, firstMs: NOW - 60_000, count: 3, message: 'HikCentral refused the connection', hint: 'check HIKVISION_HOST', code: null }],
    });
    const text = formatStatus(status, NOW, 'ledger.db', cliText('es')).join('\n');
    expect(text).toMatch(/^estado de hik2humand — 28\/01\/2026 08:00:00/);
    expect(text).toMatch(/Envío +configurado, pero ningún servicio corrió/);
    expect(text).toMatch(/Humand +NO RESPONDE desde 28\/01\/2026 07:55:00 \(hace 5 min\), 4 pedidos sin respuesta/);
    expect(text).toMatch(/En espera +1 fichada, la que más espera lleva 20 min; la fichada más antigua es del 27\/01\/2026 08:00:00/);
    expect(text).toMatch(/Requiere una persona +2 sin vincular \(vea `doctor` o la página Cobertura\)/);
    expect(text).toMatch(/Fichadas +.*entregada/);
    expect(text).toMatch(/Últimos errores:\n.*\(3 veces desde 28\/01\/2026 07:59:00\)\n.*solución: check HIKVISION_HOST/);
    expect(text).not.toMatch(/\b(Waiting|Delivery|Needs a person|punches|nothing)\b/);
  });
});

/** What `backup` and `isapi-hosts` print, in English and Spanish (merged into the CLI catalogs). */
export const ADMIN_EN = {
  'backup.done': {
    one: 'Backed up {source} → {file}: {mb} MB, schema version {schema}, {n} punch, checked ({ms} ms).',
    other: 'Backed up {source} → {file}: {mb} MB, schema version {schema}, {n} punches, checked ({ms} ms).',
  },
  'isapiHosts.ok': '{device}: pushes to {target}',
  'isapiHosts.failed': '{device}: NOT configured — {error}',
};

export const ADMIN_ES: Readonly<Record<keyof typeof ADMIN_EN, string | { readonly one: string; readonly other: string }>> = {
  'backup.done': {
    one: 'Copia de {source} → {file}: {mb} MB, esquema versión {schema}, {n} fichada, verificada ({ms} ms).',
    other: 'Copia de {source} → {file}: {mb} MB, esquema versión {schema}, {n} fichadas, verificada ({ms} ms).',
  },
  'isapiHosts.ok': '{device}: envía a {target}',
  'isapiHosts.failed': '{device}: SIN configurar — {error}',
};

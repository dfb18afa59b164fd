import type { SettingsWords } from './settings-words.js';

export const SETTINGS_ES: SettingsWords = {
  language: 'es',
  invalid: (name, message) => `${name} no es válida: ${message}`,
  atLeast: (characters) => `debe tener al menos ${characters} caracteres`,
  hostNames: 'solo nombres, separados por comas, p. ej. hik2humand.planta.local,panel.example.com',
  adminHint: 'vea en docs/operations.md la configuración del servidor de administración',
  passwordAndToken: 'DASHBOARD_PASSWORD y DASHBOARD_TOKEN están definidas las dos',
  onlyOne: 'defina solo una de ellas',
  openToNetwork: (host) => `ADMIN_HOST=${host} sin DASHBOARD_PASSWORD ni DASHBOARD_TOKEN abriría el panel y su API a la red`,
  openToNetworkHint: 'defina DASHBOARD_PASSWORD (con DASHBOARD_USER) o DASHBOARD_TOKEN, o ponga ADMIN_HOST=127.0.0.1',
  hrWithoutAdmin:
    'DASHBOARD_HR_PASSWORD está definida pero no hay usuario administrador: sin DASHBOARD_PASSWORD ni DASHBOARD_TOKEN todos son administradores, así que un usuario de solo lectura para RR. HH. no protegería nada',
  hrWithoutAdminHint: 'defina también DASHBOARD_PASSWORD (con DASHBOARD_USER) o DASHBOARD_TOKEN para Sistemas',
  hrSameUser: (user) => `DASHBOARD_HR_USER y DASHBOARD_USER son ambos "${user}"`,
  hrSameUserHint: 'dele al usuario de RR. HH. su propio nombre (por defecto rrhh)',

  alertHint: 'vea en docs/operations.md la configuración de las alertas',
  minimumSecond: 'el mínimo es 1 (segundo)',
  smtpUrlFormat: 'debe ser smtp://usuario:contraseña@host:587 o smtps://…:465',
  smtpFromFormat: 'debe ser una dirección de correo, p. ej. asistencia@planta.example',
  summaryNowhere: 'HR_SUMMARY_HOUR está definida pero no hay adónde enviar el resumen: defina HR_SUMMARY_EMAIL_TO (con SMTP_URL) o ALERT_WEBHOOK_URL',
  summaryNowhereHint:
    'defina HR_SUMMARY_EMAIL_TO, SMTP_URL y SMTP_FROM para enviarlo por correo a RR. HH., o ALERT_WEBHOOK_URL (Slack, Teams o JSON; vea docs/operations.md), o quite HR_SUMMARY_HOUR',
  notEmail: (addresses) =>
    `HR_SUMMARY_EMAIL_TO: "${addresses.join('", "')}" no es una dirección de correo — use p. ej. rrhh@planta.example, jefa.turno@planta.example`,
  noEmail: 'HR_SUMMARY_EMAIL_TO: no nombra ninguna dirección — use p. ej. rrhh@planta.example, jefa.turno@planta.example',
  noSmtpUrl: 'HR_SUMMARY_EMAIL_TO está definida pero SMTP_URL no — p. ej. SMTP_URL=smtp://usuario:contraseña@mail.planta.example:587',
  noSmtpFrom: 'HR_SUMMARY_EMAIL_TO está definida pero SMTP_FROM no — la dirección del remitente, p. ej. SMTP_FROM=asistencia@planta.example',
  emailHint: 'vea docs/operations.md, "Daily HR summary"',

  httpUrl: 'debe ser una URL http:// o https://',
  slashPath: 'debe empezar con "/"',
  tokenLength: 'debe tener al menos 16 caracteres (p. ej. `openssl rand -hex 24`)',
  minimumMinute: 'el mínimo es 1 (minuto)',
  pushUnreadable: (variable, path) => `no se puede leer ${variable}: ${path}`,
  pushUnreadableHint: (variable) => `Apunte ${variable} a un archivo PEM legible.`,
  pushInvalidHint: (variable) => `Corrija ${variable} (vea docs/push.md).`,
  tokenMissing: 'el modo push necesita WEBHOOK_TOKEN',
  tokenMissingHint:
    'Ponga en WEBHOOK_TOKEN un valor largo y aleatorio (p. ej. `openssl rand -hex 24`): HikCentral lo envía con cada evento y el receptor rechaza los pedidos que no lo traen.',
  portMissing: 'el modo push necesita WEBHOOK_PORT (WEBHOOK_URL no indica puerto)',
  portMissingHint: 'Ponga en WEBHOOK_PORT el puerto en el que escucha el receptor.',
  tlsPair: 'WEBHOOK_TLS_CERT y WEBHOOK_TLS_KEY van juntas',
  tlsPairHint: 'Defina ambas (archivos PEM) para servir HTTPS, o ninguna.',
  ipRule: (rule, why) => `la entrada "${rule}" de la lista de IP permitidas del webhook no es válida: ${why}`,
  ipRuleHint: 'Enumere direcciones o rangos CIDR separados por comas, p. ej. WEBHOOK_ALLOWED_IPS=10.0.4.20,192.168.10.0/24',
  ipShape: 'se esperaba DIRECCIÓN o DIRECCIÓN/PREFIJO',
  ipNotAddress: 'no es una dirección IP',
  ipPrefixNotNumber: 'la longitud del prefijo no es un número',
  ipPrefixRange: (max) => `la longitud del prefijo debe ser de 0 a ${max}`,
};

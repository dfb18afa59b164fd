import type { ConfigWords } from './config-words.js';

export const CONFIG_ES: ConfigWords = {
  language: 'es',
  or: ' o ',
  durationExample: '300, 5m o 30s',
  notDuration: (value, example) => `"${value}" no es una duración — use p. ej. ${example}`,
  tooShort: (value, minimum, example) => `"${value}" es demasiado corto — el mínimo es ${minimum}; use p. ej. ${example}`,
  notBoolean: (value) => `"${value}" no es un valor sí/no — use true o false (1/0 también sirven)`,
  notTimeZone: (value) => `"${value}" no es una zona horaria IANA — use p. ej. America/Argentina/Buenos_Aires`,
  notInteger: (value, min, max, example) => `"${value}" no es un número entero de ${min} a ${max} — use p. ej. ${example}`,
  notHost: (value, examples) => `"${value}" no es un host ni una URL — use p. ej. ${examples.join(' o ')}`,
  notRate: (value) => `"${value}" no es una tasa — use p. ej. 50/60s`,
  notPostgresUrl: (value, example) =>
    `"${value}" no es una URL de PostgreSQL — use p. ej. ${example}, o déjela sin definir para el registro SQLite en DATABASE_PATH`,
  noDatabase: (value, example) => `"${value}" no nombra ninguna base de datos — use p. ej. ${example}`,
  notSchemaName: 'no es un nombre de esquema (letras, dígitos y _, hasta 63) — use p. ej. hik2humand',
  notLogLevel: 'debe ser uno de fatal, error, warn, info, debug, trace, silent — use p. ej. info',

  siteTimezoneFile: (value) => `siteTimezone (archivo de configuración): "${value}" no es una zona horaria IANA — use p. ej. America/Argentina/Buenos_Aires`,
  humandMissingIsapi: 'HUMAND_AUTH: no está definida y hay dispositivos ISAPI configurados — defínala para un sitio real (p. ej. HUMAND_AUTH="Basic abc123")',
  humandMissing:
    'HUMAND_AUTH: no está definida y HIKVISION_HOST sí — defina ambas para un sitio real (p. ej. HUMAND_AUTH="Basic abc123"), o ninguna para la demo',
  hikMissing:
    'HIKVISION_HOST: no está definida y HUMAND_AUTH sí — defina ambas para un sitio real (p. ej. HIKVISION_HOST=https://10.0.0.5), o ninguna para la demo',
  hikAppKeyMissing:
    'HIK_APP_KEY: no está definida — use la clave de la aplicación asociada de la configuración OpenAPI de HikCentral, p. ej. HIK_APP_KEY=12345678',
  hikSecretMissing: 'HIK_SECRET: no está definida — use el secreto de la aplicación asociada que corresponde a HIK_APP_KEY',
  caNotPem: (value) => `HIK_CA_CERT: "${value}" no es un certificado PEM — use p. ej. ./certs/hikcentral-ca.pem (empieza con -----BEGIN CERTIFICATE-----)`,
  caUnreadable: (value, code) =>
    `HIK_CA_CERT: no se puede leer "${value}" (${code}) — use la ruta del PEM de la CA o del certificado de HikCentral, p. ej. ./certs/hikcentral-ca.pem`,
  insecureWithCa:
    'HIK_TLS_INSECURE: definida junto con HIK_CA_CERT — el certificado dejaría de verificarse sin aviso; deje HIK_CA_CERT y quite HIK_TLS_INSECURE',
  noTimeClocks: (configFile) =>
    `CONFIG_FILE: no hay relojes configurados${configFile ? ` en ${configFile}` : ' (no se encontró archivo de configuración)'} — enumérelos, p. ej. timeClocks: [{reader: "Facial Entrada", direction: in}] (vea config.example.yaml)`,
  invalid: 'La configuración no es válida:',
  invalidHint: 'Corrija los valores de arriba (vea docs/configuration.md y .env.example).',
  configUnreadable: (named, code) => `CONFIG_FILE: no se puede leer "${named}" (${code}) — use p. ej. CONFIG_FILE=./hik2humand.yaml (vea config.example.yaml)`,
  notValidFormat: (file, format, detail) => `CONFIG_FILE: ${file} no es ${format} válido: ${detail}`,
  lineReads: (line, written) => `la línea ${line} dice: ${written}`,
  likely: (cause) => `probablemente: ${cause}`,
  yamlCauses: {
    MISSING_CHAR: 'una comilla o un corchete abierto en esta línea o antes no se cierra',
    TAB_AS_INDENT: 'sangre con espacios, no con tabulaciones',
    BAD_INDENT: 'la sangría no coincide con la de las líneas de arriba',
    DUPLICATE_KEY: 'la misma clave está escrita dos veces',
    BLOCK_AS_IMPLICIT_KEY: 'un elemento de lista "- " o una clave no está sangrado bajo su padre',
    MULTILINE_IMPLICIT_KEY: 'una clave ocupa dos líneas (falta un ":" o hay una comilla sin cerrar arriba)',
  },
  csvMissing: (value) => `mapping.csvFile: "${value}" no existe — use p. ej. ./mapping.csv con el encabezado "personCode,employeeInternalId"`,
  configFilePrefix: (name) => `archivo de configuración ${name}`,

  eventCodePositive: 'un código de evento es un número positivo, p. ej. 196893',
  clockModeEnum: 'mode debe ser door, device o alternate',
  directionEnum: 'direction debe ser in o out',
  needsDoorOrReader: 'un reloj necesita una puerta o un lector (código o nombre), p. ej. reader: "Facial Entrada"',
  doorNeedsDirection: 'el modo door necesita una dirección — use in o out',
  strategyEnum: 'strategy debe ser personCode, cardNo, customField o csv',
  customFieldNeeded: 'la estrategia customField necesita el nombre del campo de HikCentral, p. ej. customField: Legajo',
  csvNeeded: 'la estrategia csv necesita un archivo, p. ej. csvFile: ./mapping.csv',
  alternationEnum: 'alternation debe ser suppress o send',
  eventTypesEnum: 'eventTypes debe ser all o granted',

  isapiModeEnum: 'mode debe ser door, attendanceStatus o alternate',
  isapiDoorNeedsDirection: 'el modo door necesita una dirección — use in o out (o mode: attendanceStatus para tomarla de la terminal)',
  deviceName: 'el nombre de un dispositivo tiene de 1 a 40 letras, dígitos, - o _, p. ej. entrada-1',
  deviceAddress: 'una dirección es http://HOST[:PUERTO] o https://HOST[:PUERTO], p. ej. http://10.0.0.21',
  deviceUser: 'falta el usuario del dispositivo, p. ej. admin (mejor: un usuario propio para hik2humand)',
  passwordEnvName: 'passwordEnv nombra una variable de entorno, p. ej. ISAPI_ENTRADA_PASSWORD',
  passwordOneOf: 'indique uno solo de password o passwordEnv (el nombre de una variable de entorno que la contiene, lo preferible)',
  pushPath: 'una ruta empieza con /, p. ej. /hik/isapi',
  nameTwice: (where, name) => `${where}.name: "${name}" se usa dos veces — cada dispositivo necesita su propio nombre`,
  passwordEnvUnset: (where, variable) =>
    `${where}.passwordEnv: la variable de entorno ${variable} no está definida — póngale la contraseña del usuario del dispositivo`,
  deviceCaNotPem: (where, file) => `${where}.caFile: "${file}" no es un certificado PEM (empieza con -----BEGIN CERTIFICATE-----)`,
  deviceCaUnreadable: (where, file, code) => `${where}.caFile: no se puede leer "${file}" (${code}) — exporte el certificado del dispositivo como PEM`,
  pushFromHost: (where, host) =>
    `${where}.pushFrom: la dirección nombra un host (${host}), no una IP — enumere las IP desde las que envía la terminal, p. ej. pushFrom: [10.0.0.21]`,
  deviceCaOnHttp: (where) => `${where}.caFile: un archivo de CA solo sirve para una dirección https://`,
  readerTwice: (where, reader) => `${where}.timeClocks: el lector ${reader} aparece dos veces`,
  logLevelFlag: (value, levels) => `--log-level: "${value}" no es un nivel de log — use uno de ${levels.join(', ')}, p. ej. --log-level debug`,
  notLanguage: (value) => `HIK2HUMAND_LANG: "${value}" no es un idioma de la CLI — use es (español) o en (English), o déjela sin definir para seguir LANG`,
  envFileUnreadable: (named, code) => `--env-file: no se puede leer "${named}" (${code}) — use p. ej. --env-file ./.env (copie .env.example)`,
};

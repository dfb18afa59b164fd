export interface WinswOptions {
  /** Service id, e.g. `hik2humand`. */
  readonly name: string;
  /** The site folder (C:\hik2humand): .env, hik2humand.yaml, data\, logs\. */
  readonly workingDirectory: string;
  /** Absolute path of node.exe. */
  readonly node: string;
  /** Absolute path of the package's bin\hik2humand.js. */
  readonly bin: string;
  /** Windows account the service runs as; LocalService unless told otherwise. */
  readonly account: string;
}

function xml(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&apos;');
}

/** Joins two Windows path parts without doubling the separator. */
export function winJoin(dir: string, name: string): string {
  return `${dir.replace(/[\\/]+$/, '')}\\${name}`;
}

/**
 * WinSW's XML for `hik2humand run`. WinSW stops a service with Ctrl+C, which is our graceful
 * stop; `stoptimeout` gives deliveries in flight time to get their answer. Restarts on
 * failure with a growing delay; the failure count resets after an hour of running. Runs as
 * LocalService (no administrator rights), which must be allowed to write data\ and logs\.
 */
export function winswConfig(options: WinswOptions): string {
  return `<!-- ${options.name}: written by "hik2humand service install"; re-run it to change this file. -->
<service>
  <id>${xml(options.name)}</id>
  <name>${xml(options.name)}</name>
  <description>hik2humand: HikCentral access events to Humand time tracking. Settings: ${xml(winJoin(options.workingDirectory, '.env'))} and hik2humand.yaml.</description>
  <executable>${xml(options.node)}</executable>
  <arguments>"${xml(options.bin)}" run</arguments>
  <workingdirectory>${xml(options.workingDirectory)}</workingdirectory>
  <env name="NODE_ENV" value="production"/>
  <env name="LOG_FORMAT" value="json"/>
  <startmode>Automatic</startmode>
  <delayedAutoStart>true</delayedAutoStart>
  <serviceaccount>
    <username>${xml(options.account)}</username>
  </serviceaccount>
  <onfailure action="restart" delay="10 sec"/>
  <onfailure action="restart" delay="1 min"/>
  <onfailure action="restart" delay="5 min"/>
  <resetfailure>1 hour</resetfailure>
  <stoptimeout>30 sec</stoptimeout>
  <logpath>${xml(winJoin(options.workingDirectory, 'logs'))}</logpath>
  <log mode="roll-by-size">
    <sizeThreshold>10240</sizeThreshold>
    <keepFiles>8</keepFiles>
  </log>
</service>
`;
}

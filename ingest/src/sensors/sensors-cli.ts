import { CredentialsFileError } from '../adapters/broker/sensor-credentials.js';
import { loadConfig } from '../config.js';
import { credentialsFile, SERVICE_USERNAME } from '../start-broker.js';
import { addSensor, listSensors, revokeSensor, SensorAccountError } from './sensor-accounts.js';

const HELP = `Usage: npm run sensors -- add <sensorId>      issue a credential; prints its password once
       npm run sensors -- revoke <sensorId>   remove it; the embedded broker disconnects the sensor
       npm run sensors -- list                sensors with a credential

Edits MQTT_CREDENTIALS_FILE (default DATA_DIR/mqtt-credentials.yaml), which a running embedded broker
re-reads. A sensor connects with username = its id and publishes only on sensors/<its id>.
`;

function fail(message: string): never {
  process.stderr.write(`sensors: ${message}\n`);
  process.exit(1);
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, sensorId] = argv;
  if (command === undefined || command === '--help' || command === '-h') {
    process.stdout.write(HELP);
    return;
  }
  const parsed = loadConfig(process.env);
  if (!parsed.ok) fail(`invalid configuration:\n  ${parsed.errors.join('\n  ')}`);
  const file = credentialsFile(parsed.config);
  const reserved = [SERVICE_USERNAME, ...(parsed.config.MQTT_USERNAME ? [parsed.config.MQTT_USERNAME] : [])];
  if (command === 'list') {
    for (const row of await listSensors(file)) process.stdout.write(`${row.sensorId}\t${row.created}\n`);
    return;
  }
  if ((command !== 'add' && command !== 'revoke') || sensorId === undefined) fail(`unknown command\n${HELP}`);
  if (command === 'add') {
    const password = await addSensor(file, sensorId, reserved);
    process.stdout.write(`sensor ${sensorId}: username ${sensorId}, password ${password}\n`);
    process.stderr.write('The password is shown only now; only its hash is stored.\n');
  } else {
    await revokeSensor(file, sensorId);
    process.stdout.write(`sensor ${sensorId}: credential revoked\n`);
  }
}

await main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof SensorAccountError || error instanceof CredentialsFileError) fail(error.message);
  throw error;
});

/**
 * The platform's embedded broker (aedes) alone in its own process, as the bench measures it: started
 * from its bundle with `node aedes-server.mjs <port>`, stopped with SIGTERM.
 */
import { pino } from 'pino';
import { EmbeddedBroker } from '../../../ingest/src/adapters/broker/embedded-broker.js';

const port = Number(process.argv[2] ?? '0');
const broker = new EmbeddedBroker({ port, host: '127.0.0.1', logger: pino({ level: 'warn' }) });
await broker.start();
process.stdout.write('listening\n');
process.on('SIGTERM', () => {
  void broker.stop().then(() => process.exit(0));
});

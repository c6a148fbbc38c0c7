export const HELP_TEXT = `Usage: npm run simulate -- [options]
       npm run simulate -- --load [load options]

Publishes simulated city sensors (air quality, noise, traffic, cycling, energy, water, waste,
weather) to an MQTT broker on <prefix>sensors/<sensorId>, from a master plan or a scenario file.

Time modes:
  real time (default)  one message per sensor per --interval, until Ctrl-C; --backfill first
  accelerated          --speed N: simulated time runs N times faster; readings carry simulated time
  backfill             --from/--to or --duration (ending now): a past period as fast as the broker
                       takes it, then exit

Options:
  --url <url>            broker URL (default: $MQTT_URL or mqtt://localhost:1883)
  --username <name>      broker user (default: $MQTT_USERNAME); the password comes from $MQTT_PASSWORD
  --plan <file>          master plan whose sensors are simulated (default: demo/plan.yaml)
  --scenario <file>      scenario file: kinds, sensors, signals, trends, faults, formats
                         (e.g. simulators/scenarios/demo-city.yaml)
  --prefix <prefix>      topic prefix, e.g. lakeside/ (default: none)
  --seed <n>             random seed; the same seed gives the same readings and faults
                         (default: the scenario's, 1 for a plan)
  --interval <time>      real-time publishing interval (default: 10s)
  --backfill <time>      real time: first publish this past period (default: 0)
  --speed <n>            accelerated: simulated seconds per wall second, e.g. 10000
  --from <when>          start of the simulated period: 2025-01-01 or 2025-01-01T06:00:00Z
  --to <when>            end of the simulated period (backfill default: now)
  --duration <time>      length of the period, e.g. 1y or 30d (ends now unless --from is given)
  --step <time>          simulated time between readings (default: --interval in real time,
                         about 1/4 s of wall time when accelerated, 1h for backfills over 2 days)
  --no-faults            ignore the scenario's faults
  --max-in-flight <n>    unacknowledged messages at most (default: 1000)
  --qos <0|1>            MQTT quality of service (default: 0)
  -h, --help             show this help

Load generator (--load): small valid readings at a target rate, reporting each second the rate
achieved, errors and publish latency (publish → PUBACK at QoS 1), then a summary.
  --rate <n>             messages per second over all clients (default: 1000)
  --sensors <n>          sensor ids to spread them over (default: 100)
  --clients <n>          MQTT connections (default: 1)
  --duration <time>      how long (default: 10s)

Progress goes to stderr: one updating line on a terminal, JSON lines otherwise.
Times: 500ms, 10s, 5m, 48h, 2d, 1w, 1y.

Examples:
  npm run simulate
  npm run simulate -- --backfill 48h
  npm run simulate -- --scenario simulators/scenarios/demo-city.yaml --speed 10000 --duration 1y
  npm run simulate -- --scenario simulators/scenarios/faulty-city.yaml --from 2025-01-01 --to 2025-02-01
  npm run simulate -- --load --rate 5000 --sensors 1000 --clients 4 --qos 1 --duration 30s
`;

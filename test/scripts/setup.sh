#!/usr/bin/env bash
# Installs and starts what the tests need beyond npm packages, idempotently:
# Debian's Chromium for the browser tests, and a Mosquitto broker on 127.0.0.1:1883.
set -euo pipefail

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_install() {
  if [ "$apt_updated" = 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

if [ ! -x /usr/bin/chromium ]; then
  echo "setup: installing Debian's chromium for the browser tests"
  apt_install chromium
fi

# Debian's InfluxDB 1.x for the store tests; they start their own influxd on free ports, never the service.
if [ ! -x /usr/bin/influxd ]; then
  echo "setup: installing Debian's influxdb for the store tests"
  apt_install influxdb
fi

if ! listening 1883; then
  if ! command -v mosquitto >/dev/null; then
    echo "setup: installing mosquitto"
    apt_install mosquitto
  fi
  echo "setup: starting mosquitto on 127.0.0.1:1883"
  as_root mosquitto -d -c /etc/mosquitto/mosquitto.conf
  for _ in $(seq 1 50); do listening 1883 && break; sleep 0.1; done
fi

# The MQTT security tests start their own Mosquitto (mosquitto_passwd comes with it) and make a
# self-signed certificate with openssl.
if ! command -v mosquitto_passwd >/dev/null; then
  echo "setup: installing mosquitto (mosquitto_passwd)"
  apt_install mosquitto
fi
if ! command -v openssl >/dev/null; then
  echo "setup: installing openssl"
  apt_install openssl
fi

# docker-compose validates docker-compose.yml in the tests (no Docker engine needed for `config`).
if ! command -v docker-compose >/dev/null; then
  echo "setup: installing docker-compose (to validate docker-compose.yml)"
  apt_install docker-compose
fi

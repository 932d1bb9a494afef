#!/bin/sh
# Renders alertmanager.template.yml with the environment, then runs Alertmanager on the result. Without the WeChat
# Work settings it still starts (alerts show at :9093 and in Grafana) but says loudly that nobody is paged.
# Usage: start.sh [--render-only OUT] ; anything else is passed to Alertmanager.
set -eu
here=$(dirname "$0")
out=/tmp/alertmanager.yml
if [ "${1:-}" = "--render-only" ]; then
  out=$2
  shift 2
fi
: "${WECOM_API_URL:=https://qyapi.weixin.qq.com/cgi-bin/}"
export WECOM_API_URL
missing=""
for name in WECOM_CORP_ID WECOM_ALERT_SECRET WECOM_ALERT_AGENT_ID WECOM_ALERT_ONCALL_USERS WECOM_ALERT_TEAM_PARTY; do
  eval "value=\${$name:-}"
  [ -n "$value" ] || missing="$missing $name"
done
if [ -n "$missing" ]; then
  echo "alertmanager: NOBODY IS PAGED: set$missing (WeChat Work application; docs/operations.md#alerts)" >&2
  # A configuration with one receiver that sends nothing: the alerts are still grouped and shown.
  printf 'route:\n  receiver: nobody\n  group_by: [alertname, job]\nreceivers:\n  - name: nobody\n' > "$out"
else
  # awk, not sed: a value may hold any character sed would read as syntax. Each ${NAME} is replaced by its value.
  awk '{
    line = $0
    while (match(line, /\$\{[A-Z_]+\}/)) {
      name = substr(line, RSTART + 2, RLENGTH - 3)
      line = substr(line, 1, RSTART - 1) ENVIRON[name] substr(line, RSTART + RLENGTH)
    }
    print line
  }' "$here/alertmanager.template.yml" > "$out"
fi
if [ "$out" != /tmp/alertmanager.yml ]; then
  exit 0
fi
exec /bin/alertmanager --config.file="$out" --storage.path=/alertmanager "$@"

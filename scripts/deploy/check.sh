#!/usr/bin/env bash
# Validates the Helm chart (deploy/helm/rewardgraph) offline, where no cluster answers:
# `helm lint`, `helm template` with external and with in-cluster datastores and with
# existing Secrets, and the rendered objects through deploy/validate (a strict decode into
# the Kubernetes API types, then the chart's rules: resources, probes, security context,
# one autoscaler and one disruption budget per Deployment, who may reach whom, no default
# in any Secret). Rendering must refuse to go on without each secret, the values schema
# must refuse an unknown setting, the validator must reject broken manifests, and nginx
# must accept the dashboard's configuration and serve a stand-in build with it as
# dashboard/serve.mjs does. Helm and the validator are built once per machine. Part of
# `npm test`.
set -euo pipefail
. "$(dirname "$0")/../lib.sh"
. "$ROOT/scripts/checks.sh"

HELM=$(bash "$ROOT/scripts/deploy/build-helm.sh")
VALIDATE=$(bash "$ROOT/scripts/deploy/build-validator.sh")
CHART="$ROOT/deploy/helm/rewardgraph"
# The rendered manifests stay here for a look after a failure.
OUT="$RUN_DIR/deploy-check"
rm -rf "$OUT"
mkdir -p "$OUT"

# Every secret value holds the marker, so the validator can tell a value given at install
# from a default the chart slipped in.
MARKER=check-only
SECRETS=(
  "secrets.subgraphSigningSecret=$MARKER-$(printf '%032d' 0)"
  "secrets.adminPassword=$MARKER-admin-password"
  "secrets.userDbUrl=mongodb://auth:$MARKER@10.30.1.10,10.30.1.11,10.30.1.12/rewardgraph_users?replicaSet=rs0"
  "secrets.eventDbUrl=mongodb://events:$MARKER@10.30.2.10,10.30.2.11,10.30.2.12/rewardgraph_events?replicaSet=rs0"
  "secrets.dataRedisUrl=redis://:$MARKER@10.30.3.10:6379"
  "secrets.secureRedisUrl=redis://:$MARKER@10.30.4.10:6379"
  # A file, as operators pass it (--set-file).
  "keyRing.json=$OUT/keyring.json"
)
printf '{ "keys": [{ "kid": "%s" }] }\n' "$MARKER" >"$OUT/keyring.json"

# render [HELM ARGS...]: the chart with the check's values.
render() { "$HELM" template rg "$CHART" -f "$ROOT/deploy/helm/check-values.yaml" "$@"; }

# with_secrets [NAME]: Helm arguments for every secret, less NAME (commas escaped: --set
# reads a bare one as the start of the next value).
with_secrets() {
  local secret
  for secret in "${SECRETS[@]}"; do
    case ${secret%%=*} in
      "${1:-}") ;;
      keyRing.json) printf '%s\n' --set-file "$secret" ;;
      *) printf '%s\n' --set-string "${secret//,/\\,}" ;;
    esac
  done
}
mapfile -t ALL_SECRETS < <(with_secrets)

# What the chart must keep (docs/kubernetes.md): who reaches each component and where each
# connects to (reachability.go; `outside` is anything beyond the release's pods: the
# ingress controller, DNS, external datastores), the variables each Node service reads
# (its config.ts and the settings all share), and a consumer name per events pod.
COMMON_ENV=libs/service-kit/src/config/load-config.ts,NODE_OPTIONS
RULES=(
  -secret-marker "$MARKER"
  -ingress gateway=outside -ingress dashboard=outside
  -ingress auth=events,gateway -ingress events=gateway
  -ingress user-db=auth,user-db -ingress event-db=event-db,events
  -ingress redis-data=auth,events,gateway -ingress redis-secure=auth
  -env "gateway=gateway/src/config.ts,$COMMON_ENV"
  -env "auth=subgraphs/auth/src/config.ts,$COMMON_ENV"
  -env "events=subgraphs/events/src/config.ts,$COMMON_ENV"
  -field-env events/BUS_CONSUMER_NAME=metadata.name
)
EXTERNAL=(
  -egress gateway=auth,events,outside -egress dashboard= -egress auth=outside -egress events=auth,outside
)
IN_CLUSTER=(
  -egress gateway=auth,events,outside,redis-data -egress dashboard=
  -egress auth=outside,redis-data,redis-secure,user-db -egress events=auth,event-db,outside,redis-data
  -egress user-db=outside,user-db -egress event-db=event-db,outside -egress redis-data= -egress redis-secure=
)
validate() { (cd "$ROOT" && "$VALIDATE" "${RULES[@]}" "$@"); }

# renders_to FILE [HELM ARGS...]
renders_to() {
  local file=$1
  shift
  render "$@" >"$OUT/$file"
}

say "deploy: the Helm chart"
check "helm lint --strict" "$HELM" lint --strict "$CHART" -f "$ROOT/deploy/helm/check-values.yaml" "${ALL_SECRETS[@]}"
check "renders with external datastores" renders_to external.yaml "${ALL_SECRETS[@]}"
check "  every object decodes strictly and keeps the rules" validate "${EXTERNAL[@]}" "$OUT/external.yaml"
check "renders with in-cluster datastores (development)" \
  renders_to in-cluster.yaml "${ALL_SECRETS[@]}" --set datastores.inCluster.enabled=true
check "  every object decodes strictly and keeps the rules" validate "${IN_CLUSTER[@]}" "$OUT/in-cluster.yaml"
check "renders with existing Secrets and no secret values" renders_to existing-secrets.yaml \
  --set secrets.existingSecret=rg-platform --set keyRing.existingSecret=rg-auth-keys
only_references_secrets() {
  ! grep -q '^kind: Secret$' "$OUT/existing-secrets.yaml" &&
    validate "${EXTERNAL[@]}" -external-secret rg-platform -external-secret rg-auth-keys "$OUT/existing-secrets.yaml"
}
check "  renders no Secret, and every object keeps the rules" only_references_secrets

for secret in "${SECRETS[@]}"; do
  name=${secret%%=*}
  mapfile -t rest < <(with_secrets "$name")
  check_fails "refuses to render without $name" "$name is required" render "${rest[@]}"
done
check_fails "the values schema refuses an unknown setting" "additional properties 'GATEWAY_PROT' not allowed" \
  render "${ALL_SECRETS[@]}" --set gateway.config.GATEWAY_PROT=1

say "deploy: the validator rejects broken manifests"
# rejects DESCRIPTION PATTERN SED-EXPRESSION [FIXTURE]: the good rendering, changed by the sed
# expression and with the fixture appended, must fail validation saying PATTERN.
rejects() {
  local broken="$OUT/broken.yaml"
  sed -e "$3" "$OUT/external.yaml" >"$broken"
  [ -z "${4:-}" ] || { echo "---" && cat "$ROOT/deploy/validate/testdata/$4"; } >>"$broken"
  check_fails "$1" "$2" validate "${EXTERNAL[@]}" "$broken"
}
rejects "a misspelt field" 'unknown field ".*imagePullPolcy"' '0,/imagePullPolicy:/s//imagePullPolcy:/'
rejects "an unquoted number where Kubernetes wants a string" 'cannot unmarshal number' \
  's/value: "--max-old-space-size=512"/value: 512/'
rejects "a setting no service reads" 'sets GATEWAY_PROT .*, which gateway does not read' 's/GATEWAY_PORT:/GATEWAY_PROT:/'
rejects "a Secret holding a default" 'SUBGRAPH_SIGNING_SECRET does not hold a value given at install' \
  "s/\"$MARKER-0\{32\}\"/\"changeme-changeme-changeme-changeme\"/"
rejects "a writable root file system" 'root file system must be read-only' \
  '0,/readOnlyRootFilesystem: true/s//readOnlyRootFilesystem: false/'
rejects "a Deployment without its autoscaler" 'events .*has 0 HorizontalPodAutoscalers' \
  's/^    name: rg-rewardgraph-events$/    name: rg-rewardgraph-elsewhere/'
rejects "a reference to a missing secret key" 'uses key DATA_REDIS of Secret' 's/key: DATA_REDIS_URL/key: DATA_REDIS/'
rejects "a subgraph reachable from outside" 'events .*reached from gateway,outside, expected exactly gateway' \
  '' open-subgraph.yaml
rejects "a container without limits, probes or a security context" \
  'container app: needs cpu requests and limits' '' unbounded-deployment.yaml
rejects "a Deployment without a disruption budget" 'unbounded .*covered by 0 PodDisruptionBudgets' \
  '' unbounded-deployment.yaml
rejects "one consumer name for every events pod" 'BUS_CONSUMER_NAME must come from the pod.s metadata.name' \
  's/fieldPath: metadata.name/fieldPath: spec.nodeName/'
rejects "a pod that may connect anywhere" 'dashboard .*connects to outside, expected exactly nobody' \
  's/^  egress: \[\]$/  egress: [{ ports: [{ port: 443 }] }]/'

say "deploy: the dashboard's nginx configuration"
ensure_nginx
NGINX="$OUT/nginx"
nginx_accepts() {
  validate "${EXTERNAL[@]}" -write-configmap "rg-rewardgraph-dashboard=$NGINX" "$OUT/external.yaml" &&
    nginx -t -q -p "$NGINX" -c "$NGINX/nginx.conf"
}
check "nginx -t accepts it" nginx_accepts

# The same configuration serving a stand-in build, on a Unix socket (no port to collide
# with), with only its paths moved into the check's folder.
SOCKET="$NGINX/nginx.sock"
mkdir -p "$NGINX/html/assets" "$NGINX/tmp"
echo '<!doctype html><title>dashboard stand-in</title>' >"$NGINX/html/index.html"
echo 'console.log(1);' >"$NGINX/html/assets/index-0a1b2c.js"
# /tmp/ first: the paths put in after it may themselves lie under /tmp (a checkout there).
sed -e "s|/tmp/|$NGINX/tmp/|" -e "s|listen 8080;|listen unix:$SOCKET;|" \
  -e "s|root /usr/share/nginx/html;|root $NGINX/html;|" "$NGINX/nginx.conf" >"$NGINX/serving.conf"
# In the foreground, as this script's child: stopped and reaped when the script ends.
nginx -p "$NGINX" -c "$NGINX/serving.conf" -e "$NGINX/error.log" -g 'daemon off;' >"$NGINX/access.log" 2>&1 &
NGINX_PID=$!
trap 'kill "$NGINX_PID" 2>/dev/null && wait "$NGINX_PID" || true' EXIT
wait_until 5 "nginx" test -S "$SOCKET" || die "nginx did not start: $(cat "$NGINX/access.log" "$NGINX/error.log")"
# get PATH: status line, headers and body.
get() { curl -s -i --unix-socket "$SOCKET" "http://dashboard.rewardgraph.example$1"; }
# answers PATH PATTERN...: the answer holds every pattern (grep -E, each on its own).
answers() {
  local path=$1 answer
  shift
  answer=$(get "$path")
  echo "$answer"
  for pattern in "$@"; do grep -Eiq -- "$pattern" <<<"$answer" || { echo "(missing: $pattern)"; return 1; }; done
}
CSP="content-security-policy: default-src 'self'; connect-src 'self' https://api.rewardgraph.example;"
check "a page of the router is index.html, not cached, with the security headers" \
  answers /events/42 '^HTTP/1.1 200' 'dashboard stand-in' 'cache-control: no-cache' "$CSP" 'x-content-type-options: nosniff'
check "a hashed asset is cached for a year" \
  answers /assets/index-0a1b2c.js '^HTTP/1.1 200' 'cache-control: public, max-age=31536000, immutable' "$CSP"
check "a missing asset is a 404, not the page" answers /assets/gone.js '^HTTP/1.1 404'
config_names_the_api() {
  get /config.js | tee /dev/stderr | sed '1,/^\r$/d' |
    node -e '
      const window = {};
      eval(require("fs").readFileSync(0, "utf8"));
      if (window.__REWARDGRAPH__.graphqlUrl !== "https://api.rewardgraph.example/graphql") process.exit(1);
    '
}
check "/config.js is JavaScript naming the API's URL" config_names_the_api

finish_checks deploy

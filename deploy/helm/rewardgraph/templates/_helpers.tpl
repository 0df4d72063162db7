{{/*
Names, labels and the pieces every workload shares. A component is one of gateway, auth,
events, dashboard (and user-db, event-db, redis-data, redis-secure for in-cluster datastores).
*/}}

{{- define "rewardgraph.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 50 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 50 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The name of a component's objects: (dict "root" $ "component" "gateway") */}}
{{- define "rewardgraph.name" -}}
{{- printf "%s-%s" (include "rewardgraph.fullname" .root) .component -}}
{{- end -}}

{{/* What selects a component's pods; never changes after the first install (selectors are immutable). */}}
{{- define "rewardgraph.selectorLabels" -}}
app.kubernetes.io/name: {{ .root.Chart.Name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "rewardgraph.labels" -}}
{{ include "rewardgraph.selectorLabels" . }}
app.kubernetes.io/part-of: rewardgraph
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version }}
{{- end -}}

{{- define "rewardgraph.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.repository .component (.root.Values.image.tag | default .root.Chart.AppVersion) -}}
{{- end -}}

{{- define "rewardgraph.secretName" -}}
{{- .Values.secrets.existingSecret | default (include "rewardgraph.fullname" .) -}}
{{- end -}}

{{- define "rewardgraph.keyRingSecretName" -}}
{{- .Values.keyRing.existingSecret | default (printf "%s-auth-keys" (include "rewardgraph.fullname" .)) -}}
{{- end -}}

{{/* A datastore's URL as an env entry: the in-cluster StatefulSet's, or the external one's from the Secret. */}}
{{- define "rewardgraph.datastoreEnv" -}}
- name: {{ .env }}
{{- if .root.Values.datastores.inCluster.enabled }}
  value: {{ include "rewardgraph.inClusterUrl" . | quote }}
{{- else }}
  valueFrom:
    secretKeyRef:
      name: {{ include "rewardgraph.secretName" .root }}
      key: {{ .key }}
{{- end }}
{{- end -}}

{{- define "rewardgraph.inClusterUrl" -}}
{{- $host := printf "%s-0.%s" (include "rewardgraph.name" (dict "root" .root "component" .store)) (include "rewardgraph.name" (dict "root" .root "component" .store)) -}}
{{- if hasPrefix "redis" .store -}}
{{- printf "redis://%s:6379" $host -}}
{{- else -}}
{{- printf "mongodb://%s:27017/%s?replicaSet=rs0" $host .database -}}
{{- end -}}
{{- end -}}

{{/*
Pod-level settings every workload shares: no API token (nothing here calls the API
server), and no variables for every Service of the namespace, which could shadow a setting.
*/}}
{{- define "rewardgraph.podDefaults" -}}
automountServiceAccountToken: false
enableServiceLinks: false
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* The pod's securityContext for a numeric user: images name theirs (node, nginx), which the kubelet cannot check for non-root. */}}
{{- define "rewardgraph.podSecurityContext" -}}
securityContext:
  runAsNonRoot: true
  runAsUser: {{ . }}
  runAsGroup: {{ . }}
  fsGroup: {{ . }}
  seccompProfile:
    type: RuntimeDefault
{{- end -}}

{{- define "rewardgraph.containerSecurityContext" -}}
securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities:
    drop: [ALL]
{{- end -}}

{{/* Replicas on different nodes when the cluster has them, so one node's loss is one replica's. */}}
{{- define "rewardgraph.spread" -}}
topologySpreadConstraints:
  - maxSkew: 1
    topologyKey: kubernetes.io/hostname
    whenUnsatisfiable: ScheduleAnyway
    labelSelector:
      matchLabels:
        {{- include "rewardgraph.selectorLabels" . | nindent 8 }}
{{- end -}}

{{/*
The Node services' probes, from their own endpoints (libs/service-kit/src/http/health.ts):
live = the process serves HTTP, ready = every dependency answers. The start-up probe gives
index creation and the first connections a minute before liveness may restart the pod.
*/}}
{{- define "rewardgraph.nodeProbes" -}}
startupProbe:
  httpGet: { path: /health/live, port: http }
  periodSeconds: 2
  failureThreshold: 30
livenessProbe:
  httpGet: { path: /health/live, port: http }
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: { path: /health/ready, port: http }
  periodSeconds: 5
  # A readiness check waits up to 2 s on each dependency.
  timeoutSeconds: 3
  failureThreshold: 2
{{- end -}}

{{/*
A Node service's lifecycle: on SIGTERM it drains for up to 10 s; the sleep first lets
endpoints and the ingress controller stop sending it new requests.
*/}}
{{- define "rewardgraph.nodeLifecycle" -}}
lifecycle:
  preStop:
    sleep: { seconds: 5 }
{{- end -}}

{{/* Restarts pods whose configuration changed (env from ConfigMaps is read at start only). */}}
{{- define "rewardgraph.configChecksum" -}}
checksum/config: {{ include (print .Template.BasePath "/configmaps.yaml") . | sha256sum }}
{{- end -}}

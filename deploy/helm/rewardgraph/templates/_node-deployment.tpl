{{/*
A Node service's Deployment (gateway, auth, events): its two ConfigMaps, the secrets it
needs as env entries, a heap cap below its memory limit, probes on its own health
endpoints, no privileges and a read-only root file system. The HorizontalPodAutoscaler
owns the replica count, so none is set here (an upgrade would reset it).
  (dict "root" $ "component" "gateway" "port" 3333 "env" "<env entries>"
        "volumes" "<volumes>" "volumeMounts" "<mounts>")
*/}}
{{- define "rewardgraph.nodeDeployment" -}}
{{- $root := .root -}}
{{- $values := index $root.Values .component -}}
{{- $ctx := dict "root" $root "component" .component -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "rewardgraph.name" $ctx }}
  labels:
    {{- include "rewardgraph.labels" $ctx | nindent 4 }}
spec:
  revisionHistoryLimit: 5
  selector:
    matchLabels:
      {{- include "rewardgraph.selectorLabels" $ctx | nindent 6 }}
  strategy:
    rollingUpdate: { maxSurge: 1, maxUnavailable: 0 }
  template:
    metadata:
      labels:
        {{- include "rewardgraph.labels" $ctx | nindent 8 }}
      annotations:
        {{- include "rewardgraph.configChecksum" $root | nindent 8 }}
    spec:
      {{- include "rewardgraph.podDefaults" $root | nindent 6 }}
      # The images' `node` user.
      {{- include "rewardgraph.podSecurityContext" 1000 | nindent 6 }}
      # Longer than the preStop sleep plus the service's 10 s drain.
      terminationGracePeriodSeconds: 30
      {{- include "rewardgraph.spread" $ctx | nindent 6 }}
      containers:
        - name: {{ .component }}
          image: {{ include "rewardgraph.image" $ctx }}
          imagePullPolicy: {{ $root.Values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ .port }}
          envFrom:
            - configMapRef:
                name: {{ include "rewardgraph.name" (dict "root" $root "component" "common") }}
            - configMapRef:
                name: {{ include "rewardgraph.name" $ctx }}
          env:
            # The HeapNearLimit alert (observability/prometheus/rules.yml) reads the heap against this cap.
            - name: NODE_OPTIONS
              value: {{ printf "--max-old-space-size=%d" (int $values.heapMiB) | quote }}
            - name: SUBGRAPH_SIGNING_SECRET
              valueFrom:
                secretKeyRef:
                  name: {{ include "rewardgraph.secretName" $root }}
                  key: SUBGRAPH_SIGNING_SECRET
            {{- .env | nindent 12 }}
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          {{- include "rewardgraph.nodeProbes" $root | nindent 10 }}
          {{- include "rewardgraph.nodeLifecycle" $root | nindent 10 }}
          {{- include "rewardgraph.containerSecurityContext" $root | nindent 10 }}
          {{- with .volumeMounts }}
          volumeMounts:
            {{- . | nindent 12 }}
          {{- end }}
      {{- with .volumes }}
      volumes:
        {{- . | nindent 8 }}
      {{- end }}
{{- end -}}

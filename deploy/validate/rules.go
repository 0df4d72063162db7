package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"
	"k8s.io/apimachinery/pkg/util/validation"
)

type rules struct {
	// secretMarker: every Secret value must contain it (empty: not checked).
	secretMarker string
	// knownEnv: per component, the variables its containers may set (absent: not checked).
	knownEnv map[string]map[string]bool
	// fieldEnv: per component, variables that must come from a field of the pod.
	fieldEnv map[string]map[string]string
}

// checkRules applies the chart's production rules to everything rendered.
func checkRules(m manifests, r rules) []string {
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	for _, key := range sortedKeys(m.names) {
		sources := m.names[key]
		if len(sources) > 1 {
			report("%s is rendered %d times (%s)", key, len(sources), strings.Join(sources, ", "))
		}
		name := key[strings.Index(key, "/")+1:]
		for _, msg := range validation.IsDNS1123Subdomain(name) {
			report("%s: name %q: %s", key, name, msg)
		}
	}
	for _, w := range m.workloads {
		checkWorkload(m, r, w, report)
	}
	for _, name := range sortedKeys(m.secrets) {
		s := m.secrets[name]
		if r.secretMarker == "" {
			break
		}
		values := map[string]string{}
		for k, v := range s.item.StringData {
			values[k] = v
		}
		for k, v := range s.item.Data {
			values[k] = string(v)
		}
		for _, k := range sortedKeys(values) {
			if !strings.Contains(values[k], r.secretMarker) {
				report("Secret %s (%s): %s does not hold a value given at install: a default crept in", name, s.source, k)
			}
		}
	}
	for _, s := range m.services {
		checkService(m, s.item, s.source, report)
	}
	for _, i := range m.ingresses {
		ing := i.item
		if ing.Spec.IngressClassName == nil || *ing.Spec.IngressClassName == "" {
			report("Ingress %s (%s): no ingressClassName", ing.Name, i.source)
		}
		tlsHosts := map[string]bool{}
		for _, t := range ing.Spec.TLS {
			for _, h := range t.Hosts {
				tlsHosts[h] = true
			}
		}
		for _, rule := range ing.Spec.Rules {
			if !tlsHosts[rule.Host] {
				report("Ingress %s (%s): host %q is served without TLS (the refresh cookie is Secure)", ing.Name, i.source, rule.Host)
			}
			if rule.HTTP == nil {
				continue
			}
			for _, p := range rule.HTTP.Paths {
				checkBackend(m, ing.Name, i.source, p.Backend.Service, report)
			}
		}
	}
	for _, h := range m.hpas {
		ref := h.item.Spec.ScaleTargetRef
		if ref.Kind != "Deployment" || ref.APIVersion != "apps/v1" || findWorkload(m, "Deployment", ref.Name) == nil {
			report("HorizontalPodAutoscaler %s (%s): scales %s %s, which is not rendered", h.item.Name, h.source, ref.Kind, ref.Name)
		}
	}
	for _, p := range m.pdbs {
		if len(workloadsSelectedBy(m, p.item.Spec.Selector)) == 0 {
			report("PodDisruptionBudget %s (%s): selects no workload's pods", p.item.Name, p.source)
		}
	}
	return problems
}

func checkWorkload(m manifests, r rules, w workload, report func(string, ...any)) {
	pod := w.template.Spec
	if !selects(w.selector, w.template.Labels) {
		report("%s: its selector does not select its own pods", w.ref())
	}
	if w.component() == "" {
		report("%s: pods have no %s label", w.ref(), componentLabel)
	}
	if pod.AutomountServiceAccountToken == nil || *pod.AutomountServiceAccountToken {
		report("%s: mounts a service account token it has no use for", w.ref())
	}
	if pod.EnableServiceLinks == nil || *pod.EnableServiceLinks {
		report("%s: gets a variable for every Service of the namespace (enableServiceLinks), which could shadow a setting", w.ref())
	}
	psc := pod.SecurityContext
	if psc == nil || psc.RunAsNonRoot == nil || !*psc.RunAsNonRoot || psc.RunAsUser == nil || *psc.RunAsUser == 0 {
		report("%s: the pod must set runAsNonRoot and a numeric non-root runAsUser", w.ref())
	}
	if psc == nil || psc.SeccompProfile == nil || psc.SeccompProfile.Type != corev1.SeccompProfileTypeRuntimeDefault {
		report("%s: the pod must use the RuntimeDefault seccomp profile", w.ref())
	}
	volumes := map[string]bool{}
	for _, v := range pod.Volumes {
		volumes[v.Name] = true
		if v.Secret != nil {
			checkSecretKeys(m, w, v.Secret.SecretName, keysOf(v.Secret.Items), report)
		}
		if v.ConfigMap != nil {
			checkConfigMapKeys(m, w, v.ConfigMap.Name, keysOf(v.ConfigMap.Items), report)
		}
	}
	if w.statefulSet != nil {
		for _, c := range w.statefulSet.Spec.VolumeClaimTemplates {
			volumes[c.Name] = true
		}
		checkGoverningService(m, w, report)
	}
	containers := slices.Concat(pod.InitContainers, pod.Containers)
	for i, c := range containers {
		where := fmt.Sprintf("%s, container %s", w.ref(), c.Name)
		checkImage(c.Image, where, report)
		checkResources(c.Resources, where, report)
		sc := c.SecurityContext
		if sc == nil || sc.AllowPrivilegeEscalation == nil || *sc.AllowPrivilegeEscalation {
			report("%s: allowPrivilegeEscalation must be false", where)
		}
		if sc == nil || sc.ReadOnlyRootFilesystem == nil || !*sc.ReadOnlyRootFilesystem {
			report("%s: the root file system must be read-only (mount an emptyDir where it writes)", where)
		}
		if sc == nil || sc.Capabilities == nil || !slices.Contains(sc.Capabilities.Drop, "ALL") {
			report("%s: must drop ALL capabilities", where)
		}
		if i >= len(pod.InitContainers) {
			if c.ReadinessProbe == nil || c.LivenessProbe == nil {
				report("%s: needs a readiness and a liveness probe", where)
			}
			for _, probe := range []*corev1.Probe{c.StartupProbe, c.LivenessProbe, c.ReadinessProbe} {
				checkProbePort(c, probe, where, report)
			}
		}
		for _, mount := range c.VolumeMounts {
			if !volumes[mount.Name] {
				report("%s: mounts volume %q, which the pod does not have", where, mount.Name)
			}
		}
		checkEnv(m, r, w, c, where, report)
		if i >= len(pod.InitContainers) {
			checkFieldEnv(r.fieldEnv[w.component()], c, where, report)
		}
	}
	if w.deployment != nil {
		checkScaling(m, w, report)
	}
}

func checkImage(image, where string, report func(string, ...any)) {
	if strings.Contains(image, "@sha256:") {
		return
	}
	slash := strings.LastIndex(image, "/")
	colon := strings.LastIndex(image, ":")
	if colon <= slash || strings.HasSuffix(image, ":latest") {
		report("%s: image %q is not pinned to a release", where, image)
	}
}

func checkResources(res corev1.ResourceRequirements, where string, report func(string, ...any)) {
	for _, name := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
		request, hasRequest := res.Requests[name]
		limit, hasLimit := res.Limits[name]
		if !hasRequest || !hasLimit {
			report("%s: needs %s requests and limits", where, name)
			continue
		}
		if request.Cmp(limit) > 0 {
			report("%s: %s request %s is above its limit %s", where, name, request.String(), limit.String())
		}
		if limit.Cmp(resource.Quantity{}) <= 0 {
			report("%s: %s limit must be positive", where, name)
		}
	}
}

// checkProbePort: an HTTP or TCP probe must point at a port the container declares.
func checkProbePort(c corev1.Container, probe *corev1.Probe, where string, report func(string, ...any)) {
	if probe == nil {
		return
	}
	var port *intstr.IntOrString
	switch {
	case probe.HTTPGet != nil:
		port = &probe.HTTPGet.Port
	case probe.TCPSocket != nil:
		port = &probe.TCPSocket.Port
	default:
		return
	}
	if !hasPort(c.Ports, *port) {
		report("%s: a probe uses port %s, which the container does not declare", where, port.String())
	}
}

func hasPort(ports []corev1.ContainerPort, port intstr.IntOrString) bool {
	for _, p := range ports {
		if (port.Type == intstr.String && p.Name == port.StrVal) || (port.Type == intstr.Int && p.ContainerPort == port.IntVal) {
			return true
		}
	}
	return false
}

// checkEnv: references resolve to rendered (or declared external) ConfigMaps and Secrets
// and their keys, and every variable set is one the component reads.
func checkEnv(m manifests, r rules, w workload, c corev1.Container, where string, report func(string, ...any)) {
	known, checkNames := r.knownEnv[w.component()]
	name := func(n, from string) {
		if checkNames && !known[n] {
			report("%s: sets %s%s, which %s does not read (a misspelt or stale setting)", where, n, from, w.component())
		}
	}
	for _, e := range c.Env {
		name(e.Name, "")
		if e.ValueFrom == nil {
			continue
		}
		if ref := e.ValueFrom.SecretKeyRef; ref != nil {
			checkSecretKeys(m, w, ref.Name, []string{ref.Key}, report)
		}
		if ref := e.ValueFrom.ConfigMapKeyRef; ref != nil {
			checkConfigMapKeys(m, w, ref.Name, []string{ref.Key}, report)
		}
	}
	for _, from := range c.EnvFrom {
		if from.ConfigMapRef != nil {
			cm, ok := m.configMaps[from.ConfigMapRef.Name]
			if !ok {
				report("%s: envFrom ConfigMap %s is not rendered", where, from.ConfigMapRef.Name)
				continue
			}
			for _, k := range sortedKeys(cm.Data) {
				name(from.Prefix+k, " (ConfigMap "+cm.Name+")")
			}
		}
		if from.SecretRef != nil {
			report("%s: envFrom a whole Secret (%s) hides which secrets it gets; name each", where, from.SecretRef.Name)
		}
	}
}

// checkFieldEnv: a variable that must differ per pod (a consumer name) comes from the pod itself.
func checkFieldEnv(want map[string]string, c corev1.Container, where string, report func(string, ...any)) {
	for _, name := range sortedKeys(want) {
		i := slices.IndexFunc(c.Env, func(e corev1.EnvVar) bool { return e.Name == name })
		switch {
		case i < 0:
			report("%s: does not set %s (from the pod's %s)", where, name, want[name])
		case c.Env[i].ValueFrom == nil || c.Env[i].ValueFrom.FieldRef == nil || c.Env[i].ValueFrom.FieldRef.FieldPath != want[name]:
			report("%s: %s must come from the pod's %s (downward API)", where, name, want[name])
		}
	}
}

func checkSecretKeys(m manifests, w workload, name string, keys []string, report func(string, ...any)) {
	if m.externalSecrets[name] {
		return
	}
	s, ok := m.secrets[name]
	if !ok {
		report("%s: uses Secret %s, which is neither rendered nor declared external", w.ref(), name)
		return
	}
	for _, k := range keys {
		_, inData := s.item.Data[k]
		_, inStringData := s.item.StringData[k]
		if !inData && !inStringData {
			report("%s: uses key %s of Secret %s, which it does not have", w.ref(), k, name)
		}
	}
}

func checkConfigMapKeys(m manifests, w workload, name string, keys []string, report func(string, ...any)) {
	cm, ok := m.configMaps[name]
	if !ok {
		report("%s: uses ConfigMap %s, which is not rendered", w.ref(), name)
		return
	}
	for _, k := range keys {
		if _, ok := cm.Data[k]; !ok {
			report("%s: uses key %s of ConfigMap %s, which it does not have", w.ref(), k, name)
		}
	}
}

// checkScaling: a Deployment's replicas belong to exactly one HorizontalPodAutoscaler (a
// replicas field would reset them at every upgrade), it keeps two or more, and a
// PodDisruptionBudget lets a node drain evict one of them at a time.
func checkScaling(m manifests, w workload, report func(string, ...any)) {
	if w.deployment.Spec.Replicas != nil {
		report("%s: sets replicas, which its HorizontalPodAutoscaler owns", w.ref())
	}
	var minReplicas int32
	targets := 0
	for _, h := range m.hpas {
		ref := h.item.Spec.ScaleTargetRef
		if ref.Kind != "Deployment" || ref.Name != w.name {
			continue
		}
		targets++
		spec := h.item.Spec
		minReplicas = 1
		if spec.MinReplicas != nil {
			minReplicas = *spec.MinReplicas
		}
		if minReplicas < 2 {
			report("HorizontalPodAutoscaler %s (%s): minReplicas %d leaves one pod: a restart or a lost node stops the service", h.item.Name, h.source, minReplicas)
		}
		if spec.MaxReplicas < minReplicas {
			report("HorizontalPodAutoscaler %s (%s): maxReplicas %d is below minReplicas %d", h.item.Name, h.source, spec.MaxReplicas, minReplicas)
		}
		if len(spec.Metrics) == 0 {
			report("HorizontalPodAutoscaler %s (%s): no metrics to scale by", h.item.Name, h.source)
		}
	}
	if targets != 1 {
		report("%s: has %d HorizontalPodAutoscalers, needs exactly one", w.ref(), targets)
	}
	budgets := 0
	for _, p := range m.pdbs {
		if !selects(p.item.Spec.Selector, w.template.Labels) {
			continue
		}
		budgets++
		spec := p.item.Spec
		switch {
		case spec.MaxUnavailable != nil:
			if spec.MaxUnavailable.Type == intstr.Int && spec.MaxUnavailable.IntVal < 1 {
				report("PodDisruptionBudget %s (%s): maxUnavailable 0 blocks every node drain", p.item.Name, p.source)
			}
		case spec.MinAvailable != nil && spec.MinAvailable.Type == intstr.Int:
			if spec.MinAvailable.IntVal >= minReplicas {
				report("PodDisruptionBudget %s (%s): minAvailable %d with minReplicas %d blocks every node drain", p.item.Name, p.source, spec.MinAvailable.IntVal, minReplicas)
			}
		default:
			report("PodDisruptionBudget %s (%s): says neither maxUnavailable nor a number minAvailable", p.item.Name, p.source)
		}
	}
	if budgets != 1 {
		report("%s: is covered by %d PodDisruptionBudgets, needs exactly one", w.ref(), budgets)
	}
}

// checkGoverningService: a StatefulSet's pods get their stable DNS names from a headless Service.
func checkGoverningService(m manifests, w workload, report func(string, ...any)) {
	for _, s := range m.services {
		if s.item.Name == w.statefulSet.Spec.ServiceName {
			if s.item.Spec.ClusterIP != corev1.ClusterIPNone || !selects(metaSelector(s.item.Spec.Selector), w.template.Labels) {
				report("%s: Service %s must be headless and select its pods", w.ref(), s.item.Name)
			}
			return
		}
	}
	report("%s: its serviceName %q is not rendered", w.ref(), w.statefulSet.Spec.ServiceName)
}

func checkService(m manifests, s *corev1.Service, source string, report func(string, ...any)) {
	if len(s.Spec.Selector) == 0 {
		report("Service %s (%s): has no selector", s.Name, source)
		return
	}
	selected := workloadsSelectedBy(m, metaSelector(s.Spec.Selector))
	if len(selected) == 0 {
		report("Service %s (%s): selects no workload's pods", s.Name, source)
		return
	}
	for _, p := range s.Spec.Ports {
		for _, w := range selected {
			found := false
			for _, c := range w.template.Spec.Containers {
				found = found || hasPort(c.Ports, p.TargetPort)
			}
			if !found {
				report("Service %s (%s): port %s targets %s, which %s does not declare", s.Name, source, p.Name, p.TargetPort.String(), w.ref())
			}
		}
	}
}

func checkBackend(m manifests, ingress, source string, backend *networkingv1.IngressServiceBackend, report func(string, ...any)) {
	if backend == nil {
		report("Ingress %s (%s): a path has no Service backend", ingress, source)
		return
	}
	for _, s := range m.services {
		if s.item.Name != backend.Name {
			continue
		}
		for _, p := range s.item.Spec.Ports {
			if p.Name == backend.Port.Name && backend.Port.Name != "" || p.Port == backend.Port.Number && backend.Port.Number != 0 {
				return
			}
		}
		report("Ingress %s (%s): Service %s has no port %+v", ingress, source, backend.Name, backend.Port)
		return
	}
	report("Ingress %s (%s): routes to Service %s, which is not rendered", ingress, source, backend.Name)
}

// metaSelector: a Service's selector as a label selector.
func metaSelector(matchLabels map[string]string) *metav1.LabelSelector {
	return &metav1.LabelSelector{MatchLabels: matchLabels}
}

func findWorkload(m manifests, kind, name string) *workload {
	for i := range m.workloads {
		if m.workloads[i].kind == kind && m.workloads[i].name == name {
			return &m.workloads[i]
		}
	}
	return nil
}

func workloadsSelectedBy(m manifests, selector *metav1.LabelSelector) []workload {
	var out []workload
	for _, w := range m.workloads {
		if selects(selector, w.template.Labels) {
			out = append(out, w)
		}
	}
	return out
}

func keysOf(items []corev1.KeyToPath) []string {
	var keys []string
	for _, i := range items {
		keys = append(keys, i.Key)
	}
	return keys
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

package main

import (
	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
)

const componentLabel = "app.kubernetes.io/component"

// workload is a Deployment or a StatefulSet: what runs pods.
type workload struct {
	kind, name, source string
	selector           *metav1.LabelSelector
	template           corev1.PodTemplateSpec
	deployment         *appsv1.Deployment
	statefulSet        *appsv1.StatefulSet
}

func (w workload) component() string { return w.template.Labels[componentLabel] }
func (w workload) ref() string       { return w.kind + " " + w.name + " (" + w.source + ")" }

// located is an object with its source, for messages.
type located[T any] struct {
	source string
	item   T
}

// manifests is everything rendered, by kind.
type manifests struct {
	workloads       []workload
	services        []located[*corev1.Service]
	configMaps      map[string]*corev1.ConfigMap
	secrets         map[string]located[*corev1.Secret]
	externalSecrets map[string]bool
	hpas            []located[*autoscalingv2.HorizontalPodAutoscaler]
	pdbs            []located[*policyv1.PodDisruptionBudget]
	policies        []located[*networkingv1.NetworkPolicy]
	ingresses       []located[*networkingv1.Ingress]
	names           map[string][]string // "Kind/name" -> sources, to find duplicates
}

func index(objects []object, externalSecrets []string) manifests {
	m := manifests{
		configMaps:      map[string]*corev1.ConfigMap{},
		secrets:         map[string]located[*corev1.Secret]{},
		externalSecrets: map[string]bool{},
		names:           map[string][]string{},
	}
	for _, name := range externalSecrets {
		m.externalSecrets[name] = true
	}
	for _, o := range objects {
		switch v := o.obj.(type) {
		case *appsv1.Deployment:
			m.workloads = append(m.workloads, workload{kind: "Deployment", name: v.Name, source: o.source, selector: v.Spec.Selector, template: v.Spec.Template, deployment: v})
		case *appsv1.StatefulSet:
			m.workloads = append(m.workloads, workload{kind: "StatefulSet", name: v.Name, source: o.source, selector: v.Spec.Selector, template: v.Spec.Template, statefulSet: v})
		case *corev1.Service:
			m.services = append(m.services, located[*corev1.Service]{o.source, v})
		case *corev1.ConfigMap:
			m.configMaps[v.Name] = v
		case *corev1.Secret:
			m.secrets[v.Name] = located[*corev1.Secret]{o.source, v}
		case *autoscalingv2.HorizontalPodAutoscaler:
			m.hpas = append(m.hpas, located[*autoscalingv2.HorizontalPodAutoscaler]{o.source, v})
		case *policyv1.PodDisruptionBudget:
			m.pdbs = append(m.pdbs, located[*policyv1.PodDisruptionBudget]{o.source, v})
		case *networkingv1.NetworkPolicy:
			m.policies = append(m.policies, located[*networkingv1.NetworkPolicy]{o.source, v})
		case *networkingv1.Ingress:
			m.ingresses = append(m.ingresses, located[*networkingv1.Ingress]{o.source, v})
		}
		kind := o.obj.GetObjectKind().GroupVersionKind().Kind
		if meta, ok := o.obj.(metav1.Object); ok {
			key := kind + "/" + meta.GetName()
			m.names[key] = append(m.names[key], o.source)
		}
	}
	return m
}

// selects: whether a label selector picks pods with these labels. An invalid selector selects nothing.
func selects(selector *metav1.LabelSelector, podLabels map[string]string) bool {
	if selector == nil {
		return false
	}
	s, err := metav1.LabelSelectorAsSelector(selector)
	return err == nil && s.Matches(labels.Set(podLabels))
}

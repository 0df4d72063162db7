package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	networkingv1 "k8s.io/api/networking/v1"
)

// outside: any peer beyond the release's own pods (a namespaceSelector, an ipBlock, or a
// rule without `from`, which admits everyone).
const outside = "outside"

func parseExpectedIngress(flags []string) (map[string][]string, error) {
	expected := map[string][]string{}
	for _, f := range flags {
		component, from, ok := strings.Cut(f, "=")
		if !ok || component == "" {
			return nil, fmt.Errorf("-ingress %q: want COMPONENT=FROM,...", f)
		}
		sources := strings.Split(from, ",")
		sort.Strings(sources)
		expected[component] = sources
	}
	return expected, nil
}

// checkIngressReach computes, from the rendered NetworkPolicies, who can open a connection
// to each workload's pods, and compares it with what the flags expect. Every pod must be
// under a policy for both directions (so anything not allowed is denied), and each rule
// must name its ports.
func checkIngressReach(m manifests, expected map[string][]string) []string {
	var problems []string
	report := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	for _, p := range m.policies {
		for i, rule := range p.item.Spec.Ingress {
			if len(rule.Ports) == 0 {
				report("NetworkPolicy %s (%s): ingress rule %d opens every port", p.item.Name, p.source, i+1)
			}
		}
		for i, rule := range p.item.Spec.Egress {
			if len(rule.Ports) == 0 {
				report("NetworkPolicy %s (%s): egress rule %d opens every port", p.item.Name, p.source, i+1)
			}
		}
	}
	for _, w := range m.workloads {
		var ingressCovered, egressCovered bool
		sources := map[string]bool{}
		for _, p := range m.policies {
			if !selects(&p.item.Spec.PodSelector, w.template.Labels) {
				continue
			}
			ingressCovered = ingressCovered || slices.Contains(p.item.Spec.PolicyTypes, networkingv1.PolicyTypeIngress)
			egressCovered = egressCovered || slices.Contains(p.item.Spec.PolicyTypes, networkingv1.PolicyTypeEgress)
			for _, rule := range p.item.Spec.Ingress {
				if len(rule.From) == 0 {
					sources[outside] = true
				}
				for _, peer := range rule.From {
					if peer.NamespaceSelector != nil || peer.IPBlock != nil {
						sources[outside] = true
						continue
					}
					for _, from := range workloadsSelectedBy(m, peer.PodSelector) {
						sources[from.component()] = true
					}
				}
			}
		}
		if !ingressCovered || !egressCovered {
			report("%s: no NetworkPolicy denies what is not allowed (ingress: %t, egress: %t)", w.ref(), ingressCovered, egressCovered)
		}
		got := sortedKeys(sources)
		want, ok := expected[w.component()]
		switch {
		case !ok:
			report("%s: no -ingress expectation for component %s (it is reached from: %s)", w.ref(), w.component(), strings.Join(got, ","))
		case !slices.Equal(got, want):
			report("%s: reached from %s, expected exactly %s", w.ref(), orNobody(got), strings.Join(want, ","))
		}
	}
	return problems
}

func orNobody(sources []string) string {
	if len(sources) == 0 {
		return "nobody"
	}
	return strings.Join(sources, ",")
}

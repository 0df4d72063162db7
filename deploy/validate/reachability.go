package main

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	networkingv1 "k8s.io/api/networking/v1"
)

// outside: any peer beyond the release's own pods (a namespaceSelector, an ipBlock, or a
// rule without peers, which allows every address).
const outside = "outside"

// parseExpected reads COMPONENT=PEER,... flags; an empty list means nobody.
func parseExpected(name string, flags []string) (map[string][]string, error) {
	expected := map[string][]string{}
	for _, f := range flags {
		component, peers, ok := strings.Cut(f, "=")
		if !ok || component == "" {
			return nil, fmt.Errorf("-%s %q: want COMPONENT=PEER,...", name, f)
		}
		list := []string{}
		if peers != "" {
			list = strings.Split(peers, ",")
		}
		sort.Strings(list)
		expected[component] = list
	}
	return expected, nil
}

// checkReach works out from the rendered NetworkPolicies who can open a connection to each
// workload's pods (ingress) and where its pods can open one to (egress), and compares both
// with what the flags expect. Every pod must be under a policy for each direction (so
// anything not allowed is denied), and every rule must name its ports.
func checkReach(m manifests, ingress, egress map[string][]string) []string {
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
		from, to := map[string]bool{}, map[string]bool{}
		for _, p := range m.policies {
			if !selects(&p.item.Spec.PodSelector, w.template.Labels) {
				continue
			}
			ingressCovered = ingressCovered || slices.Contains(p.item.Spec.PolicyTypes, networkingv1.PolicyTypeIngress)
			egressCovered = egressCovered || slices.Contains(p.item.Spec.PolicyTypes, networkingv1.PolicyTypeEgress)
			for _, rule := range p.item.Spec.Ingress {
				addPeers(m, from, rule.From)
			}
			for _, rule := range p.item.Spec.Egress {
				addPeers(m, to, rule.To)
			}
		}
		if !ingressCovered || !egressCovered {
			report("%s: no NetworkPolicy denies what is not allowed (ingress: %t, egress: %t)", w.ref(), ingressCovered, egressCovered)
		}
		compare(w, "reached from", "ingress", sortedKeys(from), ingress, report)
		compare(w, "connects to", "egress", sortedKeys(to), egress, report)
	}
	return problems
}

// addPeers adds the components (or outside) that a rule's peers stand for.
func addPeers(m manifests, into map[string]bool, peers []networkingv1.NetworkPolicyPeer) {
	if len(peers) == 0 {
		into[outside] = true
	}
	for _, peer := range peers {
		if peer.NamespaceSelector != nil || peer.IPBlock != nil {
			into[outside] = true
			continue
		}
		for _, w := range workloadsSelectedBy(m, peer.PodSelector) {
			into[w.component()] = true
		}
	}
}

func compare(w workload, verb, flag string, got []string, expected map[string][]string, report func(string, ...any)) {
	want, ok := expected[w.component()]
	switch {
	case !ok:
		report("%s: no -%s expectation for component %s (it %s %s)", w.ref(), flag, w.component(), verb, orNobody(got))
	case !slices.Equal(got, want):
		report("%s: %s %s, expected exactly %s", w.ref(), verb, orNobody(got), orNobody(want))
	}
}

func orNobody(peers []string) string {
	if len(peers) == 0 {
		return "nobody"
	}
	return strings.Join(peers, ",")
}

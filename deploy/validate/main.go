// Command validate checks the Helm chart's rendered manifests offline, where no cluster
// answers: every object is decoded strictly into its Kubernetes API type (an unknown or
// misspelt field, a duplicate key or a value of the wrong type is an error), then held to
// the chart's rules (rules.go, reachability.go). scripts/deploy/check.sh runs it on
// `helm template` output.
//
//	validate [flags] rendered.yaml...
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// listFlag collects a repeated flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func main() {
	var (
		marker          = flag.String("secret-marker", "", "every value of a rendered Secret must contain this (the check's own values hold it, so a default the chart slipped in does not)")
		externalSecrets listFlag
		envSources      listFlag
		ingress         listFlag
		egress          listFlag
		fieldEnv        listFlag
		writeConfigMaps listFlag
	)
	flag.Var(&externalSecrets, "external-secret", "a Secret the manifests may reference without rendering it (an existingSecret); repeatable")
	flag.Var(&envSources, "env", "COMPONENT=SOURCE,...: the variables a component's containers may set; a SOURCE with a / is a config.ts whose `NAME:` keys count, any other is a name; repeatable")
	flag.Var(&ingress, "ingress", "COMPONENT=FROM,...: exactly who may reach the component's pods: components of the release, or `outside`; one for every workload")
	flag.Var(&egress, "egress", "COMPONENT=TO,...: exactly where the component's pods may connect to, as for -ingress; one for every workload")
	flag.Var(&fieldEnv, "field-env", "COMPONENT/NAME=FIELDPATH: the component's containers take NAME from the pod's field (downward API); repeatable")
	flag.Var(&writeConfigMaps, "write-configmap", "NAME=DIR: write each key of the rendered ConfigMap NAME as a file in DIR, for a tool that checks it (nginx -t); repeatable")
	flag.Parse()
	if flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: validate [flags] rendered.yaml...")
		os.Exit(2)
	}

	known, err := readKnownEnv(envSources)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	expectedIngress, err := parseExpected("ingress", ingress)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	expectedEgress, err := parseExpected("egress", egress)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	fromFields, err := parseFieldEnv(fieldEnv)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}

	var objects []object
	var problems []string
	for _, path := range flag.Args() {
		decoded, errs := decodeFile(path)
		objects = append(objects, decoded...)
		problems = append(problems, errs...)
	}
	set := index(objects, externalSecrets)
	if len(set.workloads) == 0 {
		problems = append(problems, "no workload rendered: nothing to check")
	}
	problems = append(problems, checkRules(set, rules{secretMarker: *marker, knownEnv: known, fieldEnv: fromFields})...)
	problems = append(problems, checkReach(set, expectedIngress, expectedEgress)...)

	for _, f := range writeConfigMaps {
		if err := writeConfigMap(set, f); err != nil {
			problems = append(problems, err.Error())
		}
	}

	for _, p := range problems {
		fmt.Println(p)
	}
	if len(problems) > 0 {
		fmt.Printf("%d problem(s) in %d object(s)\n", len(problems), len(objects))
		os.Exit(1)
	}
	fmt.Printf("%d objects decoded strictly and keep the rules\n", len(objects))
}

// writeConfigMap writes NAME's data into DIR, one file per key.
func writeConfigMap(m manifests, spec string) error {
	name, dir, ok := strings.Cut(spec, "=")
	if !ok {
		return fmt.Errorf("-write-configmap %q: want NAME=DIR", spec)
	}
	cm, ok := m.configMaps[name]
	if !ok {
		return fmt.Errorf("-write-configmap: ConfigMap %s is not rendered", name)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for key, value := range cm.Data {
		if err := os.WriteFile(filepath.Join(dir, key), []byte(value), 0o644); err != nil {
			return err
		}
	}
	return nil
}

package main

import (
	"fmt"
	"os"
	"regexp"
	"strings"
)

// A key of a zod object in a service's config.ts: `  EVENTS_PORT: port(3002),`.
var configKey = regexp.MustCompile(`(?m)^\s+([A-Z][A-Z0-9_]*):`)

// readKnownEnv parses -env COMPONENT=SOURCE,... flags into the names each component reads.
func readKnownEnv(flags []string) (map[string]map[string]bool, error) {
	known := map[string]map[string]bool{}
	for _, f := range flags {
		component, sources, ok := strings.Cut(f, "=")
		if !ok || component == "" || sources == "" {
			return nil, fmt.Errorf("-env %q: want COMPONENT=SOURCE,...", f)
		}
		if known[component] == nil {
			known[component] = map[string]bool{}
		}
		for _, source := range strings.Split(sources, ",") {
			if !strings.Contains(source, "/") {
				known[component][source] = true
				continue
			}
			text, err := os.ReadFile(source)
			if err != nil {
				return nil, fmt.Errorf("-env %s: %w", component, err)
			}
			keys := configKey.FindAllStringSubmatch(string(text), -1)
			if len(keys) == 0 {
				return nil, fmt.Errorf("-env %s: %s has no config keys", component, source)
			}
			for _, k := range keys {
				known[component][k[1]] = true
			}
		}
	}
	return known, nil
}

// parseFieldEnv parses -field-env COMPONENT/NAME=FIELDPATH flags.
func parseFieldEnv(flags []string) (map[string]map[string]string, error) {
	fields := map[string]map[string]string{}
	for _, f := range flags {
		target, path, ok := strings.Cut(f, "=")
		component, name, ok2 := strings.Cut(target, "/")
		if !ok || !ok2 || component == "" || name == "" || path == "" {
			return nil, fmt.Errorf("-field-env %q: want COMPONENT/NAME=FIELDPATH", f)
		}
		if fields[component] == nil {
			fields[component] = map[string]string{}
		}
		fields[component][name] = path
	}
	return fields, nil
}

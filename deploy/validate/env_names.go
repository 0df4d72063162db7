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

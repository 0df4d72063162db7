package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	autoscalingv2 "k8s.io/api/autoscaling/v2"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

// object is one decoded manifest and where it came from (Helm's "# Source:" line).
type object struct {
	source string
	obj    runtime.Object
}

// The kinds the chart may render. Anything else, or an API version the cluster would not
// serve for them (extensions/v1beta1 Ingress, autoscaling/v1), fails to decode.
var scheme = func() *runtime.Scheme {
	s := runtime.NewScheme()
	for _, add := range []func(*runtime.Scheme) error{
		corev1.AddToScheme, appsv1.AddToScheme, autoscalingv2.AddToScheme,
		policyv1.AddToScheme, networkingv1.AddToScheme,
	} {
		if err := add(s); err != nil {
			panic(err)
		}
	}
	return s
}()

// Strict: unknown fields and duplicate keys are errors, not silently dropped, which is
// how a misspelt field in a template would otherwise reach a cluster unnoticed.
var decoder = serializer.NewCodecFactory(scheme, serializer.EnableStrict).UniversalDeserializer()

// decodeFile decodes every YAML document of a file, reporting each failure with its source.
func decodeFile(path string) ([]object, []string) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, []string{err.Error()}
	}
	reader := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(data)))
	var objects []object
	var problems []string
	for n := 1; ; n++ {
		doc, err := reader.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return objects, append(problems, fmt.Sprintf("%s: document %d: %v", path, n, err))
		}
		source := sourceOf(doc, fmt.Sprintf("%s: document %d", path, n))
		if isEmpty(doc) {
			continue
		}
		obj, _, err := decoder.Decode(doc, nil, nil)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", source, err))
			continue
		}
		objects = append(objects, object{source: source, obj: obj})
	}
	return objects, problems
}

// sourceOf names a document by the template Helm rendered it from, when it says.
func sourceOf(doc []byte, fallback string) string {
	for _, line := range strings.Split(string(doc), "\n") {
		if after, ok := strings.CutPrefix(line, "# Source: "); ok {
			return after
		}
	}
	return fallback
}

// isEmpty: nothing but comments and blank lines (a template that rendered nothing).
func isEmpty(doc []byte) bool {
	for _, line := range strings.Split(string(doc), "\n") {
		line = strings.TrimSpace(line)
		if line != "" && !strings.HasPrefix(line, "#") && line != "---" {
			return false
		}
	}
	return true
}

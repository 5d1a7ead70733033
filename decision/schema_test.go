package decision

import (
	"bytes"
	"encoding/json"
	"maps"
	"os"
	"slices"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

const schemaFile = "tree.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	return compileSchemaFile(t, schemaFile)
}

func compileSchemaFile(t *testing.T, schemaFile string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaFile, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// yamlToJSON converts a YAML document to values the schema validator takes.
func yamlToJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(plainDates(v))
	if err != nil {
		t.Fatal(err)
	}
	out, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// plainDates turns the timestamps YAML makes of unquoted dates back into
// the text written in the file, as a YAML editor's schema check sees them.
func plainDates(v any) any {
	switch v := v.(type) {
	case time.Time:
		return v.Format("2006-01-02")
	case map[string]any:
		for k, x := range v {
			v[k] = plainDates(x)
		}
	case []any:
		for i, x := range v {
			v[i] = plainDates(x)
		}
	}
	return v
}

// TestSchemaAcceptsGoodTrees validates every good example, and the real
// tree if there is one, against tree.schema.json.
func TestSchemaAcceptsGoodTrees(t *testing.T) {
	s := compileSchema(t)
	files := readFiles(t, "testdata/good/*.yaml")
	if data, err := os.ReadFile("../" + TreeFile); err == nil {
		files["../"+TreeFile] = data
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if err := s.Validate(yamlToJSON(t, files[name])); err != nil {
			t.Errorf("%s does not match the schema: %v", name, err)
		}
	}
}

// TestSchemaRejectsMistakes checks that the schema is not vacuous.
func TestSchemaRejectsMistakes(t *testing.T) {
	s := compileSchema(t)
	for _, name := range []string{"unknown-key-top", "unknown-key-option", "missing-text", "bad-id", "wrong-type-options", "unknown-tone", "empty-text",
		"shared-option-next", "review-no-reviewer", "review-interval-unit", "reading-age-range", "shared-option-no-id", "shared-step-with-text", "shared-step-next-list", "shared-not-mapping", "option-id-bad",
		"rule-two-kinds", "rule-no-kind", "rule-to-without-asks", "rule-unknown-key", "rule-empty-when", "rule-not-a-list", "rule-bad-answer-type"} {
		data, err := os.ReadFile("testdata/bad/" + name + ".yaml")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(yamlToJSON(t, data)); err == nil {
			t.Errorf("schema accepts testdata/bad/%s.yaml; want an error", name)
		}
	}
}

// TestSchemaKeys checks that the schema and the loader know the same keys,
// and agree on which are required.
func TestSchemaKeys(t *testing.T) {
	checkSchemaKeys(t, schemaFile, schemaKeys)
}

// checkSchemaKeys checks that a schema has the keys of the loader for
// each of its definitions, and the same required ones.
func checkSchemaKeys(t *testing.T, schemaFile string, schemaKeys map[string][]key) {
	t.Helper()
	data, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	type object struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Required   []string                   `json:"required"`
	}
	var schema struct {
		object
		Defs map[string]object `json:"$defs"`
	}
	if err := json.Unmarshal(data, &schema); err != nil {
		t.Fatal(err)
	}
	for def, keys := range schemaKeys {
		obj := schema.object
		if def != "" {
			var ok bool
			if obj, ok = schema.Defs[def]; !ok {
				t.Errorf("schema has no $defs/%s", def)
				continue
			}
		}
		var names, required []string
		for _, k := range keys {
			names = append(names, k.name)
			if k.required {
				required = append(required, k.name)
			}
		}
		slices.Sort(names)
		slices.Sort(required)
		if got := slices.Sorted(maps.Keys(obj.Properties)); !slices.Equal(got, names) {
			t.Errorf("schema %q properties = %v; loader accepts %v", def, got, names)
		}
		if got := slices.Sorted(slices.Values(obj.Required)); !slices.Equal(got, required) {
			t.Errorf("schema %q required = %v; loader requires %v", def, got, required)
		}
	}
}

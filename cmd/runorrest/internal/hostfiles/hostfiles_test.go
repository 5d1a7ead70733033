package hostfiles

import (
	"errors"
	"strings"
	"testing"

	"runorrest/decision"
)

// Check refuses a host file that would take the place of a file or a
// folder of the built site, or lie in one, whatever the build wrote (a
// language's folder, a page of the tree); the others pass.
func TestCheck(t *testing.T) {
	site := map[string][]byte{"index.html": {}, "soreness.html": {}, "es/index.html": {}, "es/outcomes/x.html": {}}
	tests := []struct {
		host string
		want string // "" for none
	}{
		{"CNAME", ""},
		{".well-known/security.txt", ""},
		{"esx/a", ""},
		{"soreness.html", "static/root/soreness.html:1:1: soreness.html is a file the site writes itself (rename or remove it)"},
		{"soreness.html/x", "static/root/soreness.html/x:1:1: soreness.html is a file the site writes itself"},
		{"es", "static/root/es:1:1: es is a folder the site writes itself"},
		{"es/robots.txt", "static/root/es/robots.txt:1:1: es/ is a folder the site writes itself (such as a language's)"},
		{"es/outcomes/y/z", "static/root/es/outcomes/y/z:1:1: es/outcomes/ is a folder the site writes itself"},
	}
	for _, tt := range tests {
		err := Check(map[string][]byte{tt.host: []byte("x")}, site)
		var ps decision.Problems
		if tt.want == "" {
			if err != nil {
				t.Errorf("Check(%s) = %v; want nil", tt.host, err)
			}
			continue
		}
		if !errors.As(err, &ps) || len(ps) != 1 || !strings.HasPrefix(ps[0].Error(), tt.want) || !errors.Is(ps[0], ErrReserved) {
			t.Errorf("Check(%s) = %v; want %q", tt.host, err, tt.want)
		}
	}
}

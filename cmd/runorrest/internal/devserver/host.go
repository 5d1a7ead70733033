package devserver

import (
	"net"
	"net/http"
	"strings"
)

// checkHost answers only requests whose Host is an IP address, localhost
// (or a name under .localhost) or the address the server listens on. A web
// page elsewhere that points a name of its own at this machine (DNS
// rebinding) sends its own name as Host, and is refused: it cannot read
// the preview or its stream of problems.
func checkHost(next http.Handler, addr net.Addr) http.Handler {
	listen, _, _ := net.SplitHostPort(addr.String())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !allowedHost(r.Host, listen) {
			http.Error(w, "runorrest serve answers only requests for localhost or an IP address, not "+r.Host+"; open http://"+net.JoinHostPort("127.0.0.1", port(addr))+"/", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// allowedHost reports whether a request's Host header may be answered.
func allowedHost(hostport, listen string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	switch {
	case host == "":
		return false
	case net.ParseIP(host) != nil:
		return true
	case host == "localhost" || strings.HasSuffix(host, ".localhost"):
		return true
	}
	return host == strings.ToLower(strings.Trim(listen, "[]"))
}

// isLoopback reports whether the server listens on loopback only.
func isLoopback(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	return ok && tcp.IP.IsLoopback()
}

// port is the port of addr.
func port(addr net.Addr) string {
	_, p, _ := net.SplitHostPort(addr.String())
	return p
}

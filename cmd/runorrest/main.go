// Command runorrest builds the "Run or rest?" guide. (temporary main of the site branch)
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
)

func main() {
	log.SetPrefix("runorrest: ")
	log.SetFlags(0)
	if err := run(os.Args[1:]); err != nil {
		log.Print(err)
		var u usageError
		if errors.As(err, &u) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

type usageError struct{ err error }

func (u usageError) Error() string { return u.err.Error() }
func usageErr(err error) error     { return usageError{err} }

func run(args []string) error {
	if len(args) == 0 {
		return usageErr(errors.New("usage: runorrest build"))
	}
	switch args[0] {
	case "build":
		return runBuild(args[1:])
	}
	return usageErr(fmt.Errorf("unknown command %q", args[0]))
}

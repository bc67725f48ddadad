package gen

import "fmt"

// Format is the output syntax.
type Format int

const (
	YAML Format = iota
	JSON
)

// Versions lists the AsyncAPI versions the generator writes.
var Versions = []string{"3.0.0", "3.1.0", "2.6.0"}

// Options selects one generated document.
type Options struct {
	// Version is one of Versions; empty means 3.0.0.
	Version string
	// Channels is the number of channels; each brings its operations,
	// messages, schemas and parameters. Zero means 10.
	Channels int
	Format   Format
	// Seed varies the content while keeping the shape; zero is a fixed default.
	Seed uint64
}

func (o Options) normalized() Options {
	if o.Version == "" {
		o.Version = "3.0.0"
	}
	if o.Channels <= 0 {
		o.Channels = 10
	}
	if o.Seed == 0 {
		o.Seed = 0xA5A5C0DE
	}
	return o
}

func (o Options) validate() error {
	for _, v := range Versions {
		if v == o.Version {
			return nil
		}
	}
	return fmt.Errorf("gen: unsupported AsyncAPI version %q (want one of %v)", o.Version, Versions)
}

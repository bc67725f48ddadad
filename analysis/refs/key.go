package refs

import (
	"errors"
	"net/url"
	"path"
	"strings"
	"sync/atomic"
)

// Key names one place in one document: a canonical absolute URI and a JSON
// pointer, unescaped into tokens. Two references mean the same place exactly
// when their keys are equal (compare with String or Equal).
type Key struct {
	URI    string   // canonical, without fragment
	Tokens []string // unescaped pointer tokens; empty for the whole document
}

// String is the normalised form "uri#/a/b", pointer tokens escaped.
func (k Key) String() string { return k.URI + "#" + FormatPointer(k.Tokens) }

// Equal reports whether k and o name the same place.
func (k Key) Equal(o Key) bool {
	if k.URI != o.URI || len(k.Tokens) != len(o.Tokens) {
		return false
	}
	for i := range k.Tokens {
		if k.Tokens[i] != o.Tokens[i] {
			return false
		}
	}
	return true
}

// HasPrefix reports whether k names prefix or a place inside it.
func (k Key) HasPrefix(prefix Key) bool {
	if k.URI != prefix.URI || len(k.Tokens) < len(prefix.Tokens) {
		return false
	}
	for i := range prefix.Tokens {
		if k.Tokens[i] != prefix.Tokens[i] {
			return false
		}
	}
	return true
}

// Errors of Resolve.
var (
	ErrBadPointer  = errors.New(`the part after "#" must be a JSON pointer starting with "/"`)
	ErrBadURI      = errors.New("the reference is not a valid URI reference")
	ErrNoBase      = errors.New("a relative file reference needs a document saved as a file")
	ErrEmpty       = errors.New("the reference is empty")
	ErrUnsupported = errors.New("the reference uses a URI scheme that cannot be followed")
)

// Resolve turns a "$ref" value written in the document at base into a key.
// The file part is resolved against base; the fragment is percent-decoded
// first, then "~1" → "/" and "~0" → "~" per token, in that order.
func Resolve(base, value string) (Key, error) {
	if strings.TrimSpace(value) == "" {
		return Key{}, ErrEmpty
	}
	r, err := Parse(value)
	if err != nil {
		return Key{}, err
	}
	baseURI, tokens := CanonicalURI(base), r.Pointer
	if r.File == "" {
		return Key{URI: baseURI, Tokens: tokens}, nil
	}
	ref, err := url.Parse(r.File)
	if err != nil {
		return Key{}, ErrBadURI
	}
	if ref.IsAbs() {
		if !isFollowable(ref.Scheme) {
			return Key{}, ErrUnsupported
		}
		return Key{URI: CanonicalURI(ref.String()), Tokens: tokens}, nil
	}
	b, err := url.Parse(baseURI)
	if err != nil || !b.IsAbs() || !isFollowable(b.Scheme) {
		return Key{}, ErrNoBase
	}
	return Key{URI: CanonicalURI(b.ResolveReference(ref).String()), Tokens: tokens}, nil
}

func isFollowable(scheme string) bool {
	switch strings.ToLower(scheme) {
	case "file", "http", "https":
		return true
	}
	return false
}

// IsRemote reports whether uri is fetched over the network.
func IsRemote(uri string) bool {
	return strings.HasPrefix(uri, "http://") || strings.HasPrefix(uri, "https://")
}

// CanonicalURI gives one spelling to every URI that names the same file:
// the path percent-decoded, cleaned and re-encoded, no fragment, a lower-case
// scheme. Editors encode characters differently (VS Code writes "%3A" for a
// drive colon), so every URI is compared in this form.
func CanonicalURI(raw string) string {
	// Every reference of a document resolves against the same base: keep
	// the last answer rather than parse the base thousands of times.
	if last := lastCanonical.Load(); last != nil && last.raw == raw {
		return last.canonical
	}
	out := canonicalURI(raw)
	lastCanonical.Store(&canonicalPair{raw, out})
	return out
}

type canonicalPair struct{ raw, canonical string }

var lastCanonical atomic.Pointer[canonicalPair]

func canonicalURI(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Fragment, u.RawFragment = "", ""
	if u.Path != "" {
		clean := path.Clean(u.Path)
		if strings.HasSuffix(u.Path, "/") && clean != "/" {
			clean += "/"
		}
		u.Path, u.RawPath = clean, ""
	}
	if u.Scheme == "file" {
		u.Host = ""
		u.RawQuery = ""
		return (&url.URL{Scheme: "file", Path: u.Path}).String()
	}
	return u.String()
}

// FileURI is the canonical URI of an absolute file path.
func FileURI(p string) string {
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// FilePath is the path of a file URI, or "" for other schemes.
func FilePath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil || !strings.EqualFold(u.Scheme, "file") {
		return ""
	}
	return u.Path
}

// RelativeName names target for a message read at base: the relative path
// as a person writes it (spaces and letters as they are, not escaped), or
// target itself.
func RelativeName(base, target string) string {
	rel := Relative(base, target)
	if rel == target {
		return target
	}
	if name, err := url.PathUnescape(rel); err == nil {
		return name
	}
	return rel
}

// Relative writes target as a reference from the document at base: a path
// relative to base's folder when both are files, else target itself.
func Relative(base, target string) string {
	bp, tp := FilePath(base), FilePath(target)
	if bp == "" || tp == "" {
		return target
	}
	rel, ok := relPath(path.Dir(bp), tp)
	if !ok {
		return target
	}
	return (&url.URL{Path: rel}).String()
}

func relPath(from, to string) (string, bool) {
	fromParts := strings.Split(strings.Trim(from, "/"), "/")
	toParts := strings.Split(strings.Trim(to, "/"), "/")
	if from == "/" {
		fromParts = nil
	}
	i := 0
	for i < len(fromParts) && i < len(toParts)-1 && fromParts[i] == toParts[i] {
		i++
	}
	up := len(fromParts) - i
	rel := strings.Repeat("../", up) + strings.Join(toParts[i:], "/")
	if up == 0 {
		rel = "./" + rel
	}
	return rel, true
}

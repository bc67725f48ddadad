package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
)

// settings is what the driver answers to workspace/configuration and sends
// with workspace/didChangeConfiguration: a tree looked up by section.
type settings map[string]any

// lookup resolves a section such as "yaml", "http.proxy" or "[yaml]"; a
// missing section answers null, as an editor with no such setting does.
func (s settings) lookup(section string) any {
	if section == "" {
		return map[string]any(s)
	}
	if v, ok := s[section]; ok {
		return v
	}
	var cur any = map[string]any(s)
	for _, part := range strings.Split(section, ".") {
		m, ok := cur.(map[string]any)
		if !ok {
			return nil
		}
		if cur, ok = m[part]; !ok {
			return nil
		}
	}
	return cur
}

// answerConfiguration builds the reply to workspace/configuration: one
// entry per item, in order.
func (s settings) answerConfiguration(params json.RawMessage) []any {
	var p configurationParams
	_ = json.Unmarshal(params, &p)
	out := make([]any, len(p.Items))
	for i, it := range p.Items {
		out[i] = s.lookup(it.Section)
	}
	return out
}

// yamlLSSettings is what yaml-language-server needs to treat the document
// as AsyncAPI: the official schema mapped to the file, features on, and the
// schema store off (it would try the network).
func yamlLSSettings(schemaFile, docPath string) settings {
	abs, _ := filepath.Abs(schemaFile)
	return settings{
		"yaml": map[string]any{
			"schemas":     map[string]any{fileURI(abs): []string{filepath.Base(docPath)}},
			"validate":    true,
			"completion":  true,
			"hover":       true,
			"schemaStore": map[string]any{"enable": false},
			"format":      map[string]any{"enable": false},
		},
		"http": map[string]any{"proxy": "", "proxyStrictSSL": false},
	}
}

var versionLine = regexp.MustCompile(`(?m)^\s*"?asyncapi"?\s*:\s*['"]?([0-9][0-9A-Za-z.-]*)`)

// docVersion reads the asyncapi version a document declares.
func docVersion(text []byte) string {
	head := text[:min(len(text), 4096)]
	if m := versionLine.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// schemaForDoc picks "<dir>/<version>-without-$id.json", the variant
// yaml-language-server can load.
func schemaForDoc(dir string, text []byte) (string, error) {
	v := docVersion(text)
	if v == "" {
		return "", fmt.Errorf("no asyncapi version found in the document")
	}
	p := filepath.Join(dir, v+"-without-$id.json")
	if _, err := os.Stat(p); err != nil {
		return "", fmt.Errorf("no schema for AsyncAPI %s: %w", v, err)
	}
	return p, nil
}

func fileURI(abs string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
}

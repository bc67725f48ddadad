package server_test

import "testing"

func TestParseArchive(t *testing.T) {
	files, err := parseArchive("comment\n-- a.yaml --\nx: 1\n-- dir/b.json --\n{}\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].Name != "a.yaml" || files[0].Data != "x: 1\n" || files[1].Name != "dir/b.json" || files[1].Data != "{}\n" {
		t.Fatalf("got %+v", files)
	}
	if _, err := parseArchive("-- ../x --\n"); err == nil {
		t.Fatal("a name leaving the archive must be refused")
	}
}

package analysis

// Severity follows the LSP numbering so the server can pass it through.
type Severity int

const (
	SeverityError Severity = iota + 1
	SeverityWarning
	SeverityInformation
	SeverityHint
)

func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	case SeverityInformation:
		return "info"
	}
	return "hint"
}

// Diagnostic is a problem at the byte span [Start, End) of a document.
type Diagnostic struct {
	Start, End int
	Severity   Severity
	Code       string
	Message    string
	DocURL     string // link to the specification section, when one exists
	Related    []Related
	// Suggestion is a replacement text a quick fix may offer (a close key).
	Suggestion string
	// Elsewhere is set when the finding is about a value written in another
	// document (a ruleset rule reading the document with its references
	// resolved): Start and End then mark the reference that leads there.
	Elsewhere *Related
}

// Related points at another place that explains a diagnostic.
type Related struct {
	URI        string // "" means the same document
	Start, End int
	Message    string
}

// Diagnostic codes that do not come from a schema.
const (
	CodeYAMLSyntax         = "yaml-syntax"
	CodeJSONSyntax         = "json-syntax"
	CodeDuplicateKey       = "duplicate-key"
	CodeUnsupportedVersion = "unsupported-version"
	CodeMultipleDocuments  = "multiple-documents"
	CodeInvalidUTF8        = "invalid-utf8"
	CodeTooLarge           = "document-too-large"
)

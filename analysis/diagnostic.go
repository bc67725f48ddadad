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
	// Origin, for a problem in content that a "$ref" brings in from another
	// document, is where that content is, with a message for that place:
	// the server shows it there too while that document is open.
	Origin *Related
	// BeyondParser marks what the specification requires but the official
	// parser does not reject: a warning, or an error in strict mode.
	BeyondParser bool
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
	CodeQuotedDocument     = "quoted-document"
)

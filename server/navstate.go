package server

import (
	"sync"
	"sync/atomic"

	"asyncapi-ls/analysis/refs"
	"asyncapi-ls/analysis/workspace"

	"go.lsp.dev/protocol"
)

// navState is what the reference features keep per session: the workspace
// of documents references reach, the workspace folders, what the client
// can do, and the reference settings.
type navState struct {
	ws *workspace.Workspace

	mu              sync.Mutex
	folders         []string // absolute paths
	progressSupport bool
	watchDynamic    bool

	indexing bool // the workspace index was started

	codeLens atomic.Bool
}

func newNavState() *navState {
	return &navState{ws: workspace.New(workspace.Options{})}
}

// initialize records the folders and the client's abilities.
func (n *navState) initialize(params *protocol.InitializeParams) {
	n.mu.Lock()
	defer n.mu.Unlock()
	if folders, ok := params.WorkspaceFolders.Get(); ok {
		for _, f := range folders {
			if p := refs.FilePath(string(f.URI)); p != "" {
				n.folders = append(n.folders, p)
			}
		}
	}
	if len(n.folders) == 0 && params.RootURI != nil {
		if p := refs.FilePath(string(*params.RootURI)); p != "" {
			n.folders = append(n.folders, p)
		}
	}
	n.ws.SetRoots(n.folders)
	caps := params.Capabilities
	if caps.Window != nil && caps.Window.WorkDoneProgress != nil {
		n.progressSupport = *caps.Window.WorkDoneProgress
	}
	if caps.Workspace != nil && caps.Workspace.DidChangeWatchedFiles != nil && caps.Workspace.DidChangeWatchedFiles.DynamicRegistration != nil {
		n.watchDynamic = *caps.Workspace.DidChangeWatchedFiles.DynamicRegistration
	}
}

;;; asyncapi-ls.el --- AsyncAPI language server (asyncapi-ls) for Eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1") (eglot "1.9"))
;; Keywords: languages, tools
;; URL: https://example.invalid/asyncapi-ls

;;; Commentary:

;; Registers the asyncapi-ls language server with Eglot for AsyncAPI
;; documents: YAML or JSON files whose root mapping has an `asyncapi' key.
;;
;; Such files open in `asyncapi-yaml-mode' or `asyncapi-json-mode', major
;; modes derived from the YAML / JSON mode you already use (`yaml-mode',
;; `yaml-ts-mode', `json-ts-mode', `js-json-mode', `js-mode' ...; a minimal
;; YAML mode is defined when none is installed), so their hooks, keys and
;; highlighting still apply.  Other YAML and JSON files are left alone.
;;
;;   (add-to-list 'load-path "/path/to/asyncapi-ls/editors/emacs")
;;   (require 'asyncapi-ls)
;;   (asyncapi-ls-setup)
;;
;; Settings for the server go in `asyncapi-ls-settings' (answered to the
;; server's workspace/configuration requests for the "asyncapi" section) or,
;; per project, in `eglot-workspace-configuration' under `:asyncapi'.

;;; Code:

(require 'cl-lib)
(require 'subr-x)
(require 'eglot)

(defgroup asyncapi-ls nil
  "AsyncAPI documents with the asyncapi-ls language server."
  :group 'languages
  :prefix "asyncapi-ls-")

(defcustom asyncapi-ls-command '("asyncapi-ls" "--stdio")
  "Command line that starts the server: program and arguments."
  :type '(repeat string))

(defcustom asyncapi-ls-settings nil
  "Settings for the server's \"asyncapi\" configuration section, as a plist.
For example (:rules (:asyncapi-servers \"off\")).  A project's
`eglot-workspace-configuration' entry `:asyncapi' takes precedence."
  :type 'plist)

(defcustom asyncapi-ls-auto-start t
  "When non-nil, `asyncapi-ls-setup' makes AsyncAPI buffers start Eglot."
  :type 'boolean)

(defcustom asyncapi-ls-preview-browse-function #'browse-url
  "Function that opens the URL of the live preview page.
See `asyncapi-ls-preview'."
  :type 'function)

(defcustom asyncapi-ls-yaml-extensions '("yaml" "yml")
  "File name extensions checked for YAML AsyncAPI documents."
  :type '(repeat string))

(defcustom asyncapi-ls-json-extensions '("json")
  "File name extensions checked for JSON AsyncAPI documents."
  :type '(repeat string))

;;;; Detection

(defconst asyncapi-ls--yaml-root-key-re
  "^\\(?:asyncapi\\|\"asyncapi\"\\|'asyncapi'\\)[ \t]*:\\(?:[ \t]+\\(.*\\)\\)?[ \t]*$"
  "A root-level `asyncapi' key in block YAML.")

(defun asyncapi-ls--yaml-scalar (rest)
  "The scalar in REST (the text after \"asyncapi:\"), or nil."
  (let ((s (string-trim (or rest ""))))
    (while (string-match "\\`[&!][^ \t]*[ \t]+" s)
      (setq s (substring s (match-end 0))))
    (cond
     ((string-match "\\`\"\\([^\"]+\\)\"" s) (match-string 1 s))
     ((string-match "\\`'\\([^']+\\)'" s) (match-string 1 s))
     (t
      (when (string-match "[ \t]#" s)
        (setq s (substring s 0 (match-beginning 0))))
      (setq s (string-trim s))
      (unless (or (string-empty-p s) (string-match-p "\\`[#[{|>*\"']" s))
        s)))))

(defun asyncapi-ls--skip-space ()
  "Skip whitespace, commas and comments in a JSON / flow mapping."
  (let ((moved t))
    (while moved
      (setq moved nil)
      (when (> (skip-chars-forward " \t\r\n,") 0) (setq moved t))
      (cond
       ((looking-at "//\\|#") (forward-line 1) (setq moved t))
       ((looking-at "/\\*")
        (goto-char (or (search-forward "*/" nil t) (point-max)))
        (setq moved t))))))

(defun asyncapi-ls--read-quoted ()
  "Read the quoted string at point; nil when unterminated."
  (let ((q (char-after)) (out nil) (done nil))
    (forward-char 1)
    (while (and (not done) (not (eobp)))
      (let ((c (char-after)))
        (cond
         ((and (eq c ?\\) (eq q ?\"))
          (push (or (char-after (1+ (point))) ?\\) out)
          (forward-char 2))
         ((eq c q)
          (if (and (eq q ?') (eq (char-after (1+ (point))) ?'))
              (progn (push ?' out) (forward-char 2))
            (forward-char 1)
            (setq done t)))
         (t (push c out) (forward-char 1)))))
    (and done (concat (nreverse out)))))

(defun asyncapi-ls--read-plain (stops)
  "Read a plain scalar up to a char in STOPS or the end of the line."
  (let ((from (point)))
    (skip-chars-forward (concat "^\n" stops))
    (string-trim (buffer-substring-no-properties from (point)))))

(defun asyncapi-ls--skip-value ()
  "Skip one JSON / flow value."
  (asyncapi-ls--skip-space)
  (let ((c (char-after)))
    (cond
     ((memq c '(?\" ?')) (asyncapi-ls--read-quoted))
     ((memq c '(?{ ?\[))
      (let ((depth 0) (done nil))
        (while (and (not done) (not (eobp)))
          (let ((d (char-after)))
            (cond
             ((memq d '(?\" ?')) (asyncapi-ls--read-quoted))
             ((memq d '(?{ ?\[)) (cl-incf depth) (forward-char 1))
             ((memq d '(?} ?\]))
              (cl-decf depth) (forward-char 1)
              (when (= depth 0) (setq done t)))
             (t (forward-char 1)))))))
     (t (asyncapi-ls--read-plain ",}")))))

(defun asyncapi-ls--scan-flow ()
  "Scan the top-level object starting at point (on its `{')."
  (forward-char 1)
  (catch 'done
    (while (not (eobp))
      (asyncapi-ls--skip-space)
      (when (or (eobp) (eq (char-after) ?})) (throw 'done nil))
      (let ((key (if (memq (char-after) '(?\" ?'))
                     (asyncapi-ls--read-quoted)
                   (asyncapi-ls--read-plain ":,}"))))
        (unless key (throw 'done nil))
        (asyncapi-ls--skip-space)
        (cond
         ((eq (char-after) ?:)
          (forward-char 1)
          (if (equal key "asyncapi")
              (progn
                (asyncapi-ls--skip-space)
                (let* ((c (char-after))
                       (v (cond ((memq c '(?\" ?')) (asyncapi-ls--read-quoted))
                                ((memq c '(?{ ?\[)) nil)
                                (t (asyncapi-ls--read-plain ",}")))))
                  (throw 'done (list :version (and v (not (member v '("" "null"))) v)
                                     :format 'json))))
            (asyncapi-ls--skip-value)))
         ((eq (char-after) ?}) (throw 'done nil)))))
    nil))

(defun asyncapi-ls--scan-block-yaml ()
  "Scan block YAML from point for a root `asyncapi' key (first document only)."
  (let ((seen nil))
    (catch 'done
      (while (not (eobp))
        (let ((line (buffer-substring-no-properties (line-beginning-position) (line-end-position))))
          (setq line (string-remove-prefix "\ufeff" (string-remove-suffix "\r" line)))
          (cond
           ((or (string= line "---") (string-match-p "\\`---[ \t]" line))
            (when seen (throw 'done nil)))
           ((or (string= line "...") (string-match-p "\\`\\.\\.\\.[ \t]" line))
            (throw 'done nil))
           ((or (string-match-p "\\`[ \t]*\\'" line) (string-match-p "\\`[ \t]*#" line)
                (string-prefix-p "%" line)))
           (t
            (setq seen t)
            (when (string-match asyncapi-ls--yaml-root-key-re line)
              (throw 'done (list :version (asyncapi-ls--yaml-scalar (match-string 1 line))
                                 :format 'yaml))))))
        (forward-line 1))
      nil)))

(defun asyncapi-ls-detect (&optional buffer)
  "Detect an AsyncAPI document in BUFFER (default: the current buffer).
Return nil, or a plist (:version VERSION :format yaml|json) where VERSION
is the value of the root `asyncapi' key (nil when it is not a scalar)."
  (with-current-buffer (or buffer (current-buffer))
    (let ((case-fold-search nil))
      (save-excursion
        (save-restriction
          (widen)
          (goto-char (point-min))
          (when (eq (char-after) #xfeff) (forward-char 1))
          (let ((start (point)))
            ;; First significant line: skip blanks, comments, directives, "---".
            (while (and (not (eobp))
                        (looking-at "[ \t]*\\(?:#.*\\)?\r?$\\|%\\|---[ \t]*\\(?:#.*\\)?\r?$"))
              (forward-line 1))
            (when (looking-at "---[ \t]+") (goto-char (match-end 0)))
            (skip-chars-forward " \t")
            (if (eq (char-after) ?{)
                (asyncapi-ls--scan-flow)
              (goto-char start)
              (asyncapi-ls--scan-block-yaml))))))))

(defun asyncapi-ls-detect-string (text)
  "Like `asyncapi-ls-detect' on TEXT."
  (with-temp-buffer
    (insert text)
    (asyncapi-ls-detect)))

;;;; Major modes

(define-derived-mode asyncapi-ls-fallback-yaml-mode prog-mode "YAML"
  "Minimal YAML mode, used as parent when no YAML mode is installed."
  (setq-local comment-start "# ")
  (setq-local comment-start-skip "#+[ \t]*")
  (setq-local indent-tabs-mode nil)
  (modify-syntax-entry ?# "<" asyncapi-ls-fallback-yaml-mode-syntax-table)
  (modify-syntax-entry ?\n ">" asyncapi-ls-fallback-yaml-mode-syntax-table)
  (modify-syntax-entry ?' "\"" asyncapi-ls-fallback-yaml-mode-syntax-table))

(defun asyncapi-ls--yaml-parent ()
  "The YAML major mode to derive from."
  (cond ((require 'yaml-mode nil t) 'yaml-mode)
        ((fboundp 'yaml-ts-mode) 'yaml-ts-mode)
        (t 'asyncapi-ls-fallback-yaml-mode)))

(defun asyncapi-ls--json-parent ()
  "The JSON major mode to derive from."
  (cond ((require 'json-mode nil t) 'json-mode)
        ((fboundp 'json-ts-mode) 'json-ts-mode)
        ((fboundp 'js-json-mode) 'js-json-mode)
        (t 'js-mode)))

;; The parents are chosen when this file is loaded; they are aliases so that
;; `define-derived-mode' (and Eglot's `provided-mode-derived-p') follow them.
(defalias 'asyncapi-ls-yaml-parent-mode (asyncapi-ls--yaml-parent))
(defalias 'asyncapi-ls-json-parent-mode (asyncapi-ls--json-parent))

;;;###autoload
(define-derived-mode asyncapi-yaml-mode asyncapi-ls-yaml-parent-mode "AsyncAPI[YAML]"
  "Major mode for AsyncAPI documents written in YAML.")

;;;###autoload
(define-derived-mode asyncapi-json-mode asyncapi-ls-json-parent-mode "AsyncAPI[JSON]"
  "Major mode for AsyncAPI documents written in JSON.")

(put 'asyncapi-yaml-mode 'eglot-language-id "yaml")
(put 'asyncapi-json-mode 'eglot-language-id "json")

(defun asyncapi-ls--extension-p (extensions)
  "Non-nil when the buffer's file name ends in one of EXTENSIONS."
  (let ((name (or buffer-file-name (buffer-name))))
    (and name (member (downcase (or (file-name-extension name) "")) extensions))))

(defun asyncapi-ls--magic-yaml-p ()
  "For `magic-mode-alist': a YAML file that is an AsyncAPI document."
  (and (asyncapi-ls--extension-p asyncapi-ls-yaml-extensions) (asyncapi-ls-detect) t))

(defun asyncapi-ls--magic-json-p ()
  "For `magic-mode-alist': a JSON file that is an AsyncAPI document."
  (and (asyncapi-ls--extension-p asyncapi-ls-json-extensions) (asyncapi-ls-detect) t))

;;;###autoload
(defun asyncapi-ls-mode-maybe ()
  "Switch the current buffer to the AsyncAPI mode when it is an AsyncAPI document.
Useful after typing the `asyncapi' key into a new file."
  (interactive)
  (let ((d (asyncapi-ls-detect)))
    (cond
     ((not d) (when (called-interactively-p 'any) (message "Not an AsyncAPI document")))
     ((and (eq (plist-get d :format) 'json) (not (derived-mode-p 'asyncapi-json-mode)))
      (asyncapi-json-mode))
     ((and (eq (plist-get d :format) 'yaml) (not (derived-mode-p 'asyncapi-yaml-mode)))
      (asyncapi-yaml-mode)))))

;;;; Eglot

(defclass asyncapi-ls-server (eglot-lsp-server) ()
  :documentation "Eglot connection to asyncapi-ls.")

(defun asyncapi-ls--contact (&optional _interactive)
  "The contact for `eglot-server-programs'."
  (cons 'asyncapi-ls-server asyncapi-ls-command))

(cl-defmethod eglot-initialization-options ((_server asyncapi-ls-server))
  "Send the settings at initialization too."
  (list :asyncapi (or asyncapi-ls-settings eglot--{})))

(defun asyncapi-ls--section (plist section)
  "Look SECTION (\"a.b\") up in PLIST; :none when absent."
  (let ((v plist) (found t))
    (dolist (part (split-string section "\\." t))
      (let ((key (intern (concat ":" part))))
        (if (and (listp v) (plist-member v key))
            (setq v (plist-get v key))
          (setq found nil))))
    (if found v :none)))

(cl-defmethod eglot-handle-request
  ((server asyncapi-ls-server) (_method (eql workspace/configuration)) &key items)
  "Answer the `asyncapi' sections from `asyncapi-ls-settings'.
Values a project sets in `eglot-workspace-configuration' come first."
  (let ((project-answers (cl-call-next-method))
        (ours (list :asyncapi asyncapi-ls-settings)))
    (ignore server)
    (apply #'vector
           (cl-loop for item across (if (vectorp items) items (apply #'vector items))
                    for answer across project-answers
                    collect (let ((section (or (plist-get item :section) "")))
                              (cond
                               (answer answer)
                               ((string-prefix-p "asyncapi" section)
                                (let ((v (asyncapi-ls--section ours section)))
                                  (if (eq v :none) nil (or v eglot--{}))))
                               (t nil)))))))

(defconst asyncapi-ls--eglot-entry
  '(((asyncapi-yaml-mode :language-id "yaml") (asyncapi-json-mode :language-id "json"))
    . asyncapi-ls--contact)
  "Our entry in `eglot-server-programs'.")

;;;###autoload
(defun asyncapi-ls-setup ()
  "Use the AsyncAPI modes for AsyncAPI files and register asyncapi-ls with Eglot."
  (interactive)
  (add-to-list 'magic-mode-alist '(asyncapi-ls--magic-yaml-p . asyncapi-yaml-mode))
  (add-to-list 'magic-mode-alist '(asyncapi-ls--magic-json-p . asyncapi-json-mode))
  ;; First, so it wins over an entry for the parent yaml/json mode.
  (setq eglot-server-programs
        (cons asyncapi-ls--eglot-entry (delete asyncapi-ls--eglot-entry eglot-server-programs)))
  (when asyncapi-ls-auto-start
    (add-hook 'asyncapi-yaml-mode-hook #'eglot-ensure)
    (add-hook 'asyncapi-json-mode-hook #'eglot-ensure)))

;;;; Preview

;;;###autoload
(defun asyncapi-ls-preview ()
  "Open the live documentation page of the current AsyncAPI buffer.
The server serves the page on 127.0.0.1 and keeps it in step with the
buffer, unsaved edits included; `asyncapi-ls-preview-browse-function'
opens it.  Return the URL."
  (interactive)
  (let* ((server (eglot--current-server-or-lose))
         (uri (plist-get (eglot--TextDocumentIdentifier) :uri))
         ;; Flush pending edits first, so the first page shows them.
         (_ (eglot--signal-textDocument/didChange))
         (answer (jsonrpc-request server :workspace/executeCommand
                                  (list :command "asyncapi.preview"
                                        ;; :open false: Emacs opens the page itself.
                                        :arguments (vector uri (list :open :json-false)))))
         (url (plist-get answer :url)))
    (unless (stringp url)
      (user-error "asyncapi-ls answered no preview URL: %S" answer))
    (message "AsyncAPI preview at %s" url)
    (funcall asyncapi-ls-preview-browse-function url)
    url))

(provide 'asyncapi-ls)
;;; asyncapi-ls.el ends here

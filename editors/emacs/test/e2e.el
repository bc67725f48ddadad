;;; e2e.el --- End-to-end test: Emacs + Eglot + flymake against asyncapi-ls  -*- lexical-binding: t; -*-

;; ASYNCAPI_LS_BIN=/path/to/asyncapi-ls emacs -Q --batch \
;;   -l editors/emacs/test/load-path.el -l editors/emacs/test/e2e.el
;;
;; Opens the fixture (which must land in `asyncapi-yaml-mode' by content),
;; starts Eglot, waits for the server's diagnostics to arrive through
;; flymake, then asks for completion and a definition the way Emacs does
;; (completion-at-point table, xref backend).  Exit code: 0 passed, 1 failed.

(require 'cl-lib)

(defconst e2e--here (file-name-directory (or load-file-name buffer-file-name)))
(defconst e2e--testdata (expand-file-name "../../testdata/" e2e--here))
(defconst e2e--bin (or (getenv "ASYNCAPI_LS_BIN") ""))
(defconst e2e--wait (/ (string-to-number (or (getenv "ASYNCAPI_LS_WAIT_MS") "15000")) 1000.0))

(defvar e2e--passed 0)
(defvar e2e--failed 0)

(defun e2e--log (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defmacro e2e-check (name &rest body)
  "Run BODY as the check NAME; an error marks it failed."
  (declare (indent 1))
  `(condition-case err
       (progn ,@body
              (cl-incf e2e--passed)
              (e2e--log "ok   - %s" ,name)
              t)
     (error (cl-incf e2e--failed)
            (e2e--log "FAIL - %s\n       %s" ,name (error-message-string err))
            nil)))

(defun e2e--wait-until (pred)
  "Run the event loop until PRED is non-nil or the deadline passes."
  (let ((deadline (+ (float-time) e2e--wait)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defun e2e--finish ()
  (e2e--log "emacs %s (eglot %s, %s): %d passed, %d failed"
            emacs-version
            (let ((lib (or (locate-library "eglot") "")))
              (if (string-match "eglot-\\([0-9.]+\\)/" lib) (match-string 1 lib) "?"))
            (if (featurep 'yaml-mode) "yaml-mode" "fallback YAML mode")
            e2e--passed e2e--failed)
  (kill-emacs (if (> e2e--failed 0) 1 0)))

(defun e2e--line-of (regexp &optional last)
  "Zero-based line number of the first (or LAST) line matching REGEXP."
  (save-excursion
    (goto-char (if last (point-max) (point-min)))
    (unless (if last (re-search-backward regexp nil t) (re-search-forward regexp nil t))
      (error "Fixture has no line matching %s" regexp))
    (1- (line-number-at-pos (match-beginning 0)))))

(run-at-time 90 nil (lambda ()
                      (e2e--log "FAIL - watchdog: test took longer than 90 s")
                      (kill-emacs 2)))

(setq eglot-sync-connect t
      eglot-connect-timeout 30
      eglot-events-buffer-size 0
      flymake-no-changes-timeout 0.1)

(unless (e2e-check "binary, eglot and asyncapi-ls.el load"
          (unless (file-executable-p e2e--bin)
            (error "Set ASYNCAPI_LS_BIN to the asyncapi-ls binary (got %S)" e2e--bin))
          (add-to-list 'load-path (expand-file-name ".." e2e--here))
          (require 'eglot)
          (require 'flymake)
          (require 'asyncapi-ls)
          (setq asyncapi-ls-command (list e2e--bin "--stdio")
                ;; asyncapi-servers is a warning by default: see the check below.
                asyncapi-ls-settings '(:rules (:asyncapi-servers "hint")))
          (asyncapi-ls-setup))
  (e2e--finish))

;; A YAML file that is not an AsyncAPI document keeps its mode.
(let ((other (find-file-noselect (expand-file-name "not-asyncapi.yaml" e2e--testdata))))
  (with-current-buffer other
    (e2e-check "the OpenAPI file is not put in asyncapi-yaml-mode"
      (when (derived-mode-p 'asyncapi-yaml-mode)
        (error "not-asyncapi.yaml opened in %s" major-mode)))))

(find-file (expand-file-name "user-service.yaml" e2e--testdata))

(e2e-check "the fixture opens in asyncapi-yaml-mode (detected by content)"
  (unless (eq major-mode 'asyncapi-yaml-mode)
    (error "major mode is %s" major-mode))
  (unless (equal (plist-get (asyncapi-ls-detect) :version) "3.0.0")
    (error "detected %S" (asyncapi-ls-detect))))

;; `eglot-ensure' waits for a command loop that batch mode never runs, so
;; start the session as `M-x eglot' would.
(e2e-check "eglot connects to asyncapi-ls"
  (apply #'eglot (eglot--guess-contact))
  (unless (e2e--wait-until #'eglot-current-server)
    (error "no eglot server for the buffer"))
  (let ((server (eglot-current-server)))
    (unless (cl-typep server 'asyncapi-ls-server)
      (error "server is a %s" (type-of server)))
    (unless (eglot--server-capable :definitionProvider)
      (error "server announces no definitionProvider"))))

(e2e-check "diagnostics arrive through flymake"
  (flymake-mode 1)
  (flymake-start)
  (let ((adress (e2e--line-of "^[ \t]+adress:")))
    (unless (e2e--wait-until (lambda () (flymake-diagnostics)))
      (error "no flymake diagnostics within %s s" e2e--wait))
    (let* ((diags (flymake-diagnostics))
           (hit (cl-find-if (lambda (d) (= adress (1- (line-number-at-pos (flymake-diagnostic-beg d)))))
                            diags)))
      (unless hit
        (error "no diagnostic on line %d; got %S" (1+ adress)
               (mapcar (lambda (d) (cons (line-number-at-pos (flymake-diagnostic-beg d))
                                         (flymake-diagnostic-text d)))
                       diags)))
      (dolist (d diags)
        (when (and (not (eq d hit))
                   (memq (flymake-diagnostic-type d) '(eglot-error :error))
                   (/= adress (1- (line-number-at-pos (flymake-diagnostic-beg d)))))
          (error "unexpected error on line %d: %s" (line-number-at-pos (flymake-diagnostic-beg d))
                 (flymake-diagnostic-text d))))
      (unless (memq (flymake-diagnostic-type hit) '(eglot-error eglot-warning :error :warning))
        (error "diagnostic type %S" (flymake-diagnostic-type hit)))
      (e2e--log "       flymake: line %d: %s" (1+ adress) (flymake-diagnostic-text hit)))))

(e2e-check "settings reach the server (asyncapi-ls-settings)"
  (unless (e2e--wait-until
           (lambda ()
             (cl-some (lambda (d) (and (string-match-p "asyncapi-servers" (flymake-diagnostic-text d))
                                       (eq (flymake-diagnostic-type d) 'eglot-note)))
                      (flymake-diagnostics))))
    (error "no asyncapi-servers note; got %S"
           (mapcar (lambda (d) (cons (flymake-diagnostic-type d) (flymake-diagnostic-text d)))
                   (flymake-diagnostics)))))

(e2e-check "completion-at-point offers info keys inside info:"
  (goto-char (point-min))
  (forward-line 4)
  (unless (looking-at "  $") (error "fixture line 5 must be two spaces inside info:"))
  (end-of-line)
  (let* ((capf (eglot-completion-at-point))
         (table (nth 2 capf))
         (all (all-completions "" table)))
    (dolist (want '("description" "license" "contact"))
      (unless (member want all) (error "completion lacks %s: %S" want all)))
    (dolist (bad '("channels" "asyncapi" "address"))
      (when (member bad all) (error "completion inside info: offers %s" bad)))))

(e2e-check "xref definition of a local $ref"
  (let ((ref (e2e--line-of "\\$ref: '#/components/messages/UserSignedUp'"))
        (target (e2e--line-of "^    UserSignedUp:$" t)))
    (goto-char (point-min))
    (forward-line ref)
    (search-forward "UserSignedUp")
    (backward-char 3)
    (let* ((xrefs (xref-backend-definitions 'eglot (xref-backend-identifier-at-point 'eglot)))
           (loc (and xrefs (xref-item-location (car xrefs)))))
      (unless (= 1 (length xrefs)) (error "expected one definition, got %d" (length xrefs)))
      (unless (= (1+ target) (xref-location-line loc))
        (error "definition on line %s, want %d" (xref-location-line loc) (1+ target))))))

(e2e-check "fixing the error clears the flymake diagnostic"
  (let ((adress (e2e--line-of "^[ \t]+adress:")))
    (unless (cl-some (lambda (d) (= adress (1- (line-number-at-pos (flymake-diagnostic-beg d)))))
                     (flymake-diagnostics))
      (error "precondition: a diagnostic on the adress line"))
    (goto-char (point-min))
    (re-search-forward "^\\([ \t]+\\)adress:")
    (replace-match "\\1address:")
    (eglot--signal-textDocument/didChange)
    (flymake-start)
    (unless (e2e--wait-until
             (lambda ()
               (not (cl-some (lambda (d) (= adress (1- (line-number-at-pos (flymake-diagnostic-beg d)))))
                             (flymake-diagnostics)))))
      (error "diagnostic still on line %d" (1+ adress)))))

;; GET a URL: (STATUS . BODY).
(defun e2e--http-get (url)
  (let ((buf (let ((url-request-method "GET")) (url-retrieve-synchronously url t t 10))))
    (unwind-protect
        (with-current-buffer buf
          (goto-char (point-min))
          (let ((status (and (looking-at "HTTP/[0-9.]+ \\([0-9]+\\)") (string-to-number (match-string 1)))))
            (re-search-forward "\r?\n\r?\n" nil t)
            (cons status (decode-coding-string (buffer-substring-no-properties (point) (point-max)) 'utf-8))))
      (kill-buffer buf))))

(e2e-check "asyncapi-ls-preview opens the live page, which follows the buffer"
  (require 'url)
  (let* ((opened nil)
         (asyncapi-ls-preview-browse-function (lambda (u) (setq opened u)))
         (url (asyncapi-ls-preview)))
    (unless (and (equal url opened) (string-match-p "\\`http://127\\.0\\.0\\.1:[0-9]+/[A-Za-z0-9_-]+/d/[0-9]+/\\'" url))
      (error "preview URL %S, opened %S" url opened))
    (let ((got (e2e--http-get url)))
      (unless (and (eql 200 (car got)) (string-match-p "<h1>User service" (cdr got)))
        (error "GET %s: %S" url (car got))))
    (let ((forbidden (e2e--http-get (replace-regexp-in-string "/[A-Za-z0-9_-]+/d/" "/d/" url))))
      (unless (eql 403 (car forbidden)) (error "without the token: %S" (car forbidden))))
    ;; An unsaved edit reaches the page.
    (goto-char (point-min))
    (re-search-forward "^  title: .*$")
    (replace-match "  title: Edited in Emacs")
    (eglot--signal-textDocument/didChange)
    (unless (e2e--wait-until (lambda () (string-match-p "Edited in Emacs" (cdr (e2e--http-get (concat url "page"))))))
      (error "the page does not follow the buffer"))
    (e2e--log "       preview: %s" url)))

(e2e-check "eglot shuts the server down"
  (let ((server (eglot-current-server)))
    (eglot-shutdown server)
    (unless (e2e--wait-until (lambda () (not (jsonrpc-running-p server))))
      (error "server still running"))))

(set-buffer-modified-p nil)
(e2e--finish)

;;; e2e.el ends here

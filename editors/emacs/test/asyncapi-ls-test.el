;;; asyncapi-ls-test.el --- ERT tests of asyncapi-ls.el detection and setup  -*- lexical-binding: t; -*-

;; emacs -Q --batch -L editors/emacs -l editors/emacs/test/load-path.el \
;;   -l ert -l editors/emacs/test/asyncapi-ls-test.el -f ert-run-tests-batch-and-exit

(require 'ert)
(require 'json)
(require 'asyncapi-ls)

(defconst asyncapi-ls-test--testdata
  (expand-file-name "../../testdata/" (file-name-directory (or load-file-name buffer-file-name))))

(defun asyncapi-ls-test--cases ()
  (let ((json-object-type 'plist) (json-array-type 'list) (json-false nil) (json-null nil))
    (json-read-file (expand-file-name "detect-cases.json" asyncapi-ls-test--testdata))))

(ert-deftest asyncapi-ls-shared-detection-cases ()
  "The cases shared with the VS Code and Neovim tests."
  (let ((cases (asyncapi-ls-test--cases)))
    (should (>= (length cases) 20))
    (dolist (c cases)
      (let ((d (asyncapi-ls-detect-string (plist-get c :text))))
        (should (equal (list (plist-get c :name) (and d t) (plist-get d :version))
                       (list (plist-get c :name) (plist-get c :isAsyncApi) (plist-get c :version))))))))

(ert-deftest asyncapi-ls-detection-is-case-sensitive ()
  (let ((case-fold-search t))
    (should-not (asyncapi-ls-detect-string "AsyncAPI: 3.0.0\n"))
    (should-not (asyncapi-ls-detect-string "{\"asyncApi\": \"3.0.0\"}"))))

(ert-deftest asyncapi-ls-fixture-files-open-in-the-right-modes ()
  (asyncapi-ls-setup)
  (let ((asyncapi-ls-auto-start nil))
    (remove-hook 'asyncapi-yaml-mode-hook #'eglot-ensure)
    (remove-hook 'asyncapi-json-mode-hook #'eglot-ensure)
    (dolist (spec '(("user-service.yaml" . asyncapi-yaml-mode)
                    ("user-service.json" . asyncapi-json-mode)))
      (let ((buf (find-file-noselect (expand-file-name (car spec) asyncapi-ls-test--testdata))))
        (unwind-protect
            (with-current-buffer buf
              (should (eq major-mode (cdr spec))))
          (kill-buffer buf))))
    (let ((buf (find-file-noselect (expand-file-name "not-asyncapi.yaml" asyncapi-ls-test--testdata))))
      (unwind-protect
          (with-current-buffer buf
            (should-not (derived-mode-p 'asyncapi-yaml-mode)))
        (kill-buffer buf)))))

(ert-deftest asyncapi-ls-yaml-mode-derives-from-a-yaml-mode ()
  (with-temp-buffer
    (asyncapi-yaml-mode)
    (should (or (derived-mode-p 'yaml-mode) (derived-mode-p 'yaml-ts-mode)
                (derived-mode-p 'asyncapi-ls-fallback-yaml-mode)))
    (should (equal comment-start "# "))))

(ert-deftest asyncapi-ls-eglot-registration ()
  (asyncapi-ls-setup)
  (asyncapi-ls-setup) ; idempotent
  (should (equal (car eglot-server-programs) asyncapi-ls--eglot-entry))
  (should (= 1 (cl-count asyncapi-ls--eglot-entry eglot-server-programs :test #'equal)))
  (let ((asyncapi-ls-command '("/opt/bin/asyncapi-ls" "--stdio")))
    (should (equal (asyncapi-ls--contact) '(asyncapi-ls-server "/opt/bin/asyncapi-ls" "--stdio"))))
  (pcase-let ((`(,modes ,lang ,_contact) (eglot--lookup-mode 'asyncapi-yaml-mode)))
    (should (memq 'asyncapi-json-mode modes))
    (should (equal lang "yaml")))
  (should (equal (cadr (eglot--lookup-mode 'asyncapi-json-mode)) "json")))

(ert-deftest asyncapi-ls-settings-lookup ()
  (should (equal (asyncapi-ls--section '(:asyncapi (:rules (:x "off"))) "asyncapi") '(:rules (:x "off"))))
  (should (equal (asyncapi-ls--section '(:asyncapi (:rules (:x "off"))) "asyncapi.rules.x") "off"))
  (should (eq (asyncapi-ls--section '(:asyncapi (:rules (:x "off"))) "asyncapi.nope") :none)))

;;; asyncapi-ls-test.el ends here

;;; load-path.el --- put Debian's ELPA packages (eglot, yaml-mode ...) on load-path  -*- lexical-binding: t; -*-
;; In `emacs -Q --batch' the folders under /usr/share/emacs/site-lisp/elpa/
;; are not on `load-path'.  ASYNCAPI_LS_EMACS_NO_YAML_MODE=1 leaves yaml-mode
;; out, to test the fallback YAML mode.
(dolist (dir (file-expand-wildcards "/usr/share/emacs/site-lisp/elpa/*"))
  (when (and (file-directory-p dir)
             (not (and (getenv "ASYNCAPI_LS_EMACS_NO_YAML_MODE")
                       (string-match-p "/yaml-mode" dir))))
    (add-to-list 'load-path dir)))
;;; load-path.el ends here

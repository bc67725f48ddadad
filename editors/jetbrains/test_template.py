"""Checks the LSP4IJ user-defined language server template in asyncapi-ls/."""
import fnmatch
import json
import pathlib
import unittest

TEMPLATE = pathlib.Path(__file__).resolve().parent / "asyncapi-ls"
BINARY = "asyncapi-ls"
LEVELS = {"off", "hint", "info", "warning", "error", False}


def load(name):
    with open(TEMPLATE / name, encoding="utf-8") as f:
        return json.load(f)


class Lsp4ijTemplate(unittest.TestCase):
    def test_files_parse_as_json(self):
        for name in ("template.json", "settings.json", "initializationOptions.json"):
            with self.subTest(name=name):
                self.assertIsInstance(load(name), dict)
        self.assertTrue((TEMPLATE / "README.md").read_text(encoding="utf-8").strip())

    def test_required_fields(self):
        t = load("template.json")
        for key in ("id", "name", "programArgs", "fileTypeMappings"):
            self.assertIn(key, t)
        self.assertIsInstance(t["name"], str)
        self.assertTrue(t["name"])
        # LSP4IJ reads programArgs.default unconditionally.
        self.assertIsInstance(t["programArgs"]["default"], str)
        for m in t["fileTypeMappings"]:
            self.assertIn("languageId", m)
            self.assertIn("fileType", m)
            # A mapping needs file name patterns or a file type name.
            self.assertTrue(m["fileType"].get("patterns") or m["fileType"].get("name"))

    def test_command_runs_the_binary_over_stdio(self):
        args = load("template.json")["programArgs"]
        for os_name, command in args.items():
            with self.subTest(os=os_name):
                words = command.split()
                program = words[0].rsplit("/", 1)[-1]
                expected = BINARY + ".exe" if os_name == "windows" else BINARY
                self.assertEqual(program, expected)
                self.assertIn("--stdio", words[1:])

    def test_mappings_cover_yaml_and_json(self):
        mappings = load("template.json")["fileTypeMappings"]
        language_of = {}
        for m in mappings:
            for pattern in m["fileType"].get("patterns", []):
                language_of[pattern] = m["languageId"]
        for filename, language in (("asyncapi.yaml", "yaml"), ("events.yml", "yaml"), ("asyncapi.json", "json")):
            with self.subTest(filename=filename):
                hits = [lang for pat, lang in language_of.items() if fnmatch.fnmatch(filename, pat)]
                self.assertEqual(hits, [language])
        self.assertEqual(set(language_of), {"*.yaml", "*.yml", "*.json"})

    def test_settings_are_the_asyncapi_section(self):
        for name in ("settings.json", "initializationOptions.json"):
            with self.subTest(name=name):
                settings = load(name)
                self.assertEqual(list(settings), ["asyncapi"])
                section = settings["asyncapi"]
                # The keys asyncapi-ls reads: rules (code -> level), references.*
                self.assertLessEqual(set(section), {"rules", "references"})
                for code, level in section.get("rules", {}).items():
                    self.assertIn(level, LEVELS, code)
                for key, value in section.get("references", {}).items():
                    self.assertIn(key, {"remote", "codeLens"})
                    self.assertIsInstance(value, bool)


if __name__ == "__main__":
    unittest.main()

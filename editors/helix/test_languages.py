"""Checks the Helix snippets: valid TOML, and they wire asyncapi-ls up."""
import fnmatch
import pathlib
import tomllib
import unittest

HERE = pathlib.Path(__file__).resolve().parent


def load(name):
    with open(HERE / name, "rb") as f:
        return tomllib.load(f)


class HelixSnippets(unittest.TestCase):
    def check_server(self, doc):
        server = doc["language-server"]["asyncapi-ls"]
        self.assertEqual(server["command"], "asyncapi-ls")
        self.assertEqual(server["args"], ["--stdio"])
        section = server["config"]["asyncapi"]
        self.assertLessEqual(set(section), {"rules", "references"})
        for code, level in section.get("rules", {}).items():
            self.assertIn(level, {"off", "hint", "info", "warning", "error", False}, code)
        for key, value in section.get("references", {}).items():
            self.assertIn(key, {"remote", "codeLens"})
            self.assertIsInstance(value, bool)

    def test_languages_toml(self):
        doc = load("languages.toml")
        self.check_server(doc)
        by_name = {lang["name"]: lang for lang in doc["language"]}
        self.assertEqual(set(by_name), {"yaml", "json"})
        for lang in by_name.values():
            self.assertIn("asyncapi-ls", lang["language-servers"])
            for server in lang["language-servers"]:
                name = server["name"] if isinstance(server, dict) else server
                self.assertIsInstance(name, str)

    def test_by_filename_toml(self):
        doc = load("languages.by-filename.toml")
        self.check_server(doc)
        langs = {lang["name"]: lang for lang in doc["language"]}
        self.assertEqual(set(langs), {"asyncapi-yaml", "asyncapi-json"})
        self.assertEqual(langs["asyncapi-yaml"]["grammar"], "yaml")
        self.assertEqual(langs["asyncapi-yaml"]["language-id"], "yaml")
        self.assertEqual(langs["asyncapi-json"]["grammar"], "json")
        self.assertEqual(langs["asyncapi-json"]["language-id"], "json")
        globs = {
            name: [ft["glob"] for ft in lang["file-types"]] for name, lang in langs.items()
        }

        def matches(name, filename):
            return any(fnmatch.fnmatch(filename, g) for g in globs[name])

        for f in ("asyncapi.yaml", "asyncapi.yml", "orders.asyncapi.yaml", "orders.asyncapi.yml"):
            self.assertTrue(matches("asyncapi-yaml", f), f)
        for f in ("asyncapi.json", "orders.asyncapi.json"):
            self.assertTrue(matches("asyncapi-json", f), f)
        for f in ("docker-compose.yaml", "package.json", "openapi.yaml"):
            self.assertFalse(matches("asyncapi-yaml", f) or matches("asyncapi-json", f), f)
        for lang in langs.values():
            self.assertEqual(lang["language-servers"], ["asyncapi-ls"])
            self.assertEqual(lang["roots"], [])


if __name__ == "__main__":
    unittest.main()

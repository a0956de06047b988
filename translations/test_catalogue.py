#!/usr/bin/env python3
"""The catalogue check itself (ctest translations_catalogue): an English plural without its two
forms fails it, one whose forms come from the memory or from "(s)" passes.

  test_catalogue.py LUPDATE
"""

import os
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import catalogue  # noqa: E402

LUPDATE = "lupdate"

SOURCE = r"""
#include <QObject>
QString texts(int n)
{
    return QObject::tr("%n task(s) due", nullptr, n) + QObject::tr("%Ln patients", nullptr, n)
        + QObject::tr("%n chair(s) are free", nullptr, n) + QObject::tr("Schedule");
}
"""


class EnglishPlurals(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        folder = self.tmp.name
        with open(os.path.join(folder, "texts.cpp"), "w", encoding="utf-8") as f:
            f.write(SOURCE)
        self.sources = os.path.join(folder, "sources.lst")
        with open(self.sources, "w", encoding="utf-8") as f:
            f.write(os.path.join(folder, "texts.cpp") + "\n")
        self.ts = os.path.join(folder, "frontdesk_en.ts")
        subprocess.run([LUPDATE, "-silent", "-locations", "none", "-pluralonly",
                        f"@{self.sources}", "-ts", self.ts], check=True, stdout=subprocess.DEVNULL)

    def tearDown(self):
        self.tmp.cleanup()

    def forms(self, source):
        for _, message in catalogue.messages(ET.parse(self.ts)):
            if message.findtext("source") == source:
                return [f.text or "" for f in message.find("translation").findall("numerusform")]
        return None

    def test_only_plurals_are_in_the_english_catalogue(self):
        self.assertIsNone(self.forms("Schedule"))
        self.assertEqual(self.forms("%n task(s) due"), ["", ""])

    def test_an_unfinished_english_plural_fails_the_check(self):
        problems = catalogue.check_file(self.ts, LUPDATE, self.sources)
        self.assertTrue(any("'%n task(s) due' is unfinished" in p for p in problems), problems)

    def test_filled_forms_pass_except_where_a_word_agrees_with_the_number(self):
        catalogue.fill([self.ts])
        # "(s)" gives the forms; the memory gives those of a plural written without it.
        self.assertEqual(self.forms("%n task(s) due"), ["%n task due", "%n tasks due"])
        self.assertEqual(self.forms("%Ln patients"), ["%Ln patient", "%Ln patients"])
        # "1 chair are free" would be wrong: this one waits for its forms in the memory.
        self.assertEqual(self.forms("%n chair(s) are free"), ["", ""])
        problems = catalogue.check_file(self.ts, LUPDATE, self.sources)
        self.assertEqual(len(problems), 1, problems)
        self.assertIn("'%n chair(s) are free' is unfinished", problems[0])

    def test_a_form_that_loses_the_number_fails_the_check(self):
        catalogue.fill([self.ts])
        tree = ET.parse(self.ts)
        for _, message in catalogue.messages(tree):
            if message.findtext("source") == "%n task(s) due":
                message.find("translation").findall("numerusform")[1].text = "many tasks due"
        tree.write(self.ts, encoding="utf-8", xml_declaration=True)
        problems = catalogue.check_file(self.ts, LUPDATE, self.sources)
        self.assertTrue(any("lacks %n" in p for p in problems), problems)

    def test_a_message_without_plural_does_not_belong_in_the_english_catalogue(self):
        subprocess.run([LUPDATE, "-silent", "-locations", "none", f"@{self.sources}", "-ts",
                        self.ts], check=True, stdout=subprocess.DEVNULL)
        problems = catalogue.check_file(self.ts, LUPDATE, self.sources)
        self.assertTrue(any("'Schedule' is no plural" in p for p in problems), problems)


if __name__ == "__main__":
    if len(sys.argv) > 1:
        LUPDATE = sys.argv.pop(1)
    unittest.main()

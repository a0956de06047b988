#!/usr/bin/env python3
"""Fills and checks Frontdesk's Qt Linguist catalogues from the translation memory.

The memory (memory.json, beside this script) is keyed by source text, disambiguation comment
and plural-ness, not by class: when code moves a string to another class (another lupdate
context), its translation follows it.

  catalogue.py fill frontdesk_de.ts ...    writes the memory's translation into every message
                                           (after `cmake --build build --target update_translations`)
  catalogue.py missing frontdesk_de.ts     lists the messages the memory has no translation for
  catalogue.py check --lupdate BIN --sources LIST frontdesk_de.ts ...
        fails (exit 1) when a catalogue is out of date with the sources (a fresh lupdate into a
        temporary copy finds new, vanished or obsolete messages), when a message is unfinished
        or empty, or when a translation loses a placeholder (%1, %n) or the accelerator (&).

English is the source language; frontdesk_en.ts holds only its plurals (lupdate -pluralonly),
so that "%n task(s) due" reads "1 task due" and "2 tasks due". Their two forms are the memory's
"en" list where it has one; otherwise a "(s)" in the source gives them ("task" and "tasks"),
unless the sentence has a word that agrees with the number (are, them, ...): that one needs its
"en" forms in the memory, and the check fails until it has them.

Only the Python 3 standard library; lupdate and lconvert come from Qt's linguist tools.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
MEMORY = os.path.join(HERE, "memory.json")
LANGUAGES = ("de", "fr", "es", "en")
# The catalogue of the source language holds only its plurals.
PLURALS_ONLY = ("en",)


def language_of(ts_path):
    """de from frontdesk_de.ts."""
    match = re.search(r"_([a-z]{2})(?:_[A-Z]{2})?\.ts$", ts_path)
    if not match or match.group(1) not in LANGUAGES:
        sys.exit(f"{ts_path}: the file name does not say one of the languages {LANGUAGES}")
    return match.group(1)


def key_of(source, comment, numerus):
    return (source, comment or "", bool(numerus))


def load_memory(path=MEMORY):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    memory = {}
    for entry in data["entries"]:
        key = key_of(entry["source"], entry.get("comment", ""), entry.get("numerus", False))
        if key in memory:
            sys.exit(f"{path}: the source text {entry['source']!r} is in the memory twice")
        memory[key] = entry
    return data, memory


def save_memory(data, path=MEMORY):
    """One entry a line, sorted by source text, so that a change shows as a one-line diff."""
    data["entries"].sort(key=lambda e: (e["source"].lower(), e["source"], e.get("comment", "")))
    with open(path, "w", encoding="utf-8") as f:
        f.write("{\n")
        for name in data:
            if name == "entries":
                continue
            f.write(f'"{name}": {json.dumps(data[name], ensure_ascii=False, indent=1)},\n')
        f.write('"entries": [\n')
        lines = [json.dumps(e, ensure_ascii=False) for e in data["entries"]]
        f.write(",\n".join(lines))
        f.write("\n]\n}\n")


def messages(tree):
    for context in tree.getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            yield name, message


def message_key(message):
    return key_of(message.findtext("source") or "", message.findtext("comment"),
                  message.get("numerus") == "yes")


# Words that agree with the number, so that "(s)" alone does not make the two forms.
AGREEING = re.compile(r"\b(?:are|were|have|them|these|those|they|their)\b", re.IGNORECASE)


def english_forms(source):
    """The singular and plural of an English plural source written "%n thing(s)", or None."""
    if "(s)" not in source or AGREEING.search(source):
        return None
    return [source.replace("(s)", ""), source.replace("(s)", "s")]


def translation_of(memory, message, lang):
    """The memory's translation of a message into lang (for numerus messages a list of forms),
    or None."""
    entry = memory.get(message_key(message))
    text = entry.get(lang) if entry else None
    if not text and lang in PLURALS_ONLY and message.get("numerus") == "yes":
        text = english_forms(message.findtext("source") or "")
    return text or None


def canonicalise(ts_path):
    """Rewrites the file the way Qt's tools write it, so that lupdate's next run changes nothing."""
    lconvert = shutil.which("lconvert") or "/usr/lib/qt6/bin/lconvert"
    if os.path.exists(lconvert):
        subprocess.run([lconvert, "-i", ts_path, "-o", ts_path], check=True)


def fill(ts_paths):
    _, memory = load_memory()
    missing_total = 0
    for ts_path in ts_paths:
        lang = language_of(ts_path)
        tree = ET.parse(ts_path)
        missing = 0
        for _, message in messages(tree):
            translation = message.find("translation")
            text = translation_of(memory, message, lang)
            if not text:
                missing += 1
                continue
            if message.get("numerus") == "yes":
                forms = text if isinstance(text, list) else [text]
                for child in list(translation):
                    translation.remove(child)
                # lupdate wrote as many forms as the language has; all get one.
                count = max(2, len(forms))
                for i in range(count):
                    form = ET.SubElement(translation, "numerusform")
                    form.text = forms[min(i, len(forms) - 1)]
                translation.text = None
            else:
                translation.text = text
            translation.attrib.pop("type", None)
        tree.write(ts_path, encoding="utf-8", xml_declaration=True)
        canonicalise(ts_path)
        print(f"{os.path.basename(ts_path)}: {missing} message(s) without a translation in the memory")
        missing_total += missing
    return 0 if missing_total == 0 else 1


def list_missing(ts_paths):
    _, memory = load_memory()
    for ts_path in ts_paths:
        lang = language_of(ts_path)
        for context, message in messages(ET.parse(ts_path)):
            if not translation_of(memory, message, lang):
                print(json.dumps({"context": context, "source": message.findtext("source"),
                                  "comment": message.findtext("comment") or "",
                                  "numerus": message.get("numerus") == "yes"},
                                 ensure_ascii=False))
    return 0


PLACEHOLDER = re.compile(r"%(?:L?n|\d+)")


def accelerator(text):
    return "&" in text.replace("&&", "")


def problems_of_translation(source, texts, numerus):
    problems = []
    wanted = set(PLACEHOLDER.findall(source))
    for text in texts:
        if not text:
            problems.append("an empty translation")
            continue
        found = set(PLACEHOLDER.findall(text))
        # A plural's singular form may spell the number out ("Eine Nachricht").
        lost = wanted - found
        if numerus and len(texts) > 1 and text is texts[0]:
            lost -= {"%n", "%Ln"}
        if lost:
            problems.append(f"the translation {text!r} lacks {' '.join(sorted(lost))}")
        if found - wanted:
            problems.append(f"the translation {text!r} adds {' '.join(sorted(found - wanted))}")
        if accelerator(source) != accelerator(text):
            problems.append(f"the translation {text!r} and its source differ in the accelerator (&)")
    return problems


def check_file(ts_path, lupdate, sources_list):
    problems = []
    plurals_only = language_of(ts_path) in PLURALS_ONLY
    tree = ET.parse(ts_path)
    for context, message in messages(tree):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        where = f"{context}: {source[:70]!r}"
        kind = translation.get("type")
        if plurals_only and message.get("numerus") != "yes":
            problems.append(f"{where} is no plural: this catalogue holds only plurals "
                            "(lupdate -pluralonly)")
            continue
        if plurals_only and kind == "unfinished":
            problems.append(f"{where} is unfinished: give its memory entry \"en\": [singular, "
                            "plural] (a \"(s)\" in the source gives them unless a word agrees "
                            "with the number), then run catalogue.py fill")
            continue
        if kind in ("obsolete", "vanished"):
            problems.append(f"{where} is {kind}: its source is gone (run update_translations)")
            continue
        if kind == "unfinished":
            problems.append(f"{where} is unfinished")
            continue
        numerus = message.get("numerus") == "yes"
        texts = ([f.text or "" for f in translation.findall("numerusform")] if numerus
                 else [translation.text or ""])
        problems += [f"{where}: {p}" for p in problems_of_translation(source, texts, numerus)]

    # The catalogue against the sources as they are now: lupdate on a copy marks what is new
    # (unfinished, no translation) and what no longer exists (vanished/obsolete).
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, os.path.basename(ts_path))
        shutil.copyfile(ts_path, copy)
        options = ["-pluralonly"] if plurals_only else []
        subprocess.run([lupdate, "-silent", "-locations", "none", *options, f"@{sources_list}",
                        "-ts", copy], check=True, stdout=subprocess.DEVNULL)
        before = {(c, message_key(m)) for c, m in messages(tree)}
        for context, message in messages(ET.parse(copy)):
            key = (context, message_key(message))
            kind = message.find("translation").get("type")
            where = f"{context}: {key[1][0][:70]!r}"
            if key not in before:
                problems.append(f"{where} is in the sources but not in the catalogue "
                                "(run update_translations, then catalogue.py fill)")
            elif kind in ("obsolete", "vanished"):
                problems.append(f"{where} is no longer in the sources (run update_translations)")
    return problems


def check(ts_paths, lupdate, sources_list):
    failed = False
    for ts_path in ts_paths:
        problems = check_file(ts_path, lupdate, sources_list)
        for problem in problems:
            print(f"{os.path.basename(ts_path)}: {problem}")
        print(f"{os.path.basename(ts_path)}: {len(problems)} problem(s)")
        failed = failed or bool(problems)
    return 1 if failed else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("fill", "missing"):
        sub = commands.add_parser(name)
        sub.add_argument("ts", nargs="+")
    sub = commands.add_parser("check")
    sub.add_argument("--lupdate", required=True)
    sub.add_argument("--sources", required=True, help="a file naming one source file a line")
    sub.add_argument("ts", nargs="+")
    args = parser.parse_args()
    if args.command == "fill":
        return fill(args.ts)
    if args.command == "missing":
        return list_missing(args.ts)
    return check(args.ts, args.lupdate, args.sources)


if __name__ == "__main__":
    sys.exit(main())

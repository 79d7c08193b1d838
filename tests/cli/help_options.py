#!/usr/bin/env python3
"""Lists, for every CLI command, the options its handler reads, from the source of shell/cli/*.cpp.

Output: one line per command: "COMMAND[ SUBCOMMAND]<TAB>--opt1 --opt2 ...". A handler's options are the
names passed to args.option("--x") / args.flag("--x") in its body and in the bodies of the functions of
shell/cli it hands `args` to (followed transitively), so an option read by a shared helper counts too.
Usage: help_options.py SHELL_CLI_DIR
"""
import re
import sys
from pathlib import Path

HANDLER = re.compile(r'\{\s*"([a-z-]+)",\s*"([a-z-]*)",\s*((?:"(?:[^"\\]|\\.)*"\s*)+),\s*(\w+)\s*\}')
FUNCTION = re.compile(r'^[A-Za-z][\w:<>,&* ]*?\b(\w+)\(([^;{]*?)\)\s*(?:const\s*)?\{', re.M)
OPTION = re.compile(r'\b(?:option|flag)\("(--[a-z0-9-]+)"\)')
CALL_WITH_ARGS = re.compile(r'\b(\w+)\((?:[^()]*?,\s*)?args\b')


def bodies(text):
    """Maps each top-level function name to its body (from its '{' to the matching '}')."""
    out = {}
    for m in FUNCTION.finditer(text):
        depth, i = 0, m.end() - 1
        while i < len(text):
            if text[i] == '{':
                depth += 1
            elif text[i] == '}':
                depth -= 1
                if depth == 0:
                    break
            i += 1
        out.setdefault(m.group(1), "")
        out[m.group(1)] += text[m.end():i]
    return out


def main():
    folder = Path(sys.argv[1])
    by_file, handlers = {}, []
    for path in sorted(folder.glob("*.cpp")):
        text = path.read_text()
        by_file[path.name] = bodies(text)
        for m in HANDLER.finditer(text):
            handlers.append((m.group(1), m.group(2), m.group(4), path.name))

    def body_of(name, file):
        """The function's body in `file`, else in the one other file that defines it."""
        if name in by_file[file]:
            return by_file[file][name], file
        found = [(b[name], f) for f, b in by_file.items() if name in b]
        return found[0] if len(found) == 1 else (None, None)

    for command, sub, fn, file in handlers:
        seen, todo, options = set(), [(fn, file)], set()
        while todo:
            name, where = todo.pop()
            body, home = body_of(name, where)
            if body is None or (name, home) in seen:
                continue
            seen.add((name, home))
            options.update(OPTION.findall(body))
            todo.extend((call, home) for call in CALL_WITH_ARGS.findall(body))
        options.discard("--help")
        print(f"{command}{' ' + sub if sub else ''}\t{' '.join(sorted(options))}")


if __name__ == "__main__":
    main()

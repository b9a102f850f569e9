#!/usr/bin/env python3
"""tools_audit.py: every program the test suites run comes from a Debian
package that ./bootstrap installs, or from one every Debian root has
(Priority: required, as in `debootstrap --variant=minbase`).

Reads the shell suites (tests/**/*.sh, .ci/run, tests/fuzz/run.sh), takes
each word in command position (line start, after | && || ; ( $( ` ! then
do else, and the program after env/exec/timeout/xargs/command/nice), drops
shell keywords, builtins and the functions the suites define, finds the
program on the Debian paths, its package with dpkg -S, and prints TAP: one
line per program, failing for a program no bootstrap package provides and
for a word that is neither a function, a builtin nor an installed program.

Usage: tools_audit.py TOP_SRCDIR [BOOTSTRAP]   (BOOTSTRAP: another script's
PKGS list, for the audit's own test)
"""
import glob
import os
import re
import subprocess
import sys

KEYWORDS = set("""if then else elif fi for while until do done case esac in
function select time { } [[ ]] ! return""".split())
BUILTINS = set("""alias bg bind break builtin cd command continue declare
dirs disown echo enable eval exec exit export false fc fg getopts hash help
history jobs kill let local logout mapfile popd printf pushd pwd read
readarray readonly set shift shopt source suspend test times trap true type
typeset ulimit umask unalias unset wait . : [""".split())
# Programs that take another program as their first operand.
WRAPPERS = {"env", "exec", "timeout", "xargs", "command", "nice", "nohup",
            "setsid", "stdbuf", "time"}
DEBIAN_PATHS = ["/usr/bin", "/bin", "/usr/sbin", "/sbin"]
SEPARATORS = re.compile(r"\|\||&&|;;|[|;&(`]|\$\(|\bthen\b|\bdo\b|\belse\b|\belif\b|\bif\b|\bwhile\b|\buntil\b|!")


def bootstrap_packages(path):
    text = open(path).read()
    m = re.search(r'^PKGS="([^"]*)"', text, re.M)
    if not m:
        sys.exit("Bail out! no PKGS=\"...\" list in bootstrap")
    return set(m.group(1).split())


def suite_files(top):
    files = glob.glob(os.path.join(top, "tests", "**", "*.sh"), recursive=True)
    files.append(os.path.join(top, ".ci", "run"))
    return sorted(set(f for f in files if os.path.isfile(f)))


def strip_quotes_and_comments(text):
    """Removes comments, here-documents and the text inside quotes (kept as
    one placeholder word Q, newlines kept), over the whole file so that a
    quoted awk or jq program spanning lines is never taken for commands.  A
    command substitution inside double quotes is shell again (it runs a
    command), with its own quotes, up to its closing parenthesis."""
    out, i, n = [], 0, len(text)
    stack = [["sh", 0]]   # modes: sh (with a paren depth), dq, sq
    heredoc = None
    while i < n:
        c = text[i]
        mode = stack[-1]
        if heredoc:
            j = text.find("\n", i)
            j = n if j < 0 else j
            if text[i:j].strip() == heredoc:
                heredoc = None
            out.append("\n")
            i = j + 1
            continue
        if mode[0] == "sq":
            if c == "'":
                stack.pop()
                out.append("Q")
            elif c == "\n":
                out.append("\n")
            i += 1
            continue
        if mode[0] == "dq":
            if c == "\\":
                i += 2
                continue
            if c == '"':
                stack.pop()
                out.append("Q")
            elif c == "\n":
                out.append("\n")
            elif text.startswith("$(", i) and not text.startswith("$((", i):
                stack.append(["sh", 1])
                out.append(" $( ")
                i += 2
                continue
            i += 1
            continue
        # shell
        if c == "'":
            stack.append(["sq", 0])
        elif c == '"':
            stack.append(["dq", 0])
        elif c == "#" and (i == 0 or text[i - 1] in " \t;\n"):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        elif c == "\\":
            out.append(" ")
            i += 2
            continue
        elif c == "(":
            mode[1] += 1
            out.append(c)
        elif c == ")":
            mode[1] -= 1
            out.append(c)
            if mode[1] <= 0 and len(stack) > 1:
                stack.pop()
        elif text.startswith("<<", i) and not text.startswith("<<<", i):
            m = re.match(r"<<-?\s*['\"]?(\w+)['\"]?", text[i:])
            if m:
                heredoc = m.group(1)
                out.append(" ")
                i += m.end()
                j = text.find("\n", i)  # the rest of this line is still shell
                j = n if j < 0 else j
                out.append(text[i:j])
                out.append("\n")
                i = j + 1
                continue
            out.append(c)
        else:
            out.append(c)
        i += 1
    return "".join(out)


def commands_in(path):
    funcs, uses = set(), []
    text = strip_quotes_and_comments(open(path, errors="replace").read())
    text = re.sub(r"\$?\(\([^()]*(\([^()]*\)[^()]*)*\)\)", " ", text)  # arithmetic
    for n, line in enumerate(text.split("\n"), 1):
        fm = re.match(r"\s*(?:function\s+)?([A-Za-z_][\w-]*)\s*\(\)", line)
        if fm:
            funcs.add(fm.group(1))
            continue
        for m in re.finditer(r"\bneed_tool\s+([a-z][\w.+-]*)", line):
            uses.append((m.group(1), path, n))
        # a case pattern "a | b)" or "*)" is not a command
        line = re.sub(r"^\s*[^()$=]*[^()$=\s]\)", " ", line)
        for piece in SEPARATORS.split(line):
            words = piece.split()
            while words and re.match(r"^[A-Za-z_]\w*=", words[0]):
                words.pop(0)  # VAR=value before a command
            while words and words[0] in WRAPPERS:
                w = words.pop(0)
                if w != "time":
                    uses.append((w, path, n))
                while words and (words[0].startswith("-") or re.match(r"^\d+[smh]?$", words[0])
                                 or re.match(r"^[A-Za-z_]\w*=", words[0])):
                    words.pop(0)
            if not words:
                continue
            if words[0] in ("check", "wait_for") and len(words) > 1:
                words = words[2:] if words[0] == "check" else words[1:]
                if not words:
                    continue
            w = words[0]
            if re.match(r"^[a-z][a-z0-9_.+-]*$", w):
                uses.append((w, path, n))
    return funcs, uses


def closure(pkgs):
    """The packages bootstrap's list brings in (Depends and Pre-Depends)."""
    r = subprocess.run(["apt-cache", "depends", "--recurse", "--no-recommends", "--no-suggests",
                        "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances"]
                       + sorted(pkgs), capture_output=True, text=True)
    got = set(l.strip() for l in r.stdout.splitlines() if l and not l.startswith(" "))
    return got | pkgs


def find_program(name):
    for d in DEBIAN_PATHS:
        p = os.path.join(d, name)
        if os.path.isfile(p) and os.access(p, os.X_OK):
            return p
    return None


def package_of(prog):
    cands = [prog, os.path.realpath(prog)]
    for c in list(cands):
        if c.startswith("/usr/"):
            cands.append(c[4:])
        else:
            cands.append("/usr" + c)
    for c in cands:
        r = subprocess.run(["dpkg", "-S", c], capture_output=True, text=True)
        if r.returncode == 0:
            line = r.stdout.splitlines()[0]
            if not line.startswith("diversion"):
                return line.split(":")[0].split(",")[0].strip()
    return None


def priority(pkg):
    r = subprocess.run(["dpkg-query", "-W", "-f=${Priority}", pkg], capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else ""


def main():
    top = sys.argv[1]
    listed = bootstrap_packages(sys.argv[2] if len(sys.argv) > 2 else os.path.join(top, "bootstrap"))
    pkgs = closure(listed)
    funcs, uses = set(), []
    for f in suite_files(top):
        fu, us = commands_in(f)
        funcs |= fu
        uses += us
    seen = {}
    for w, path, n in uses:
        if w in KEYWORDS or w in BUILTINS or w in funcs or w == "Q":
            continue
        seen.setdefault(w, (os.path.relpath(path, top), n))
    num, failed = 0, 0
    for w in sorted(seen):
        where = "%s:%d" % seen[w]
        prog = find_program(w)
        num += 1
        if not prog:
            failed += 1
            print("not ok %d - %s (%s): neither a function, a builtin nor an installed program" % (num, w, where))
            continue
        pkg = package_of(prog)
        if not pkg:
            failed += 1
            print("not ok %d - %s (%s): %s belongs to no Debian package" % (num, w, where, prog))
        elif pkg in listed:
            print("ok %d - %s: %s, installed by ./bootstrap" % (num, w, pkg))
        elif pkg in pkgs:
            print("ok %d - %s: %s, installed by ./bootstrap with what it lists" % (num, w, pkg))
        elif priority(pkg) == "required":
            print("ok %d - %s: %s, in every Debian root (Priority: required)" % (num, w, pkg))
        else:
            failed += 1
            print("not ok %d - %s (%s): package %s is neither in bootstrap's PKGS nor required"
                  % (num, w, where, pkg))
    num += 1
    print("%s %d - the suites run %d programs" % ("ok" if len(seen) > 20 else "not ok", num, len(seen)))
    if len(seen) <= 20:
        failed += 1
    print("1..%d" % num)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

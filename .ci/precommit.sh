#!/usr/bin/env bash
# The pre-commit hook manifest (.pre-commit-hooks.yaml), tested as a user's repository
# would use it without any release tag: `pre-commit try-repo` installs the hooks from
# this checkout (its current commit plus uncommitted changes) into a fresh pre-commit
# home and runs them on drafts in a scratch repository. Installs pre-commit itself.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.ci/precommit-venv"
start=$(date +%s)
step() { echo "== pre-commit: $* ($(( $(date +%s) - start ))s)"; }

step "pre-commit"
[ -x "$venv/bin/pre-commit" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check "pre-commit>=3"; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/home"
cd "$work"
git init -q drafts && cd drafts
printf 'The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n1. Decides to keep the matter under review.\n' > clean.res.txt
printf 'The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n1. Decides to keep the matter under review;\n\nRequests the Secretary-General to report.\n' > unnumbered.res.txt
printf 'The General Assembly,\n\nRECALLING its resolution 74/1 of 1 October 2019,\n\n1. Decides to keep the matter under review.\n' > case.res.txt
git add .
# One try-repo run (each one installs the hook environment anew): both hooks, in the
# manifest's order, on the three drafts.
step "pre-commit try-repo: hooks 'resolint' then 'resolint-fix' (installs the hook environment)"
if out=$("$venv/bin/pre-commit" try-repo "$root" --files clean.res.txt unnumbered.res.txt case.res.txt 2>&1); then
  echo "$out"; echo "the hooks passed drafts with findings" >&2; exit 1
fi
echo "$out" | grep -E '^(resolint|- hook id|- exit code)' || true
grep -qE "unnumbered.res.txt:7:1: (error: )?OPR001" <<<"$out" || { echo "$out"; echo "hook 'resolint' did not report OPR001" >&2; exit 1; }
if grep -q "clean.res.txt:" <<<"$out"; then echo "$out"; echo "a finding reported in the clean draft" >&2; exit 1; fi
grep -q '^Recalling its resolution' case.res.txt || { cat case.res.txt; echo "hook 'resolint-fix' did not fix the opener's case" >&2; exit 1; }
grep -q '^Recalling its resolution' clean.res.txt && cmp -s clean.res.txt <(printf 'The General Assembly,\n\nRecalling its resolution 74/1 of 1 October 2019,\n\n1. Decides to keep the matter under review.\n') \
  || { echo "hook 'resolint-fix' changed the clean draft" >&2; exit 1; }

step "done"

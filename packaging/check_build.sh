#!/usr/bin/env bash
# Smoke test of the packaged build, as a user would meet it: builds dist/huren (unless
# --no-build), then runs the built program outside the source tree in a clean environment
# (env -i: PATH, HOME, QT_QPA_PLATFORM=offscreen, HUREN_HOME in a temp folder):
#   --version; `check` against the embedded demo platform; the main window to a screenshot;
#   `view` of a DICOM file, uncompressed, RLE and JPEG 2000 (the compressed ones must look
#   exactly like the uncompressed one: proves pydicom finds the pylibjpeg plugins frozen);
# and reports the build's size and start-up times against `python main.py`.
#
#   packaging/check_build.sh [--no-build]
#
# A PyInstaller build takes minutes, so this is a command of its own rather than a test.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py=$root/.venv/bin/python
[ "${1:-}" = "--no-build" ] || packaging/build_linux.sh --no-deb
built=$root/dist/huren/huren
[ -x "$built" ] || { echo "no build at $built" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"        # outside the source tree: resources must come from the build itself
clean() { env -i PATH=/usr/bin:/bin HOME="$work/home" QT_QPA_PLATFORM=offscreen HUREN_HOME="$work/huren-$1" "${@:2}"; }
fail=0
step() { printf '%-52s' "$1"; }
ok() { echo "ok ${1:-}"; }
bad() { echo "FAILED ${1:-}"; fail=1; }
seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>>"$work/log" || return 1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }

step "built: --version"
v=$(clean built "$built" --version) && ok "($v)" || bad

step "built: check --demo"
if clean built "$built" --demo check >"$work/check.txt" 2>>"$work/log"; then ok; else bad; fi
sed 's/^/    /' "$work/check.txt"

# Both first starts prepare the demo platform's data; the timed runs come after.
step "built: main window screenshot (--demo)"
if clean built "$built" --demo --screenshot "$work/main.png" 2>>"$work/log" && [ -s "$work/main.png" ]; then
  ok "($work/main.png)"; cp "$work/main.png" /tmp/huren-frozen-main.png; else bad; fi
clean src "$py" "$root/main.py" --demo --screenshot "$work/main-src.png" 2>>"$work/log" || true

# DICOM files: the same CT slice uncompressed, RLE Lossless and JPEG 2000 Lossless.
"$py" - "$work" <<'PY'
import sys
from pathlib import Path
import numpy as np
from pydicom import examples
from pydicom.uid import JPEG2000Lossless, RLELossless

out = Path(sys.argv[1])
ds = examples.ct                      # 128x128 16-bit CT shipped with pydicom
ds.save_as(out / "plain.dcm", enforce_file_format=True)
for name, uid in (("rle", RLELossless), ("j2k", JPEG2000Lossless)):
    c = examples.ct
    c.compress(uid)
    c.save_as(out / f"{name}.dcm", enforce_file_format=True)
PY
for kind in plain rle j2k; do
  step "built: view $kind.dcm --screenshot"
  if clean built "$built" view "$work/$kind.dcm" --screenshot "$work/view-$kind.png" 2>>"$work/log" \
     && [ -s "$work/view-$kind.png" ]; then ok; else bad; fi
done
step "built: RLE and J2K look exactly like uncompressed"
if "$py" - "$work" <<'PY'
import sys
from pathlib import Path
from PIL import Image, ImageChops
w = Path(sys.argv[1])
plain = Image.open(w / "view-plain.png").convert("RGB")
for kind in ("rle", "j2k"):
    other = Image.open(w / f"view-{kind}.png").convert("RGB")
    assert other.size == plain.size and ImageChops.difference(plain, other).getbbox() is None, kind
PY
then ok; else bad; fi

echo
echo "size of dist/huren: $(du -sh "$root/dist/huren" | cut -f1)"
printf '%-34s %10s %14s\n' "start-up (s, best of 3)" "built" "python main.py"
best() { local t; { for _ in 1 2 3; do t=$("$@") || { echo 999; continue; }; echo "$t"; done; } | sort -g | head -1 | xargs printf '%.2f'; }
b1=$(best seconds clean built "$built" --version)
s1=$(best seconds clean src "$py" "$root/main.py" --version)
printf '%-34s %10s %14s\n' "--version" "$b1" "$s1"
b2=$(best seconds clean built "$built" --demo --screenshot "$work/t.png")
s2=$(best seconds clean src "$py" "$root/main.py" --demo --screenshot "$work/t.png")
printf '%-34s %10s %14s\n' "--demo --screenshot (main window)" "$b2" "$s2"
b3=$(best seconds clean built "$built" view "$work/j2k.dcm" --screenshot "$work/t.png")
s3=$(best seconds clean src "$py" "$root/main.py" view "$work/j2k.dcm" --screenshot "$work/t.png")
printf '%-34s %10s %14s\n' "view j2k.dcm --screenshot" "$b3" "$s3"

if [ "$fail" != 0 ]; then echo; echo "FAILED; the programs' messages:"; tail -40 "$work/log"; exit 1; fi
echo; echo "all ok"

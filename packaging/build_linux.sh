#!/usr/bin/env bash
# Packaged Linux build: dist/huren/ (one folder, PyInstaller) and dist/huren_<version>_amd64.deb.
#
#   packaging/build_linux.sh            # needs the venv of the README's set-up (.venv)
#   packaging/build_linux.sh --no-deb   # the folder only
#
# Needs dpkg-deb (Debian/Ubuntu) for the .deb; the result installs to /opt/huren with a
# /usr/bin/huren launcher, a desktop entry (also the huren:// URL handler) and an icon.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
py=${PYTHON:-$root/.venv/bin/python}

make_deb=1
[ "${1:-}" = "--no-deb" ] && make_deb=""

# The app's own dependencies (a fresh venv of the README's set-up has them) and PyInstaller:
# 6.10 is the first with the hooks this spec relies on for PySide6 6.8+ and pydicom 3.
"$py" -m pip install -q -e . "pyinstaller>=6.10,<7"
"$py" -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build packaging/huren.spec
# PyInstaller links every Qt library into _internal/; those the spec dropped leave dangling links.
find dist/huren -xtype l -delete
echo "built dist/huren ($(du -sh dist/huren | cut -f1))"

[ -n "$make_deb" ] || exit 0

version=$("$py" -c 'import app; print(app.__version__)')
stage=build/deb/huren_${version}_amd64
rm -rf "$stage"
install -d "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
           "$stage/usr/share/icons/hicolor/scalable/apps" "$stage/usr/share/doc/huren"
cp -a dist/huren "$stage/opt/huren"
install -m 0755 packaging/deb/huren.sh "$stage/usr/bin/huren"
install -m 0644 packaging/deb/huren.desktop "$stage/usr/share/applications/huren.desktop"
install -m 0644 resources/huren.svg "$stage/usr/share/icons/hicolor/scalable/apps/huren.svg"
install -m 0644 packaging/IT-GUIDE.md packaging/site.toml.example "$stage/usr/share/doc/huren/"
size_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$size_kb/" packaging/deb/control.in > "$stage/DEBIAN/control"
# No maintainer scripts: the desktop database and icon cache are refreshed by dpkg triggers
# (desktop-file-utils, hicolor-icon-theme), and the program writes nothing under /opt/huren.
find "$stage" -type d -exec chmod 0755 {} +
dpkg-deb --root-owner-group --build -Zxz "$stage" "dist/huren_${version}_amd64.deb" >/dev/null
echo "built dist/huren_${version}_amd64.deb ($(du -h "dist/huren_${version}_amd64.deb" | cut -f1))"

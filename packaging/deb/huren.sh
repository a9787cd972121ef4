#!/bin/sh
# /usr/bin/huren: the program lives in /opt/huren (one folder, its own Python and Qt).
exec /opt/huren/huren "$@"

#!/bin/bash
# The two import previews of the Bénéficiaires view, with errors and duplicates, taken from the
# real program under Xvfb + openbox, driven with xdotool, on a fresh data dir:
# docs/screenshots/import_shots.sh OUT_DIR  (SHOTS_DISPLAY=:N for another display than :77)
# Writes import-preview.png (« Importer… », a city CSV), import-columns.png (its « Colonnes… »)
# and import-activities-preview.png (« Importer des activités… », a Coop activities export),
# each cropped to its dialog.
set -u
OUT=$(realpath -m "$1"); mkdir -p "$OUT"
export DISPLAY=${SHOTS_DISPLAY:-:77}
Xvfb $DISPLAY -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 & XPID=$!
sleep 1.5
openbox >/dev/null 2>&1 & OPID=$!
sleep 1
HOME_DIR=$(mktemp -d "${TMPDIR:-/tmp}"/stpaul-import-shots-XXXX)
export XDG_DATA_HOME=$HOME_DIR/data XDG_CONFIG_HOME=$HOME_DIR/config XDG_CACHE_HOME=$HOME_DIR/cache
export STPAUL_FIELD_PASSPHRASE="captures d'écran à l'écran"
export STPAUL_FIELD_DATA_DIR=$HOME_DIR/stpaul
export QT_QPA_PLATFORM=xcb
cd "$(dirname "$0")/../.."
.venv/bin/python docs/screenshots/import_files.py "$HOME_DIR/files"
.venv/bin/python -m stpaul_field seed-demo --beneficiaries 300 --activities 300 >/dev/null 2>&1
.venv/bin/python -m stpaul_field import beneficiaries "$HOME_DIR/files/registre.csv" --doublons créer >/dev/null
.venv/bin/python -m stpaul_field > "$HOME_DIR/app.log" 2>&1 & APID=$!
sleep 6
# First start: the venue question (the first venue, OK), then the day's reminder if any.
xdotool key Return; sleep 1
xdotool key Escape; sleep 1
xdotool key ctrl+2; sleep 2.5

# The dialog on screen, from a capture of the whole screen.
shot() {
  import -window root "$HOME_DIR/root.png"
  local wid; wid=$(xdotool getactivewindow)
  eval "$(xwininfo -id "$wid" | awk '/Absolute upper-left X/{print "AX="$NF} /Absolute upper-left Y/{print "AY="$NF} /Width:/{print "W="$NF} /Height:/{print "H="$NF}')"
  read -r L R T B <<< "$(xprop -id "$wid" _NET_FRAME_EXTENTS | sed 's/.*= //; s/,//g')"
  convert "$HOME_DIR/root.png" -crop "$((W + L + R))x$((H + T + B))+$((AX - L))+$((AY - T))" +repage "$OUT/$1.png"
}
open_file() {  # $1: the button's Alt key, $2: the file, typed in Qt's file dialog
  xdotool key "alt+$1"; sleep 2
  xdotool type --delay 15 "$2"; sleep 0.5
  xdotool key Return; sleep 4
}
open_file i "$HOME_DIR/files/ville.csv"
shot import-preview
xdotool key alt+o; sleep 2
shot import-columns
xdotool key Escape; sleep 1
xdotool key Escape; sleep 1
open_file v "$HOME_DIR/files/coop-activites.xlsx"
shot import-activities-preview
xdotool key Escape; sleep 1
xdotool key ctrl+q; sleep 2
kill $APID $OPID $XPID 2>/dev/null
wait 2>/dev/null
echo done; tail -5 "$HOME_DIR/app.log"

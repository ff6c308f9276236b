# tools/lib.sh: what the tools share.  Sourced, never run:
#   . "$(dirname "$0")/lib.sh"
# Sets COWL_TOP (the repository root) and COWL_BUILD (its build directory)
# and gives the QEMU verdict decoding and the PASS/FAIL/SKIP tally.

COWL_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COWL_BUILD=${BUILD:-$COWL_TOP/build}
case "$COWL_BUILD" in /*) ;; *) COWL_BUILD=$COWL_TOP/$COWL_BUILD ;; esac

# qemu_verdict STATUS: one word for how a headless QEMU run (tools/qemu
# --headless) ended.  The kernel ends a run through isa-debug-exit, whose
# status is (code << 1) | 1: code 0 (status 1) is a clean power-off, code 1
# (status 3) a power-off after the kernel counted a failure, code 16
# (status 33) a panic.  124 is timeout(1)'s, and 0 means QEMU ended by
# itself: with -no-reboot, a reset or triple fault.
qemu_verdict() {
	case $1 in
	1) echo poweroff ;;
	3) echo failure ;;
	33) echo panic ;;
	124) echo timeout ;;
	0) echo reset ;;
	*) echo "qemu-status-$1" ;;
	esac
}

# run_status KERNEL_LOG: the exit status the first program reported
# ("run-elf: status=N" in the kernel log), or nothing if it never did.
run_status() {
	local line
	line=$(grep -a -o 'run-elf: status=[0-9]*' "$1" 2>/dev/null | tail -1)
	[ -z "$line" ] || echo "${line##*=}"
}

# panic_line KERNEL_LOG: the kernel's "Kernel panic" line, if any.
panic_line() {
	grep -a 'Kernel panic' "$1" 2>/dev/null | tail -1
}

# The tally: counters a tool adds its results to, and the summary line.
passed=0 failed=0 skipped=0
failures=()

# tally_pass NAME / tally_fail NAME REASON / tally_skip NAME REASON: count one
# result and print it the way every tool prints results.
tally_pass() { passed=$((passed + 1)); echo "PASS $1"; }
tally_fail() { failed=$((failed + 1)); failures+=("$1${2:+: $2}"); echo "FAIL $1${2:+: $2}"; }
tally_skip() { skipped=$((skipped + 1)); echo "SKIP $1${2:+: $2}"; }

# tally_log PREFIX LOG: count the "TEST: PASS|FAIL|SKIP name[: reason]" lines
# a test program printed into LOG, with PREFIX before each name.
tally_log() {
	local prefix=$1 line rest
	while IFS= read -r line; do
		line=${line%$'\r'}
		rest=${line#TEST: * }
		case "$line" in
		"TEST: PASS "*) tally_pass "$prefix$rest" ;;
		"TEST: FAIL "*) tally_fail "$prefix${rest%%: *}" "$([[ $rest == *": "* ]] && echo "${rest#*: }")" ;;
		"TEST: SKIP "*) tally_skip "$prefix${rest%%: *}" "$([[ $rest == *": "* ]] && echo "${rest#*: }")" ;;
		esac
	done < <(grep -a '^TEST: ' "$2")
}

# tally_summary: the failures again, then "N passed, N failed[, N skipped]".
tally_summary() {
	if [ ${#failures[@]} -gt 0 ]; then
		echo
		echo "failed:"
		printf '  %s\n' "${failures[@]}"
	fi
	echo
	if [ "$skipped" -gt 0 ]; then
		echo "$passed passed, $failed failed, $skipped skipped"
	else
		echo "$passed passed, $failed failed"
	fi
}

# json_str TEXT: TEXT as a JSON string, quotes included.  Only printable
# ASCII, tab and newline survive (a kernel's output can hold any byte, and
# JSON must be valid UTF-8); backslash, quote and the control characters
# left are escaped (RFC 8259, section 7).
json_str() {
	local s
	s=$(printf '%s' "$1" | LC_ALL=C tr -cd '\11\12\40-\176')
	s=${s//\\/\\\\}
	s=${s//\"/\\\"}
	s=${s//$'\n'/\\n}
	s=${s//$'\t'/\\t}
	printf '"%s"' "$s"
}

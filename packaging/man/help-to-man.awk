# SPDX-License-Identifier: GPL-3.0-or-later
# Turns one program's --help text into man page source (troff, man macros). POSIX awk (mawk, gawk).
# The help texts come in two shapes, both read here:
#   QCommandLineParser's: "Usage: ...", a description, then blocks ("Options:", "Arguments:", ...) of items
#   "  TAG  description" whose description goes on in lines indented to its column;
#   vblade's (serve, exports): "usage: ..." with indented continuation lines, then text and "  TAG  desc".
# Variables (-v):
#   mode      "page": the usage is the SYNOPSIS and the text the DESCRIPTION of the page;
#             "sub": the help of a subcommand, printed inside its .SS
#   prog      the program name; an indented usage line starting with it is a usage line of its own
#   sections  headings that become sections of their own in page mode ("Options Arguments")
# The "Exit codes:" line is left out: the page's EXIT STATUS section is made from it (make-man-pages.sh).

# Troff text: backslashes and minus signs escaped; a line never starts with a control character.
function esc(s) {
    gsub(/\\/, "\\\\e", s)
    gsub(/-/, "\\\\-", s)
    return s
}
function text_line(s) {
    sub(/^ +/, "", s)
    if (s ~ /^[.']/)
        s = "\\&" s
    print s
}
function trim(s) {
    sub(/^ +/, "", s)
    sub(/ +$/, "", s)
    return s
}
# "-i, --interface <IFACE>": option names bold, their values italic; a command's name bold.
function tag(t,    n, w, i, out, comma) {
    n = split(t, w, " ")
    out = ""
    for (i = 1; i <= n; i++) {
        comma = ""
        if (w[i] ~ /,$/) {
            comma = ","
            w[i] = substr(w[i], 1, length(w[i]) - 1)
        }
        if (i == 1 || w[i] ~ /^-/)
            w[i] = "\\fB" esc(w[i]) "\\fR"
        else
            w[i] = "\\fI" esc(w[i]) "\\fR"
        out = out (i > 1 ? " " : "") w[i] comma
    }
    return out
}
# A usage line: the command words bold, its arguments roman.
function usage_line(u,    n, w, i, out, bold) {
    n = split(u, w, " ")
    out = ""
    bold = 1
    for (i = 1; i <= n; i++) {
        if (i > 1 && (w[i] ~ /^[-\[<]/ || w[i] ~ /^[A-Z]/))
            bold = 0
        out = out (i > 1 ? " " : "") (bold ? "\\fB" esc(w[i]) "\\fR" : esc(w[i]))
    }
    return out
}
function flush_usage(    i) {
    if (!usages)
        return
    if (mode == "page")
        print ".SH SYNOPSIS"
    else
        print ".PP"
    # Each usage line with a hanging indent: its continuation is indented under its command.
    print ".in +4n"
    for (i = 1; i <= usages; i++) {
        if (i > 1)
            print ".br"
        print ".ti -4n"
        text_line(usage_line(usage[i]))
    }
    print ".in"
    usages = 0
    pending_paragraph = 1
}
# Before a line of running text: a new paragraph where one is due, the DESCRIPTION heading before the first.
function start_text() {
    printed_paragraph = 1
    if (mode == "page" && !described) {
        print ".SH DESCRIPTION"
        described = 1
    } else if (pending_paragraph || in_list) {
        print ".PP"
    } else {
        printed_paragraph = 0
    }
    pending_paragraph = 0
    in_list = 0
    in_item = 0
}

BEGIN {
    n = split(sections, s, " ")
    for (i = 1; i <= n; i++)
        own_section[s[i]] = 1
    prog_start = "^" prog
    gsub(/-/, "[-]", prog_start)
}

NR == 1 && /^[Uu]sage: / {
    usage[++usages] = trim(substr($0, 8))
    in_usage = 1
    next
}
in_usage && /^ / {
    line = trim($0)
    if (line ~ prog_start)
        usage[++usages] = line
    else
        usage[usages] = usage[usages] " " line
    next
}
in_usage {
    flush_usage()
    in_usage = 0
}
/^Exit codes: / { next }
/^$/ {
    pending_paragraph = 1
    in_item = 0
    next
}
/^[A-Z][A-Za-z ]*:$/ {
    heading = substr($0, 1, length($0) - 1)
    if (mode == "page" && (heading in own_section)) {
        print ".SH " toupper(heading)
        described = 1
    } else {
        start_text()
        if (!printed_paragraph)
            print ".PP"
        text_line(esc($0))
    }
    pending_paragraph = 0
    in_list = 1
    in_item = 0
    next
}
/^  [^ ]/ {
    # An item: its tag ends at the first run of two spaces.
    line = substr($0, 3)
    description = ""
    if (match(line, /  +/)) {
        description = substr(line, RSTART + RLENGTH)
        line = substr(line, 1, RSTART - 1)
    }
    if (mode == "page" && !described && !in_list) {
        print ".SH DESCRIPTION"
        described = 1
    }
    print ".TP"
    text_line(tag(line))
    if (description != "")
        text_line(esc(description))
    pending_paragraph = 0
    in_list = 1
    in_item = 1
    next
}
/^   / && in_item {
    text_line(esc($0))
    next
}
{
    start_text()
    text_line(esc($0))
}
END {
    flush_usage()
}

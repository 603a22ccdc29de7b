#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tst_polkit_files: the service's polkit and D-Bus files say what docs/privileges.md says.

- packaging/polkit/io.github.aoesan1.policy is valid against polkit's own DTD (xmllint --dtdvalid), defines
  exactly the action ids of core/service/DbusApi.h (namespace action), each with a description and a message
  in English, German and Spanish, and the defaults auth_admin / auth_admin / auth_admin_keep.
- packaging/polkit/io.github.aoesan1.rules runs under node with a stand-in for polkitd's `polkit` object
  (addRule, Result; a rule's falsy answer means "not handled", as in polkitd): YES for every aoesan action
  of a member of the group aoesan, not handled for anyone else or any other action.
- packaging/dbus/io.github.aoesan1.conf is well-formed busconfig that lets only the users aoesan and root own
  io.github.aoesan1 (and nothing else), and lets everyone send to it.

Usage: polkit_files_test.py SOURCE_DIR
"""
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

POLKIT_DTD = "/usr/share/polkit-1/policyconfig-1.dtd"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGES = ["", "de", "es"]  # "" is the untranslated (English) text
DEFAULTS = {"allow_any": "auth_admin", "allow_inactive": "auth_admin", "allow_active": "auth_admin_keep"}

failures = 0


def check(ok, what, detail=""):
    global failures
    if ok:
        print(f"PASS: {what}")
    else:
        failures += 1
        print(f"FAIL: {what}" + (f": {detail}" if detail else ""))


def api_action_ids(src):
    """The action ids of DbusApi.h's namespace action."""
    text = open(os.path.join(src, "core/service/DbusApi.h"), encoding="utf-8").read()
    block = re.search(r"namespace action \{(.*?)\} // namespace action", text, re.S)
    if not block:
        return set()
    return set(re.findall(r'inline constexpr char k\w+\[\] = "([^"]+)";', block.group(1)))


def check_policy(src, bus_name):
    path = os.path.join(src, "packaging/polkit/io.github.aoesan1.policy")
    if not os.path.exists(POLKIT_DTD):
        check(False, f"polkit's DTD {POLKIT_DTD} is here", "apt-get install polkitd")
    else:
        run = subprocess.run(["xmllint", "--noout", "--nonet", "--dtdvalid", POLKIT_DTD, path],
                             capture_output=True, text=True)
        check(run.returncode == 0, "the policy is valid against polkit's DTD", run.stderr.strip())
    root = ET.parse(path).getroot()
    actions = {a.get("id"): a for a in root.findall("action")}
    api = api_action_ids(src)
    check(len(api) == 6, "DbusApi.h names six polkit actions", str(sorted(api)))
    check(set(actions) == api, "the policy's action ids are DbusApi.h's",
          f"policy {sorted(actions)}, DbusApi.h {sorted(api)}")
    for action_id, action in sorted(actions.items()):
        check(action_id.startswith(bus_name + "."), f"{action_id} is under {bus_name}.")
        for element in ("description", "message"):
            langs = [e.get(XML_LANG, "") for e in action.findall(element) if (e.text or "").strip()]
            check(sorted(langs) == sorted(LANGUAGES), f"{action_id}: <{element}> in en, de, es",
                  f"found {langs}")
        defaults = action.find("defaults")
        got = {e.tag: (e.text or "").strip() for e in (defaults if defaults is not None else [])}
        check(got == DEFAULTS, f"{action_id}: defaults {DEFAULTS}", f"found {got}")


RULES_RUNNER = r"""
// Runs a polkit .rules file with a stand-in for polkitd's polkit object and prints each case's answer.
const fs = require("fs");
const vm = require("vm");
const [rulesPath, casesJson] = process.argv.slice(1); // node -e: no script name in argv
const rules = [];
const polkit = {
    Result: {NO: "no", YES: "yes", AUTH_SELF: "auth_self", AUTH_SELF_KEEP: "auth_self_keep",
             AUTH_ADMIN: "auth_admin", AUTH_ADMIN_KEEP: "auth_admin_keep", NOT_HANDLED: null},
    addRule(f) { rules.push(f); },
    addAdminRule() {},
    log() {},
    spawn() { throw new Error("the rule must not run programs"); },
};
vm.runInNewContext(fs.readFileSync(rulesPath, "utf8"), {polkit}, {filename: rulesPath});
const answers = JSON.parse(casesJson).map(c => {
    const action = {id: c.action, lookup: k => (c.details || {})[k]};
    const subject = {user: c.user, groups: c.groups, local: true, active: true, session: "1",
                     isInGroup: g => c.groups.includes(g), isInNetGroup: () => false};
    for (const rule of rules) {
        const answer = rule(action, subject);
        if (answer) return answer; // polkitd: a falsy answer is "not handled"
    }
    return null;
});
console.log(JSON.stringify({rules: rules.length, answers}));
"""


def check_rules(src, action_ids):
    path = os.path.join(src, "packaging/polkit/io.github.aoesan1.rules")
    member = {"user": "alice", "groups": ["alice", "aoesan"]}
    others = [{"user": "bob", "groups": ["bob", "users", "disk", "sudo"]},
              {"user": "aoesan", "groups": []}]  # the name is not the group
    cases = []
    for action in sorted(action_ids):
        cases.append((dict(member, action=action), "yes"))
        cases += [(dict(o, action=action), None) for o in others]
    for action in ["org.freedesktop.udisks2.filesystem-mount", "io.github.aoesan10.manage-exports",
                   "io.github.aoesan1"]:
        cases.append((dict(member, action=action), None))
    # The service (user aoesan) may start aoesan-aoe@IFLIST.service and nothing else; people may not.
    units = "org.freedesktop.systemd1.manage-units"
    service = {"user": "aoesan", "groups": ["aoesan", "disk"]}
    cases += [
        (dict(service, action=units, details={"unit": "aoesan-aoe@eth0\\x2ceth1.service", "verb": "start"}), "yes"),
        (dict(service, action=units, details={"unit": "aoesan-aoe@eth0.service", "verb": "stop"}), None),
        (dict(service, action=units, details={"unit": "ssh.service", "verb": "start"}), None),
        (dict(service, action=units, details={"unit": "aoesan-aoe@eth0.service.d", "verb": "start"}), None),
        (dict(service, action=units, details={"verb": "start"}), None),
        (dict(member, action=units, details={"unit": "aoesan-aoe@eth0.service", "verb": "start"}), None),
        # ... and start, restart and stop an export's boot server, nothing else of it.
        (dict(service, action=units, details={"unit": "aoesan-boot@disk-1.service", "verb": "start"}), "yes"),
        (dict(service, action=units, details={"unit": "aoesan-boot@disk-1.service", "verb": "restart"}), "yes"),
        (dict(service, action=units, details={"unit": "aoesan-boot@disk-1.service", "verb": "stop"}), "yes"),
        (dict(service, action=units, details={"unit": "aoesan-boot@disk-1.service", "verb": "enable"}), None),
        (dict(service, action=units, details={"unit": "aoesan-boot@disk-1.socket", "verb": "start"}), None),
        (dict(member, action=units, details={"unit": "aoesan-boot@disk-1.service", "verb": "start"}), None),
    ]
    try:
        run = subprocess.run(["node", "-e", RULES_RUNNER, path, json.dumps([c for c, _ in cases])],
                             capture_output=True, text=True, timeout=30)
    except FileNotFoundError:
        check(False, "node runs the rules file", "node is missing: apt-get install nodejs")
        return
    if run.returncode != 0:
        check(False, "node runs the rules file", run.stderr.strip())
        return
    out = json.loads(run.stdout)
    check(out["rules"] == 2, "the rules file adds two rules (people in aoesan; the service's driver unit)", f"{out['rules']} rules")
    for (case, want), got in zip(cases, out["answers"]):
        who = f"{case['user']} (groups {','.join(case['groups']) or 'none'})"
        what = case["action"] + (f" {case['details']}" if "details" in case else "")
        check(got == want, f"rule: {who}, {what} -> {want or 'not handled'}", f"got {got!r}")


def check_dbus_policy(src, bus_name):
    path = os.path.join(src, "packaging/dbus/io.github.aoesan1.conf")
    run = subprocess.run(["xmllint", "--noout", "--nonet", path], capture_output=True, text=True)
    check(run.returncode == 0, "the D-Bus policy is well-formed XML", run.stderr.strip())
    head = open(path, encoding="utf-8").read(2000)
    check('<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"' in head,
          "the D-Bus policy declares the busconfig DOCTYPE")
    root = ET.parse(path).getroot()
    check(root.tag == "busconfig", "its root is <busconfig>", root.tag)
    owners = set()
    sends = []
    for policy in root.findall("policy"):
        context = ("user", policy.get("user")) if policy.get("user") else \
                  ("group", policy.get("group")) if policy.get("group") else ("context", policy.get("context"))
        for rule in policy:
            for attr in ("own", "own_prefix"):
                if rule.get(attr) is not None:
                    check(rule.tag == "allow" and rule.get(attr) == bus_name,
                          f"{context[0]} {context[1]} may own only {bus_name}", f"<{rule.tag} {attr}={rule.get(attr)}>")
                    if rule.tag == "allow":
                        owners.add(context)
            if rule.tag == "allow" and rule.get("send_destination") is not None:
                sends.append((context, rule.get("send_destination"), dict(rule.attrib)))
    check(owners == {("user", "aoesan"), ("user", "root")}, "only the users aoesan and root may own the name",
          str(sorted(owners)))
    check(any(c == ("context", "default") and d == bus_name and len(a) == 1 for c, d, a in sends),
          f"everyone may send to {bus_name}", str(sends))


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    src = sys.argv[1]
    header = open(os.path.join(src, "core/service/DbusApi.h"), encoding="utf-8").read()
    bus_name = re.search(r'kBusName\[\] = "([^"]+)"', header).group(1)
    check_policy(src, bus_name)
    check_rules(src, api_action_ids(src))
    check_dbus_policy(src, bus_name)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Crash safety: the real server on a real database, killed with SIGKILL at
random moments while it acknowledges writes (entity creations, versioned
edits, all-or-nothing imports, 双随机 plans taken through approval,
commitment and the draw, and enforcement cases: leads (案件线索) recorded,
filed into cases (立案) by two officers with certificates, and each case
moved step by step, every step carrying the case's version, along one of
three routes: penalty (investigation, legal review, notice, decision,
service, execution, closing), transfer to the police, or withdrawal), then
restarted.

After every restart: every acknowledged case step is there (its case at that
stage or, through the transition table, a later one; never behind). The
cases touched in the run before, and at the end every case, also have a
history that is a chain of the table's steps from 立案 to the case's stage,
one event per version, so no step is recorded without the case moving or the
other way round. At the end: every acknowledged write is there, no import is
half-applied, no draw is half-recorded (a drawn plan has all its tasks and a
draw file that `jianguan verify` accepts against the plan's commitment; an
undrawn one has none), no filing is half-applied (a filed lead names its case
and the case its lead; an open lead has no case), every case's audit entries
are exactly its history's steps, `jianguan audit verify` passes, and (SQLite)
the file passes integrity and foreign-key checks.

Usage: crash_safety.py JIANGUAN_BINARY DB_URL KILLS
Prints one summary line; exits 1 on any loss.
"""
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n):
    body = "MC%06d" % n
    s = sum((int(c) if c.isdigit() else ord(c) - 55) * w for c, w in zip(body, [3, 7, 9, 10, 5, 8, 4, 2]))
    c = 11 - s % 11
    org = body + ("X" if c == 10 else "0" if c == 11 else str(c))
    first = "91310114" + org
    c = 31 - sum(ALPHABET.index(x) * w for x, w in zip(first, WEIGHTS)) % 31
    return first + ALPHABET[0 if c == 31 else c]


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Client:
    def __init__(self, port, username="admin"):
        self.port, self.cookie, self.csrf, self.username = port, "", "", username

    def request(self, method, path, body=None, ctype="application/json"):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {"Cookie": self.cookie, "X-CSRF-Token": self.csrf}
        if body is not None:
            headers["Content-Type"] = ctype
        c.request(method, path, body=body, headers=headers)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r, data

    def login(self):
        r, data = self.request("POST", "/api/v1/auth/login",
                               json.dumps({"username": self.username, "password": "Jianguan2024"}))
        assert r.status == 200, data
        self.cookie = r.getheader("Set-Cookie").split(";")[0]
        self.csrf = json.loads(data)["csrf_token"]


def start(binary, db, port, extra=()):
    p = subprocess.Popen([binary, "--db", db, "serve", "--port", str(port), "--no-access-log", *extra],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/healthz")
            if c.getresponse().status == 200:
                return p
        except OSError:
            time.sleep(0.05)
    raise RuntimeError("server did not start")

# The steps of the case procedure (src/domain/enforcement/case_stage.cc): (stage, action) -> stage.
CASE_STEPS = {
    ("clue", "file"): "filed", ("clue", "decline_filing"): "not_filed",
    ("filed", "investigate"): "investigation", ("investigation", "submit_for_review"): "legal_review",
    ("legal_review", "notify"): "notice", ("notice", "hold_hearing"): "hearing",
    ("investigation", "decide"): "decided", ("legal_review", "decide"): "decided",
    ("notice", "decide"): "decided", ("hearing", "decide"): "decided",
    ("decided", "serve"): "served", ("served", "execute"): "execution", ("execution", "close"): "closed",
    ("served", "close"): "closed", ("decided", "close"): "closed",
    ("filed", "withdraw"): "withdrawn", ("investigation", "withdraw"): "withdrawn",
    ("legal_review", "withdraw"): "withdrawn", ("notice", "withdraw"): "withdrawn",
    ("hearing", "withdraw"): "withdrawn",
}
CASE_DAY = "2025-06-03"  # every lead is found, and every step taken, on this day (in the past)
# The step each route takes from each stage, and its decision.
CASE_ROUTES = {
    "penalty": {"filed": "investigate", "investigation": "submit_for_review", "legal_review": "notify",
                "notice": "decide", "decided": "serve", "served": "execute", "execution": "close"},
    "police": {"filed": "investigate", "investigation": "decide", "decided": "close"},
    "withdraw": {"filed": "investigate", "investigation": "submit_for_review", "legal_review": "withdraw"},
}
CASE_DECISIONS = {
    "penalty": {"kind": "penalty", "decided_on": CASE_DAY, "penalties": ["warning"]},
    "police": {"kind": "transfer_to_police", "decided_on": CASE_DAY, "police_unit": "上海市公安局嘉定分局",
               "transferred_on": CASE_DAY},
    "withdraw": {"kind": "withdrawal", "decided_on": CASE_DAY, "reason": "崩溃测试撤销立案"},
}


def later_stages(stage):
    """The stages a case at `stage` can be at later by the table's steps, itself included."""
    out, todo = {stage}, [stage]
    while todo:
        s = todo.pop()
        for (f, _), t in CASE_STEPS.items():
            if f == s and t not in out:
                out.add(t)
                todo.append(t)
    return out


def step_body(route, action, version):
    body = {"version": version, "action": action, "on": CASE_DAY}
    if action == "notify":
        body.update(notice_served_on=CASE_DAY, statements_waived=True)
    elif action in ("decide", "withdraw"):
        body["decision"] = CASE_DECISIONS[route]
    elif action == "serve":
        body["decision_served_on"] = CASE_DAY
    elif action == "close" and route == "penalty":
        body["execution_completed"] = True
    return body


def all_cases(client):
    cases, page = {}, 1
    while True:
        _, data = client.request("GET", "/api/v1/cases?page_size=200&page=%d" % page)
        body = json.loads(data)
        cases.update((c["id"], c) for c in body["items"])
        if page * body["page_size"] >= body["total"]:
            return cases
        page += 1


def case_history(client, case, steps):
    """The case's events and what is wrong with them: they must be a chain of
    the table's steps from 立案 to the case's stage, one per version, holding
    every acknowledged step ((version, stage, action))."""
    _, data = client.request("GET", "/api/v1/cases/%d/events" % case["id"])
    events = json.loads(data)["items"]
    faults, stage = [], "clue"
    for i, e in enumerate(events):
        if e["from"] != stage or CASE_STEPS.get((e["from"], e["action"])) != e["to"]:
            faults.append("event %d (%s: %s -> %s) does not follow %s" % (i + 1, e["action"], e["from"], e["to"], stage))
        stage = e["to"]
    if stage != case["stage"] or len(events) != case["version"]:
        faults.append("%d events ending at %s, the case is at %s version %d"
                      % (len(events), stage, case["stage"], case["version"]))
    for version, st, action in steps:
        if version > len(events) or (events[version - 1]["to"], events[version - 1]["action"]) != (st, action):
            faults.append("acknowledged %s to %s (version %d) not in the history" % (action, st, version))
    return events, faults


def check_cases(client, case_steps, leads, touched):
    """Every acknowledged case step is there: its case at that stage or a later
    one (never behind); the histories of the cases in `touched` (all when None)
    are whole; every lead in `leads` is open with no case or filed into a case
    that names it. Returns (lost, half-applied, {case id: events} of those checked)."""
    lost = half = 0
    cases = all_cases(client)
    for case_id, steps in case_steps.items():
        c = cases.get(case_id)
        version, stage, action = steps[-1]
        if c is None:
            lost += 1
            print("LOST acknowledged case", case_id, "filing")
        elif c["version"] < version or (c["version"] == version and c["stage"] != stage) \
                or c["stage"] not in later_stages(stage):
            lost += 1
            print("LOST acknowledged case step", case_id, action, stage, version, "the case is at",
                  c["stage"], c["version"])
    histories = {}
    for case_id in (cases if touched is None else touched):
        if case_id not in cases:
            continue
        histories[case_id], faults = case_history(client, cases[case_id], case_steps.get(case_id, []))
        if faults:
            half += 1
            print("HALF-APPLIED case step: case", case_id, "; ".join(faults))
    by_lead = {}
    for c in cases.values():
        by_lead.setdefault(c["lead_id"], []).append(c["id"])
    for lead_id in leads:
        r, data = client.request("GET", "/api/v1/leads/%d" % lead_id)
        lead = json.loads(data)
        if r.status != 200:
            continue  # a lead whose creation was not acknowledged (leads checks the acknowledged ones)
        filed = lead["status"] == "filed"
        if by_lead.get(lead_id, []) != ([lead["case_id"]] if filed else []):
            half += 1
            print("HALF-APPLIED filing: lead", lead_id, lead["status"], lead["case_id"], "cases", by_lead.get(lead_id))
    return lost, half, histories


def audit_case_actions(client):
    """case id -> the actions of its audit entries, oldest first."""
    actions, before = {}, 0
    while True:
        _, data = client.request("GET", "/api/v1/audit?limit=1000" + ("&before=%d" % before if before else ""))
        items = json.loads(data)["items"]
        for e in items:
            if e["record_kind"] == "case":
                actions.setdefault(int(e["record_id"]), []).insert(0, e["action"])
        if len(items) < 1000:
            return actions
        before = items[-1]["seq"]


def main():
    binary, db, kills = sys.argv[1], sys.argv[2], int(sys.argv[3])
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    subprocess.run([binary, "--db", db, "demo-init", "--departments",
                    os.path.join(root, "data/departments-jiading.csv")], check=True, stdout=subprocess.DEVNULL)
    rng = random.Random(int(os.environ.get("CRASH_SEED", "1")))
    acknowledged = []   # credit codes whose creation was answered 201
    edits = {}          # credit code -> (version, address) of its last acknowledged edit
    imports = []        # (first, last) code numbers of each import sent
    draws = []          # plan ids whose draw was answered 200
    entity_ids = []     # ids of the entities whose creation was answered 201
    leads = []          # lead ids whose creation was answered 201
    open_leads = []     # leads not yet seen filed
    case_steps = {}     # case id -> [(version, stage, action)] of its steps answered 200 (201 for the filing)
    case_routes = {}    # case id -> its route (CASE_ROUTES), for every case the workload knows
    active = []         # cases not yet at the end of their route
    touched_leads, touched_cases = set(), set()  # written to (answered or not) since the last check
    next_code = [0]
    station = [None]
    officers = []
    refused = []        # case writes the server refused (the workload only sends legal ones)
    cut = [0]           # case writes sent and never answered: the kill came first
    case_lost = case_half = checks = 0
    for k in range(kills):
        port = free_port()
        server = start(binary, db, port)
        client = Client(port)
        client.login()
        staff, leader = Client(port, "jqstaff"), Client(port, "leader")
        staff.login()
        leader.login()
        if station[0] is None:
            _, data = client.request("GET", "/api/v1/departments")
            station[0] = next(d["id"] for d in json.loads(data)["items"] if d["code"] == "JQS")
            # Two case officers (办案人员) of 江桥所 whose certificates outlast the test.
            for n in (1, 2):
                r, data = client.request("POST", "/api/v1/inspectors", json.dumps(
                    {"name": "崩溃测试办案人%d" % n, "department_id": station[0], "station_id": station[0],
                     "certificate_no": "沪市监执崩溃-%04d" % n, "certificate_expires": "2099-12-31"}))
                assert r.status == 201, data
                officers.append(json.loads(data)["id"])
        else:
            # The cases written to in the run just killed: no step lost, no half-applied step or filing.
            lost, half, _ = check_cases(client, case_steps, sorted(touched_leads), sorted(touched_cases))
            case_lost, case_half, checks = case_lost + lost, case_half + half, checks + 1
            touched_leads.clear()
            touched_cases.clear()
        stop = threading.Event()

        def edit():
            code = rng.choice(acknowledged)
            r, data = client.request("GET", "/api/v1/entities?credit_code=" + code)
            e = json.loads(data)["items"][0]
            address = "上海市嘉定区崩溃路%d号" % rng.randrange(1, 10**6)
            r, data = client.request("PUT", "/api/v1/entities/%d" % e["id"], json.dumps(
                {"credit_code": code, "name": e["name"], "address": address, "station_id": station[0], "risk_class": "A",
                 "risk_classified_on": "2023-01-10", "version": e["version"]}))
            if r.status == 200:
                edits[code] = (json.loads(data)["version"], address)

        def draw():
            r, data = staff.request("POST", "/api/v1/plans", json.dumps(
                {"name": "崩溃测试抽查%d" % rng.randrange(10**9), "period_from": "2023-09-01",
                 "period_to": "2023-10-31", "lead_department_id": station[0], "item_codes": ["SP-001"],
                 "strata": [{"stratum": "A", "count": 2}], "per_entity": 2}))
            if r.status != 201:
                return
            plan = json.loads(data)
            path = "/api/v1/plans/%d" % plan["id"]
            r, data = leader.request("POST", path + "/approve", json.dumps({"version": plan["version"]}))
            if r.status != 200:
                return
            r, data = staff.request("POST", path + "/commit", json.dumps({"version": json.loads(data)["version"]}))
            if r.status != 200:
                return
            r, data = staff.request("POST", path + "/draw", json.dumps({"version": json.loads(data)["version"]}))
            if r.status == 200:
                draws.append(plan["id"])

        def new_lead():
            r, data = staff.request("POST", "/api/v1/leads", json.dumps(
                {"source": "complaint", "entity_id": rng.choice(entity_ids), "found_on": CASE_DAY,
                 "description": "崩溃测试线索%d" % rng.randrange(10**9), "department_id": station[0]}))
            if r.status == 201:
                lead_id = json.loads(data)["id"]
                leads.append(lead_id)
                open_leads.append(lead_id)
            else:
                refused.append("lead: %d %s" % (r.status, data[:300].decode(errors="replace")))

        def follow(case_id):
            case_routes[case_id] = rng.choice(["penalty", "penalty", "police", "withdraw"])
            active.append(case_id)

        def file_lead():
            lead_id = rng.choice(open_leads)
            _, data = staff.request("GET", "/api/v1/leads/%d" % lead_id)
            lead = json.loads(data)
            if lead["status"] != "open":
                open_leads.remove(lead_id)
                if lead["case_id"] is not None and lead["case_id"] not in case_routes:
                    follow(lead["case_id"])  # filed, but the answer was lost in the crash
                return
            touched_leads.add(lead_id)
            cut[0] += 1
            r, data = leader.request("POST", "/api/v1/leads/%d/file" % lead_id, json.dumps(
                {"version": lead["version"], "on": CASE_DAY, "officer_ids": officers}))
            cut[0] -= 1
            if r.status != 201:
                refused.append("lead %d file: %d %s" % (lead_id, r.status, data[:300].decode(errors="replace")))
            else:
                c = json.loads(data)
                open_leads.remove(lead_id)
                case_steps[c["id"]] = [(c["version"], c["stage"], "file")]
                follow(c["id"])

        def case_step():
            case_id = rng.choice(active)
            _, data = staff.request("GET", "/api/v1/cases/%d" % case_id)
            c = json.loads(data)
            route = case_routes[case_id]
            action = CASE_ROUTES[route].get(c["stage"])
            if action is None:
                active.remove(case_id)
                return
            touched_cases.add(case_id)
            who = leader if action in ("decide", "withdraw") else staff
            cut[0] += 1
            r, data = who.request("POST", "/api/v1/cases/%d/transitions" % case_id,
                                  json.dumps(step_body(route, action, c["version"])))
            cut[0] -= 1
            if r.status == 200:
                c = json.loads(data)
                case_steps.setdefault(case_id, []).append((c["version"], c["stage"], action))
            else:
                refused.append("case %d %s: %d %s" % (case_id, action, r.status, data[:300].decode(errors="replace")))

        def case_work():
            roll = rng.random()
            if open_leads and (roll < 0.3 or not active):
                file_lead()
            elif active and roll < 0.85:
                case_step()
            else:
                new_lead()

        def writer():
            while not stop.is_set():
                try:
                    roll = rng.random()
                    if roll < 0.1 and len(edits) >= 2:
                        draw()
                    elif roll < 0.4 and entity_ids:
                        case_work()
                    elif roll < 0.6 and acknowledged:
                        edit()
                    elif roll < 0.7:
                        first = next_code[0]
                        next_code[0] += 200
                        imports.append((first, first + 199))
                        rows = "".join("%s,崩溃测试导入%d\n" % (credit_code(i), i) for i in range(first, first + 200))
                        client.request("POST", "/api/v1/entities/import",
                                       ("credit_code,name\n" + rows).encode(), "text/csv")
                    else:
                        n = next_code[0]
                        next_code[0] += 1
                        r, data = client.request("POST", "/api/v1/entities", json.dumps(
                            {"credit_code": credit_code(n), "name": "崩溃测试%d" % n}))
                        if r.status == 201:
                            acknowledged.append(credit_code(n))
                            entity_ids.append(json.loads(data)["id"])
                except (OSError, http.client.HTTPException):
                    return  # the server is gone

        t = threading.Thread(target=writer)
        t.start()
        time.sleep(rng.uniform(0.1, 0.8))
        server.send_signal(signal.SIGKILL)
        server.wait()
        stop.set()
        t.join()

    # Check everything after the last crash (without the portal's per-client
    # rate limit: the check downloads every plan's draw file).
    port = free_port()
    server = start(binary, db, port, ("--portal-rate", "0"))
    client = Client(port)
    client.login()
    lost = 0
    for code in acknowledged:
        r, data = client.request("GET", "/api/v1/entities?credit_code=" + code)
        page = json.loads(data)
        if page["total"] != 1:
            lost += 1
            print("LOST acknowledged write", code)
            continue
        if code in edits:
            # A later edit may have been written without its answer; never an older state.
            version, address = edits[code]
            e = page["items"][0]
            if e["version"] < version or (e["version"] == version and e["address"] != address):
                lost += 1
                print("LOST acknowledged edit", code, version, e["version"])
    half_draws = 0
    _, data = client.request("GET", "/api/v1/plans")
    plans = {p["id"]: p for p in json.loads(data)["items"]}
    for plan_id in draws:
        if plans.get(plan_id, {}).get("status") != "drawn":
            lost += 1
            print("LOST acknowledged draw", plan_id)
    for plan_id, p in plans.items():
        _, data = client.request("GET", "/api/v1/inspection-tasks?plan_id=%d" % plan_id)
        tasks = json.loads(data)["total"]
        if p["status"] != "drawn":
            if tasks:
                half_draws += 1
                print("HALF-RECORDED draw: plan", plan_id, p["status"], "has", tasks, "tasks")
            continue
        r, data = client.request("GET", "/api/v1/public/plans/%d/draw-file" % plan_id)
        if r.status != 200:
            half_draws += 1
            print("HALF-RECORDED draw: plan", plan_id, "draw file answered", r.status, data[:200])
            continue
        path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "crash-draw-%d-%d.draw" % (os.getpid(), plan_id))
        with open(path, "wb") as f:
            f.write(data)
        v = subprocess.run([binary, "verify", path, "--commitment", p["draw"]["commitment_id"]],
                           capture_output=True, text=True)
        os.remove(path)
        # Two entities drawn (stratum A, count 2): two tasks, and a draw file that verifies.
        if tasks != 2 or v.returncode != 0 or not v.stdout.startswith("OK: 2 entities"):
            half_draws += 1
            print("HALF-RECORDED draw: plan", plan_id, "tasks", tasks, v.stdout.strip(), v.stderr.strip())
    half = 0
    for first, last in imports:
        present = 0
        for i in (first, (first + last) // 2, last):
            r, data = client.request("GET", "/api/v1/entities?credit_code=" + credit_code(i))
            present += json.loads(data)["total"]
        if present not in (0, 3):
            half += 1
            print("HALF-APPLIED import", first, last)
    for lead_id in leads:
        r, _ = client.request("GET", "/api/v1/leads/%d" % lead_id)
        if r.status != 200:
            lost += 1
            print("LOST acknowledged lead", lead_id)
    # Every case: no acknowledged step lost, a whole history, its filing whole,
    # and its audit entries exactly the steps of its history.
    lost_steps, half_cases, histories = check_cases(client, case_steps, leads, None)
    case_lost, case_half, checks = case_lost + lost_steps, case_half + half_cases, checks + 1
    audited = audit_case_actions(client)
    for case_id, events in histories.items():
        if audited.get(case_id, []) != ["case." + e["action"] for e in events]:
            case_half += 1
            print("HALF-APPLIED case step: case", case_id, "audit", audited.get(case_id),
                  "history", [e["action"] for e in events])
    for r in refused:
        print("REFUSED case write", r)
    server.send_signal(signal.SIGTERM)
    server.wait()
    audit = subprocess.run([binary, "--db", db, "audit", "verify"], capture_output=True, text=True)
    integrity = "ok"
    if db.startswith("sqlite:"):
        path = db[len("sqlite:"):]
        integrity = subprocess.run(["sqlite3", path, "PRAGMA integrity_check; PRAGMA foreign_key_check;"],
                                   capture_output=True, text=True).stdout.strip()
    transitions = sum(len(steps) - 1 for steps in case_steps.values())
    print("crash safety: %d kills, %d acknowledged writes checked (%d creations, %d edits, %d draws, "
          "%d leads, %d case filings, %d case transitions; %d case writes cut by a kill), %d imports checked, %d plans checked, "
          "%d cases checked (%d closed or withdrawn) after %d restarts, lost %d, half-applied imports %d, "
          "half-recorded draws %d, half-applied case steps or filings %d, refused case writes %d, "
          "audit verify: %s, integrity: %s"
          % (kills, len(acknowledged) + len(edits) + len(draws) + len(leads) + len(case_steps) + transitions,
             len(acknowledged), len(edits), len(draws), len(leads), len(case_steps), transitions, cut[0],
             len(imports), len(plans), len(histories),
             sum(e[-1]["to"] in ("closed", "withdrawn") for e in histories.values() if e), checks,
             lost + case_lost, half, half_draws, case_half, len(refused),
             "ok" if audit.returncode == 0 else audit.stdout.strip(), integrity))
    ok = (lost == 0 and case_lost == 0 and half == 0 and half_draws == 0 and case_half == 0 and not refused
          and audit.returncode == 0 and integrity == "ok" and acknowledged and transitions)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Crash safety: the real server on a real database, killed with SIGKILL at
random moments while it acknowledges writes (entity creations, versioned
edits, all-or-nothing imports, and 双随机 plans taken through approval,
commitment and the draw), then restarted. After every run: every
acknowledged write is there, no import is half-applied, no draw is
half-recorded (a drawn plan has all its tasks and a draw file that `jianguan
verify` accepts against the plan's commitment; an undrawn one has none),
`jianguan audit verify` passes, and (SQLite) the file passes integrity and
foreign-key checks.

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
    next_code = [0]
    station = [None]
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

        def writer():
            while not stop.is_set():
                try:
                    roll = rng.random()
                    if roll < 0.1 and len(edits) >= 2:
                        draw()
                    elif roll < 0.4 and acknowledged:
                        edit()
                    elif roll < 0.5:
                        first = next_code[0]
                        next_code[0] += 200
                        imports.append((first, first + 199))
                        rows = "".join("%s,崩溃测试导入%d\n" % (credit_code(i), i) for i in range(first, first + 200))
                        client.request("POST", "/api/v1/entities/import",
                                       ("credit_code,name\n" + rows).encode(), "text/csv")
                    else:
                        n = next_code[0]
                        next_code[0] += 1
                        r, _ = client.request("POST", "/api/v1/entities", json.dumps(
                            {"credit_code": credit_code(n), "name": "崩溃测试%d" % n}))
                        if r.status == 201:
                            acknowledged.append(credit_code(n))
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
    server.send_signal(signal.SIGTERM)
    server.wait()
    audit = subprocess.run([binary, "--db", db, "audit", "verify"], capture_output=True, text=True)
    integrity = "ok"
    if db.startswith("sqlite:"):
        path = db[len("sqlite:"):]
        integrity = subprocess.run(["sqlite3", path, "PRAGMA integrity_check; PRAGMA foreign_key_check;"],
                                   capture_output=True, text=True).stdout.strip()
    print("crash safety: %d kills, %d acknowledged writes checked (%d creations, %d edits, %d draws), "
          "%d imports checked, %d plans checked, lost %d, half-applied imports %d, half-recorded draws %d, "
          "audit verify: %s, integrity: %s"
          % (kills, len(acknowledged) + len(edits) + len(draws), len(acknowledged), len(edits), len(draws),
             len(imports), len(plans), lost, half, half_draws,
             "ok" if audit.returncode == 0 else audit.stdout.strip(), integrity))
    ok = (lost == 0 and half == 0 and half_draws == 0 and audit.returncode == 0 and integrity == "ok"
          and acknowledged)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

"""Drives the Jenkins simulator with python-jenkins (Debian's python3-jenkins 1.4.0), through its public API only.

Usage: jenkins_fidelity.py URL PASSWORD_USER PASSWORD TOKEN_USER TOKEN

Prints "ok <step>" for each step that behaved as against a real Jenkins and "FAIL <step>: <why>" otherwise; exits 1
after the first failure. The simulator is expected to hold the jobs the Java test seeds: app (parameters COMMIT and
BRANCH), Games/Client (no parameters), slow (long builds), off (disabled) and the branch job repo/feature%2Ffoo.
"""
import sys
import time

import jenkins

POLL = 0.1
TIMEOUT = 30.0


def fail(step, why):
    print("FAIL %s: %s" % (step, why), flush=True)
    sys.exit(1)


def ok(step, detail=""):
    print(("ok %s %s" % (step, detail)).rstrip(), flush=True)


def until(step, probe):
    """Polls probe() until it returns something truthy."""
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(POLL)
    fail(step, "timed out")


def follow(server, step, job, queue_id):
    """Polls the queue item until its build is known, then the build until it ends; returns the build's info."""
    seen_waiting = []

    def executable():
        item = server.get_queue_item(queue_id)
        if "executable" not in item:
            if "cancelled" in item:
                fail(step, "a waiting item must not carry 'cancelled': %s" % item)
            seen_waiting.append(item["_class"])
            return None
        if item.get("cancelled"):
            fail(step, "item was cancelled")
        return item["executable"]

    build = until(step, executable)
    number = build["number"]

    def finished():
        info = server.get_build_info(job, number)
        return info if not info["building"] else None

    info = until(step, finished)
    if info["queueId"] != queue_id:
        fail(step, "build %s has queueId %s, expected %s" % (number, info["queueId"], queue_id))
    return info, seen_waiting


def parameters(info):
    for action in info.get("actions", []):
        if action.get("_class") == "hudson.model.ParametersAction":
            return {p["name"]: p["value"] for p in action["parameters"]}
    return {}


def main():
    url, user, password, token_user, token = sys.argv[1:6]
    try:
        from importlib.metadata import version
        ok("python-jenkins", version("python-jenkins"))
    except Exception as e:  # the version is informative only
        ok("python-jenkins", "unknown (%s)" % e)

    server = jenkins.Jenkins(url, username=user, password=password, timeout=10)

    me = server.get_whoami()
    if me.get("id") != user:
        fail("get_whoami", "expected id %s, got %s" % (user, me))
    ok("get_whoami", me["id"])

    v = server.get_version()
    if v != "2.516.3":
        fail("get_version", "X-Jenkins was %r" % v)
    ok("get_version", v)

    job = server.get_job_info("app")
    names = [d["name"] for p in job.get("property", []) for d in p.get("parameterDefinitions", [])]
    if names != ["COMMIT", "BRANCH"]:
        fail("get_job_info", "parameter definitions %s" % names)
    ok("get_job_info", "nextBuildNumber=%s" % job["nextBuildNumber"])

    queue_id = server.build_job("app", {"COMMIT": "abc123", "BRANCH": "main", "NOT_DEFINED": "x"})
    if not isinstance(queue_id, int):
        fail("build_job", "queue id %r" % queue_id)
    ok("build_job with parameters (password, crumb)", "queue item %d" % queue_id)

    info, waited = follow(server, "follow app", "app", queue_id)
    if info["result"] != "SUCCESS":
        fail("follow app", "result %s" % info["result"])
    if parameters(info) != {"COMMIT": "abc123", "BRANCH": "main"}:
        fail("follow app", "parameters %s" % parameters(info))
    ok("get_queue_item and get_build_info", "#%d %s after %s" % (info["number"], info["result"], waited[:1]))

    queue_id = server.build_job("Games/Client")
    info, _ = follow(server, "folder job", "Games/Client", queue_id)
    if info["result"] != "FAILURE" or not info["url"].endswith("/job/Games/job/Client/%d/" % info["number"]):
        fail("folder job", "%s %s" % (info["result"], info["url"]))
    ok("build_job in a folder", "%s %s" % (info["url"], info["result"]))

    queue_id = server.build_job("repo/feature%2Ffoo")
    info, _ = follow(server, "branch job", "repo/feature%2Ffoo", queue_id)
    if "/job/repo/job/feature%252Ffoo/" not in info["url"]:
        fail("branch job", "url %s" % info["url"])
    ok("build_job on a branch job", info["url"])

    queue_id = server.build_job("slow")
    number = until("stop_build", lambda: (server.get_queue_item(queue_id).get("executable") or {}).get("number"))
    server.stop_build("slow", number)
    info = until("stop_build", lambda: (lambda i: i if not i["building"] else None)(server.get_build_info("slow",
                                                                                                         number)))
    if info["result"] != "ABORTED":
        fail("stop_build", "result %s" % info["result"])
    ok("stop_build", "#%d ABORTED" % number)

    try:
        server.build_job("off")
        fail("disabled job", "was accepted")
    except Exception as e:
        if "409" not in str(e):
            fail("disabled job", "unexpected %r" % e)
    ok("disabled job refused", "409")

    queue = server.get_queue_info()
    if not isinstance(queue, list):
        fail("get_queue_info", "%r" % queue)
    ok("get_queue_info", "%d waiting" % len(queue))

    try:
        jenkins.Jenkins(url, username=user, password="wrong", timeout=10).get_whoami()
        fail("bad credentials", "accepted")
    except jenkins.JenkinsException as e:
        if "401" not in str(e):
            fail("bad credentials", "unexpected %r" % e)
    ok("bad credentials refused", "401")

    bot = jenkins.Jenkins(url, username=token_user, password=token, timeout=10)
    queue_id = bot.build_job("app", {"COMMIT": "def456"})
    info, _ = follow(bot, "api token", "app", queue_id)
    if parameters(info) != {"COMMIT": "def456", "BRANCH": ""}:
        fail("api token", "parameters %s" % parameters(info))
    ok("build_job with an API token", "#%d %s" % (info["number"], info["result"]))


if __name__ == "__main__":
    main()

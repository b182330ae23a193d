"""The loads of ``bench/run.py``: wrk at a number of connections, with the Lua
scripts that vary what each request asks for.
"""

import re
import subprocess
from dataclasses import dataclass

from masthead import stack

FLOOD_LUA = """
local n = 0
function setup(thread) n = n + 1; thread:set("tid", n) end
function init(args) math.randomseed(os.time() * 1000 + tid); counter = 0 end
function request()
  counter = counter + 1
  local r = math.random(1, 2000000000)
  return wrk.format("GET", wrk.path .. "?utm_source=" .. r .. "&x=" .. counter,
    {["Cookie"] = "sessionid=" .. r .. "; csrftoken=" .. counter .. "; _ga=GA1." .. r})
end
"""

SEARCH_LUA = """
local n = 0
function setup(thread) n = n + 1; thread:set("tid", n) end
function init(args)
  math.randomseed(os.time() * 1000 + tid)
  words = {%s}
end
function request()
  local letters = ""
  for i = 1, 6 do letters = letters .. string.char(math.random(97, 122)) end
  local q = words[math.random(#words)] .. "+" .. words[math.random(#words)]
    .. "+" .. letters
  return wrk.format("GET", "/search/?q=" .. q)
end
"""
SEARCH_WORDS = ["heating", "tariffs", "council", "korvik", "pension", "court", "port"]
SEARCH_WORDS += ["budget", "school", "water", "rents", "union", "grain", "clinic"]


@dataclass
class Load:
    """What wrk measured for one URL."""

    rate: float
    p50_ms: float
    p99_ms: float
    requests: int
    bad: int  # non-2xx/3xx answers and socket errors

    @property
    def answered(self) -> bool:
        return self.requests > 0 and self.bad < self.requests

    def cell(self) -> str:
        if not self.answered:
            return f"no answer within the time ({self.bad:,} failed)"
        bad = f", {self.bad:,} failed" if self.bad else ""
        return (
            f"{self.rate:,.0f} req/s, p50 {self.p50_ms:.1f} ms, "
            f"p99 {self.p99_ms:.1f} ms{bad}"
        )


def _ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def wrk(url: str, *, connections: int, seconds: float, script: str | None = None):
    """Run wrk against ``url`` for ``seconds`` (bounded: wrk stops itself)."""
    binary = stack.ensure_tool("wrk")
    command = [binary, "-t2", f"-c{connections}", f"-d{seconds:g}s", "--latency",
               "--timeout", "5s"]  # fmt: skip
    if script:
        command += ["-s", script]
    out = subprocess.run(  # noqa: S603 - our own arguments
        [*command, url], capture_output=True, text=True, timeout=seconds + 30
    ).stdout
    try:
        rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
        p50 = _ms(re.search(r"\s50%\s+(\S+)", out).group(1))
        p99 = _ms(re.search(r"\s99%\s+(\S+)", out).group(1))
        requests = int(re.search(r"(\d+) requests in", out).group(1))
    except AttributeError as error:
        raise RuntimeError(f"wrk printed no figures for {url}:\n{out}") from error
    bad = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    if errors:
        bad += sum(int(n) for n in errors.groups())
    return Load(rate, p50, p99, requests, bad)


def median(results: list[Load]) -> Load:
    """The middle one of several runs of the same load, by rate."""
    ordered = sorted(results, key=lambda load: load.rate)
    return ordered[(len(ordered) - 1) // 2]


def warm(url: str, times: int = 20) -> None:
    for _ in range(times):
        status = stack.get(url, timeout=60)[0]
    assert status == 200, (url, status)

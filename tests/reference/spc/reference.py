#!/usr/bin/env python3
"""Independent reference for Verdict's control charts, written from the textbook formulas
(Montgomery, Introduction to Statistical Quality Control, 8th ed.: p/np/c/u ch. 7, I-MR and
X-bar/S ch. 6, CUSUM §9.1, EWMA §9.2; Laney 2002 for p'; Western Electric 1956 and Nelson 1984
run rules). Generates data sets with an injected shift, computes limits, statistics and signals
in plain Python (SciPy only for the chi-squared tail), and writes them as JSON.

Usage: python3 reference.py OUT.json      (the committed fixture is charts.json beside this file)
"""
import json
import math
import sys

import scipy
from scipy import stats

D2 = 2 / math.sqrt(math.pi)  # E|X1 - X2| / sigma
D3 = math.sqrt(2 - 4 / math.pi)  # sd|X1 - X2| / sigma


class Lcg:
    """A small deterministic generator so the data never depend on a library version."""

    def __init__(self, seed):
        self.state = seed

    def unit(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return ((self.state >> 11) + 0.5) / 2**53

    def normal(self):
        return math.sqrt(-2 * math.log(self.unit())) * math.cos(2 * math.pi * self.unit())

    def binomial(self, n, p):
        return sum(1 for _ in range(n) if self.unit() < p)


def c4(n):
    return math.sqrt(2 / (n - 1)) * math.exp(math.lgamma(n / 2) - math.lgamma((n - 1) / 2))


def periods(count):
    return ["2026-W%02d" % (week + 1) for week in range(count)]


# ---- charts: one estimate-and-plot pass over the "used" subgroups -------------------------------

def level(s):
    if "values" in s:
        return sum(s["values"]) / len(s["values"])
    return s["count"] / s["n"]


def size(s):
    return len(s["values"]) if "values" in s else s["n"]


def runs(groups):
    """Index lists of each key's subgroups (subgroups are ordered by key, then period)."""
    out = {}
    for i, s in enumerate(groups):
        out.setdefault(s["key"], []).append(i)
    return list(out.values())


def shewhart(kind, groups, used, L):
    pts, secondary, extra = [], None, {}
    u = [s for s, flag in zip(groups, used) if flag]
    if kind in ("p", "laney"):
        pbar = sum(s["count"] for s in u) / sum(s["n"] for s in u)
        sigma = math.sqrt(pbar * (1 - pbar))
        z = [((s["count"] / s["n"]) - pbar) / (sigma / math.sqrt(s["n"])) if flag else None for s, flag in zip(groups, used)]
        mrs = []
        for run in runs(groups):
            vals = [z[i] for i in run if z[i] is not None]
            mrs += [abs(b - a) for a, b in zip(vals, vals[1:])]
        sigma_z = sum(mrs) / len(mrs) / D2
        chi2 = sum(v * v for v in z if v is not None)
        df = len(u) - 1
        pval = stats.chi2.sf(chi2, df)
        over = pval < 0.05 and sigma_z > 1
        used_laney = kind == "laney" and over
        widen = sigma_z if used_laney else 1.0
        extra = {"sigma_z": sigma_z, "chi_squared": chi2, "p_value": pval, "laney_used": used_laney}
        for s in groups:
            si = sigma / math.sqrt(s["n"]) * widen
            pts.append((s["count"] / s["n"], pbar, si, 0.0, 1.0))
        return pbar, sigma, pts, secondary, extra
    if kind == "np":
        n = groups[0]["n"]
        pbar = sum(s["count"] for s in u) / sum(s["n"] for s in u)
        sigma = math.sqrt(n * pbar * (1 - pbar))
        return n * pbar, sigma, [(s["count"], n * pbar, sigma, 0.0, n) for s in groups], None, {}
    if kind == "c":
        cbar = sum(s["count"] for s in u) / len(u)
        return cbar, math.sqrt(cbar), [(s["count"], cbar, math.sqrt(cbar), 0.0, math.inf) for s in groups], None, {}
    if kind == "u":
        ubar = sum(s["count"] for s in u) / sum(s["n"] for s in u)
        return ubar, math.sqrt(ubar), [(s["count"] / s["n"], ubar, math.sqrt(ubar / s["n"]), 0.0, math.inf) for s in groups], None, {}
    if kind == "imr":
        centre = sum(level(s) for s in u) / len(u)
        ranges, mr_pts = [], []
        for run in runs(groups):
            for a, b in zip(run, run[1:]):
                r = abs(level(groups[b]) - level(groups[a]))
                if used[a] and used[b]:
                    ranges.append(r)
                mr_pts.append((b, r))
        mrbar = sum(ranges) / len(ranges)
        sigma = mrbar / D2
        pts = [(level(s), centre, sigma, -math.inf, math.inf) for s in groups]
        secondary = [(i, (r, mrbar, D3 * sigma, 0.0, math.inf)) for i, r in mr_pts]
        return centre, sigma, pts, secondary, {}
    if kind == "xbar_s":
        def ms(s):
            v = s["values"]
            m = sum(v) / len(v)
            return m, math.sqrt(sum((x - m) ** 2 for x in v) / (len(v) - 1))
        xbb = sum(len(s["values"]) * ms(s)[0] for s in u) / sum(len(s["values"]) for s in u)
        sbar = math.sqrt(sum((len(s["values"]) - 1) * ms(s)[1] ** 2 for s in u) / sum(len(s["values"]) - 1 for s in u))
        pts, secondary = [], []
        for i, s in enumerate(groups):
            n = len(s["values"])
            m, sd = ms(s)
            pts.append((m, xbb, sbar / (c4(n) * math.sqrt(n)), -math.inf, math.inf))
            secondary.append((i, (sd, sbar, sbar / c4(n) * math.sqrt(1 - c4(n) ** 2), 0.0, math.inf)))
        return xbb, sbar, pts, secondary, {}
    raise ValueError(kind)


def smoothing(kind, groups, used, opts):
    u = [s for s, flag in zip(groups, used) if flag]
    counts = "count" in groups[0]
    individuals = not counts and any(size(s) < 2 for s in groups)
    if counts:
        mu0 = sum(s["count"] for s in u) / sum(s["n"] for s in u)
        sigma = math.sqrt(mu0 * (1 - mu0))
    elif individuals:
        mu0 = sum(level(s) for s in u) / len(u)
        ranges = [abs(level(groups[b]) - level(groups[a])) for run in runs(groups) for a, b in zip(run, run[1:]) if used[a] and used[b]]
        sigma = sum(ranges) / len(ranges) / D2
    else:
        mu0 = sum(sum(s["values"]) for s in u) / sum(len(s["values"]) for s in u)
        ss = sum(sum((x - level(s)) ** 2 for x in s["values"]) for s in u)
        sigma = math.sqrt(ss / sum(len(s["values"]) - 1 for s in u))
    pts = [None] * len(groups)
    for run in runs(groups):
        z, var, cp, cm = mu0, 0.0, 0.0, 0.0
        for i in run:
            s = groups[i]
            n = 1 if individuals else size(s)
            si = sigma / math.sqrt(n)
            x = level(s)
            std = (x - mu0) / si
            if kind == "ewma":
                lam, L = opts["lambda"], opts["L"]
                z = lam * x + (1 - lam) * z
                var = (1 - lam) ** 2 * var + lam * lam * si * si
                pts[i] = {"value": z, "lcl": mu0 - L * math.sqrt(var), "ucl": mu0 + L * math.sqrt(var), "std": std}
            else:
                k, h = opts["k"], opts["h"]
                cp = max(0.0, cp + std - k)
                cm = max(0.0, cm - std - k)
                pts[i] = {"value": cp, "value_low": -cm, "lcl": -h, "ucl": h, "std": std}
    return mu0, sigma, pts


# ---- run rules ------------------------------------------------------------------------------------

def rule_fires(rule, window):
    z = [p["z"] for p in window]
    last = window[-1]
    if rule in ("we1", "nelson1"):
        return last["value"] > last["ucl"] or last["value"] < last["lcl"]

    def k_of_m(k, m, b):
        if len(z) < m:
            return False
        tail = z[-m:]
        return any(z[-1] * side > b and sum(1 for v in tail if v * side > b) >= k for side in (1, -1))

    def side_run(n):
        return len(z) >= n and (all(v > 0 for v in z[-n:]) or all(v < 0 for v in z[-n:]))

    if rule in ("we2", "nelson5"):
        return k_of_m(2, 3, 2.0)
    if rule in ("we3", "nelson6"):
        return k_of_m(4, 5, 1.0)
    if rule == "we4":
        return side_run(8)
    if rule == "nelson2":
        return side_run(9)
    if rule == "nelson3":
        t = z[-6:]
        return len(z) >= 6 and (all(b > a for a, b in zip(t, t[1:])) or all(b < a for a, b in zip(t, t[1:])))
    if rule == "nelson4":
        if len(z) < 14:
            return False
        d = [b - a for a, b in zip(z[-14:], z[-13:])]
        return all(x != 0 for x in d) and all((a > 0) != (b > 0) for a, b in zip(d, d[1:]))
    if rule == "nelson7":
        return len(z) >= 15 and all(abs(v) < 1 for v in z[-15:])
    if rule == "nelson8":
        return len(z) >= 8 and all(abs(v) > 1 for v in z[-8:])
    raise ValueError(rule)


RULES = {"we": ["we1", "we2", "we3", "we4"], "nelson": ["nelson%d" % i for i in range(1, 9)]}


def chart(case):
    kind, groups, opts = case["chart"], case["subgroups"], case["options"]
    order = {}
    for s in groups:
        order.setdefault(s["key"], len(order))
    groups = sorted(groups, key=lambda s: (order[s["key"]], s["period"]))
    base = opts.get("baseline")
    in_base = [base is None or base[0] <= s["period"] <= base[1] for s in groups]
    excluded = [False] * len(groups)
    L = opts.get("sigma_multiple", 3.0)
    iterations = 0
    while True:
        iterations += 1
        used = [b and not e for b, e in zip(in_base, excluded)]
        if kind in ("ewma", "cusum"):
            centre, sigma, spts = smoothing(kind, groups, used, opts)
            out = [abs(p["std"]) > L for p in spts]
        else:
            centre, sigma, raw, secondary, extra = shewhart(kind, groups, used, L)
            pts = []
            for value, c, si, floor, ceil in raw:
                pts.append({"value": value, "centre": c, "lcl": max(c - L * si, floor), "ucl": min(c + L * si, ceil),
                            "z": (value - c) / si if si > 0 else 0.0})
            sec = [(i, {"value": v, "lcl": max(c - L * si, fl), "ucl": min(c + L * si, ce)}) for i, (v, c, si, fl, ce) in (secondary or [])]
            out = [p["value"] > p["ucl"] or p["value"] < p["lcl"] for p in pts]
            if kind == "xbar_s":
                for i, p in sec:
                    out[i] = out[i] or p["value"] > p["ucl"] or p["value"] < p["lcl"]
        changed = False
        for i, flag in enumerate(out):
            if flag and used[i]:
                excluded[i] = True
                changed = True
        if not changed:
            break
    result = {"centre": centre, "sigma": sigma, "iterations": iterations,
              "excluded": [[s["key"], s["period"]] for s, e in zip(groups, excluded) if e]}
    signals = []
    if kind in ("ewma", "cusum"):
        result["points"] = [{"key": s["key"], "period": s["period"], **{k: v for k, v in p.items() if k != "std"}} for s, p in zip(groups, spts)]
        for s, p in zip(groups, spts):
            if kind == "ewma" and (p["value"] > p["ucl"] or p["value"] < p["lcl"]):
                signals.append([kind, s["key"], s["period"], "beyond_limits"])
            if kind == "cusum" and p["value"] > p["ucl"]:
                signals.append([kind, s["key"], s["period"], "cusum_upper"])
            if kind == "cusum" and p["value_low"] < p["lcl"]:
                signals.append([kind, s["key"], s["period"], "cusum_lower"])
    else:
        result["points"] = [{"key": s["key"], "period": s["period"], "value": p["value"], "lcl": p["lcl"], "ucl": p["ucl"]} for s, p in zip(groups, pts)]
        rules = sorted({r for part in opts["rules"].split(",") for r in RULES.get(part, [part])},
                       key=lambda r: (r.startswith("nelson"), int(r.lstrip("wenlso"))))
        for run in runs(groups):
            for end in range(len(run)):
                window = [pts[i] for i in run[:end + 1]]
                for r in rules:
                    if rule_fires(r, window):
                        s = groups[run[end]]
                        signals.append([kind, s["key"], s["period"], r])
        name = {"imr": "mr", "xbar_s": "s"}.get(kind)
        if secondary is not None:
            result["secondary"] = [{"key": groups[i]["key"], "period": groups[i]["period"], **p} for i, p in sec]
            for i, p in sec:
                if p["value"] > p["ucl"] or p["value"] < p["lcl"]:
                    signals.append([name, groups[i]["key"], groups[i]["period"], "beyond_limits"])
        result.update({k: v for k, v in extra.items()})
    result["signals"] = signals
    for p in result["points"] + result.get("secondary", []):
        for k in ("lcl", "ucl"):
            if math.isinf(p[k]):
                p[k] = None
    return result


# ---- data sets with an injected shift ---------------------------------------------------------------

def cases():
    rng = Lcg(20261130)
    keys = ["site-a", "site-b", "site-c", "site-d"]
    weeks = periods(12)
    out = []

    def counts(p_of, n_of):
        return [{"key": k, "period": w, "count": rng.binomial(n_of(k, i), p_of(k, i)), "n": n_of(k, i)}
                for k in keys for i, w in enumerate(weeks)]

    # Gold error rate 5%, site-b jumps to 20% in week 9 (index 8); n varies 60..140.
    varying = counts(lambda k, i: 0.20 if (k == "site-b" and i >= 8) else 0.05, lambda k, i: 60 + (i * 37 + len(k) * 11 + ord(k[-1])) % 81)
    out.append({"name": "p_shift_phase1", "chart": "p", "subgroups": varying, "options": {"rules": "we"}})
    out.append({"name": "p_shift_phase2", "chart": "p", "subgroups": varying, "options": {"rules": "nelson", "baseline": ["2026-W01", "2026-W06"]}})
    out.append({"name": "u_shift", "chart": "u", "subgroups": varying, "options": {"rules": "we1,we2"}})
    # Overdispersed: each site-week has its own p around 10%.
    over = counts(lambda k, i: min(0.5, max(0.01, 0.10 + 0.04 * rng.normal())), lambda k, i: 400)
    out.append({"name": "laney_overdispersed", "chart": "laney", "subgroups": over, "options": {"rules": "we"}})
    out.append({"name": "p_overdispersed", "chart": "p", "subgroups": over, "options": {"rules": "we1"}})
    constant = counts(lambda k, i: 0.25 if (k == "site-c" and i >= 9) else 0.08, lambda k, i: 100)
    out.append({"name": "np_shift", "chart": "np", "subgroups": constant, "options": {"rules": "we"}})
    out.append({"name": "c_shift", "chart": "c", "subgroups": constant, "options": {"rules": "nelson"}})
    # Handling times in seconds: 30 s, sd 6 s; site-d slows by 24 s (individuals) or 9 s (means) from week 8.
    def times(n_of, shift):
        return [{"key": k, "period": w, "values": [30 + (shift if (k == "site-d" and i >= 7) else 0) + 6 * rng.normal() for _ in range(n_of(k, i))]}
                for k in keys for i, w in enumerate(weeks)]
    single = times(lambda k, i: 1, 24)
    out.append({"name": "imr_shift", "chart": "imr", "subgroups": single, "options": {"rules": "we"}})
    grouped = times(lambda k, i: 3 + (i + len(k)) % 4, 9)
    out.append({"name": "xbar_s_shift", "chart": "xbar_s", "subgroups": grouped, "options": {"rules": "nelson"}})
    # Small sustained shift (0.8 sigma of a subgroup mean) from week 7: EWMA and CUSUM.
    small = [{"key": k, "period": w, "values": [30 + (0.8 * 6 / 2 if (k == "site-a" and i >= 6) else 0) + 6 * rng.normal() for _ in range(4)]}
             for k in keys for i, w in enumerate(periods(20))]
    out.append({"name": "ewma_phase2", "chart": "ewma", "subgroups": small, "options": {"lambda": 0.2, "L": 2.962, "baseline": ["2026-W01", "2026-W05"]}})
    out.append({"name": "cusum_phase2", "chart": "cusum", "subgroups": small, "options": {"k": 0.5, "h": 5.0, "baseline": ["2026-W01", "2026-W05"]}})
    out.append({"name": "ewma_counts", "chart": "ewma", "subgroups": varying, "options": {"lambda": 0.1, "L": 2.814}})
    out.append({"name": "cusum_counts", "chart": "cusum", "subgroups": varying, "options": {"k": 0.5, "h": 4.0}})
    return out


def main():
    data = {"generator": "tests/reference/spc/reference.py", "python": sys.version.split()[0], "scipy": scipy.__version__, "cases": []}
    for case in cases():
        case["expected"] = chart(case)
        data["cases"].append(case)
    with open(sys.argv[1], "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()

"""The lower ladder steps: fractions of incidents answered by at least a protest and at
least a countermeasure, as Beta posteriors (Jeffreys prior), pooled, per era and per type."""
import math

from scipy import stats

from .assumptions import BETA_PRIOR, CATALOGUE_TYPES, ENGINE_TYPES, LEVEL, RUNGS, SPIRAL_START
from .exposure import used_rows


def beta_fit(k, n, level=LEVEL):
    a, b = BETA_PRIOR + k, BETA_PRIOR + n - k
    lo, hi = stats.beta.ppf([(1 - level) / 2, (1 + level) / 2], a, b)
    return dict(k=k, n=n, a=a, b=b, mean=a / (a + b), lo=lo, hi=hi)


def logit(p):
    return math.log(p / (1 - p))


def ladder(incidents, end, include_partners=False):
    """Fractions answered by >= protest and >= countermeasure, pooled over the engine
    types, per type and per era."""
    def summary(rows):
        rung = [RUNGS.index(r["response_rung"]) for r in rows]
        n = len(rung)
        k1 = sum(x >= 1 for x in rung)
        k2 = sum(x >= 2 for x in rung)
        return dict(n=n, protest=beta_fit(k1, n), counter=beta_fit(k2, n),
                    step1=beta_fit(k2, k1))
    per = {}
    for t in CATALOGUE_TYPES:
        per[t] = summary([r for r in used_rows(incidents, t, include_partners) if r["date"] <= end])
    engine = [r for t in ENGINE_TYPES for r in used_rows(incidents, t, include_partners)
              if r["date"] <= end]
    pooled = summary(engine)
    eras = {"deep": summary([r for r in engine if r["date"] < SPIRAL_START]),
            "spiral": summary([r for r in engine if r["date"] >= SPIRAL_START])}
    return pooled, eras, per

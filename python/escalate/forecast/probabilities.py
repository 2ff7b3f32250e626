"""The three probabilities a forecast quotes, read from a run file (`escalate run`): P(war),
P(first clash: a limited strike or war) and P(nuclear use) by the horizon, each pooled over
both loops with the engine's 95% Monte Carlo interval over both loops (docs/model.md,
"two-loop intervals": p_reached_interval, p_clash_interval, p_nuclear_interval)."""
from dataclasses import dataclass

import escalate

from ..errors import EscalateError
from ..reading import strings

QUESTIONS = ("war", "clash", "nuclear")
LABELS = {"war": "P(war)", "clash": "P(first clash)", "nuclear": "P(nuclear use)"}


@dataclass(frozen=True)
class Estimate:
    p: float
    low: float
    high: float

    def text(self):
        return f"{100 * self.p:.2f}% [{100 * self.low:.2f}, {100 * self.high:.2f}]"


def read_probabilities(path):
    """({question: Estimate}, horizon in days, start date) of a complete run file."""
    with escalate.open(path) as f:
        f.expect("run")
        result = f.results()[0]
        if not result.complete:
            raise EscalateError(f"{path}: {result.warning}: not a complete forecast")
        g = result.g
        try:
            war = strings(g["phase"]).index("war")
            out = {"war": Estimate(float(g["p_reached"][war]), *map(float, g["p_reached_interval"][war])),
                   "clash": Estimate(float(g["p_clash"][()]), *map(float, g["p_clash_interval"][:])),
                   "nuclear": Estimate(float(g["p_nuclear"][()]), *map(float, g["p_nuclear_interval"][:]))}
        except (KeyError, ValueError) as e:
            raise EscalateError(f"{path}: lacks the pooled probabilities of a run ({e})") from None
        return out, result.horizon, result.start

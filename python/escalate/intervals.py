"""The Wilson score interval (95%), the one used wherever a proportion needs a band that
stays inside [0, 1] and is not empty when nothing (or everything) was seen."""
import numpy as np

Z95 = 1.959963984540054


def wilson(p, n, z=Z95):
    """(lower, upper) of the Wilson interval of a proportion p observed in n trials.
    Works elementwise on arrays; n <= 0 gives the whole [0, 1]."""
    p = np.asarray(p, dtype=float)
    n = np.asarray(n, dtype=float)
    safe = np.where(n > 0, n, 1.0)
    centre = (p + z * z / (2 * safe)) / (1 + z * z / safe)
    half = z * np.sqrt(np.clip(p * (1 - p), 0, None) / safe + z * z / (4 * safe * safe)) / (1 + z * z / safe)
    # exact at the ends: nothing seen gives lower 0, everything seen upper 1 (not round-off)
    lo = np.where((n > 0) & (p > 0), np.clip(centre - half, 0, 1), 0.0)
    hi = np.where((n > 0) & (p < 1), np.clip(centre + half, 0, 1), 1.0)
    if lo.shape == ():
        return float(lo), float(hi)
    return lo, hi

"""escalate.forecast.scores: the log score, the CRPS, the mid-PIT and the central 90%
interval of integer forecasts against closed forms. The Poisson CRPS has a closed form (Wei & Held 2014, Test 13(1), eq. 9 as written
in R's scoringRules::crps_pois):
    CRPS(Pois(l), y) = (y - l)(2F(y) - 1) + 2 l f(y) - l exp(-2l) (I0(2l) + I1(2l)),
a point mass at m scores |y - m|, and a large sample of Poisson draws scores as the
Poisson itself (its empirical CDF converges: 200,000 draws, tolerance 0.01, about ten
sd of the sample CRPS's error at l = 3).

Run: cd tests/python && PYTHONPATH=../../python /usr/bin/python3 -m unittest -v test_scores
"""
import unittest

import numpy as np
from scipy import special, stats

from escalate.errors import EscalateError
from escalate.forecast.scores import Empirical, central_interval, crps, log_score, mid_pit


def poisson_crps(lam, y):
    f, F = stats.poisson.pmf(y, lam), stats.poisson.cdf(y, lam)
    return (y - lam) * (2 * F - 1) + 2 * lam * f - lam * (special.ive(0, 2 * lam) + special.ive(1, 2 * lam))


class Scores(unittest.TestCase):
    def test_poisson_crps_matches_the_closed_form(self):
        for lam in (0.2, 1.0, 3.0, 12.5, 80.0):
            for y in (0, 1, 3, 10, 40, 200):
                self.assertAlmostEqual(crps(stats.poisson(lam), y), poisson_crps(lam, y), places=9, msg=(lam, y))

    def test_a_point_mass_scores_the_absolute_error(self):
        for m in (0, 2, 7):
            for y in (0, 2, 5, 11):
                self.assertAlmostEqual(crps(Empirical([m] * 5), y), abs(y - m), places=12)

    def test_the_crps_is_smallest_at_the_truth_on_average(self):
        # propriety, checked by expectation under Pois(4): the true forecast beats shifted ones
        ys = np.arange(0, 60)
        w = stats.poisson.pmf(ys, 4.0)
        expected = {lam: float(np.sum(w * [crps(stats.poisson(lam), y) for y in ys])) for lam in (3.0, 4.0, 5.0)}
        self.assertLess(expected[4.0], expected[3.0])
        self.assertLess(expected[4.0], expected[5.0])

    def test_identical_forecasts_score_equally_and_a_large_sample_scores_as_its_law(self):
        a, b = stats.poisson(2.5), stats.poisson(2.5)
        for y in (0, 2, 9):
            self.assertEqual(crps(a, y), crps(b, y))
            self.assertEqual(log_score(a, y), log_score(b, y))
        draws = np.random.default_rng(7).poisson(3.0, 200_000)
        for y in (0, 3, 8):
            self.assertAlmostEqual(crps(Empirical(draws), y), poisson_crps(3.0, y), delta=0.01)
            self.assertAlmostEqual(log_score(Empirical(draws), y), -stats.poisson.logpmf(y, 3.0), delta=0.05)

    def test_log_score_and_its_smoothing(self):
        self.assertAlmostEqual(log_score(stats.poisson(2.0), 3), -stats.poisson.logpmf(3, 2.0), places=12)
        self.assertEqual(log_score(stats.poisson(2.0), 0), 2.0)
        # add-1/2 over {0..K}: 4 draws of 1, outcome 3 (K = 3): p(3) = 0.5 / (4 + 2)
        self.assertAlmostEqual(log_score(Empirical([1, 1, 1, 1]), 3), -np.log(0.5 / 6), places=12)
        self.assertAlmostEqual(log_score(Empirical([1, 1, 1, 1]), 1), -np.log(4.5 / 5), places=12)
        self.assertLess(log_score(Empirical([1] * 4), 1), log_score(Empirical([1] * 4), 0))

    def test_mid_pit_and_the_central_interval(self):
        # under the forecast itself the mid-PIT averages exactly 1/2 (sum over the pmf)
        ys = np.arange(0, 80)
        w = stats.poisson.pmf(ys, 3.7)
        self.assertAlmostEqual(float(np.sum(w * [mid_pit(stats.poisson(3.7), y) for y in ys])), 0.5, places=10)
        self.assertEqual([mid_pit(Empirical([4] * 3), y) for y in (2, 4, 6)], [0.0, 0.5, 1.0])
        # Poisson(2): F(0) = 0.135 >= 0.05; F(4) = 0.947 < 0.95 <= F(5) = 0.983
        self.assertEqual(central_interval(stats.poisson(2.0)), (0, 5))
        self.assertEqual(central_interval(Empirical([7] * 10)), (7, 7))
        self.assertEqual(central_interval(Empirical(list(range(100)))), (4, 94))

    def test_bad_outcomes_and_draws_are_refused(self):
        for y in (-1, 2.5, float("nan")):
            with self.assertRaises(EscalateError):
                crps(stats.poisson(1.0), y)
        for draws in ([], [1, -1], [0.5], [float("nan")]):
            with self.assertRaises(EscalateError):
                Empirical(draws)


if __name__ == "__main__":
    unittest.main()

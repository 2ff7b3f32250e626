"""escalate.forecast.naive: the three naive forecasts by their definitions
(docs/calibration.md, "Walk-forward validation"): means from the counts and exposures,
the zero floor of half an event, the moment fit of the random walk's dispersion.

Run: cd tests/python && PYTHONPATH=../../python /usr/bin/python3 -m unittest -v test_naive
"""
import unittest

import numpy as np

from escalate.forecast import naive

YEAR = 365


class Naive(unittest.TestCase):
    def test_poisson_means_follow_rate_times_exposure(self):
        counts, days = [2, 4, 0, 6, 8], [YEAR] * 4 + [YEAR // 2]
        d = naive.poisson_mean_rate(counts, days, YEAR)
        self.assertAlmostEqual(d.mean(), 20 / (4 * YEAR + YEAR // 2) * YEAR)
        self.assertAlmostEqual(d.var(), d.mean())
        d3 = naive.poisson_last_three(counts, days, YEAR)
        self.assertAlmostEqual(d3.mean(), 14 / (2 * YEAR + YEAR // 2) * YEAR)

    def test_zero_counts_are_floored_at_half_an_event(self):
        self.assertAlmostEqual(naive.poisson_mean_rate([0, 0, 0, 0], [YEAR] * 4, YEAR).mean(), 0.5 / 4)
        self.assertAlmostEqual(naive.nb_random_walk([3, 0], [YEAR] * 2, YEAR).mean(), 0.5)
        for make in naive.FORECASTS.values():
            self.assertGreater(make([0, 0, 0], [YEAR] * 3, YEAR).pmf(1), 0)

    def test_random_walk_mean_is_last_count_scaled_to_the_exposure(self):
        d = naive.nb_random_walk([1, 5, 3], [YEAR, YEAR, 2 * YEAR], YEAR)
        self.assertAlmostEqual(d.mean(), 1.5)

    def test_random_walk_dispersion_by_moments(self):
        # m = [2, 8, 1], d = [6, -7, 3]: phi = (36 + 49 + 9 - 11) / (4 + 64 + 1) = 83 / 69
        c = [2, 8, 1, 4]
        phi = naive.walk_dispersion(c, [YEAR] * 4)
        self.assertAlmostEqual(phi, 83 / 69)
        d = naive.nb_random_walk(c, [YEAR] * 4, YEAR)
        self.assertAlmostEqual(d.mean(), 4)
        self.assertAlmostEqual(d.var(), 4 + phi * 16)

    def test_a_steady_series_gives_a_poisson_walk(self):
        # changes smaller than Poisson noise: phi = 0, the walk is Poisson(last count)
        self.assertEqual(naive.walk_dispersion([5, 5, 6, 5], [YEAR] * 4), 0.0)
        self.assertEqual(naive.walk_dispersion([5], [YEAR]), 0.0)
        d = naive.nb_random_walk([5, 5, 6, 5], [YEAR] * 4, YEAR)
        self.assertAlmostEqual(d.var(), d.mean())

    def test_wilder_series_are_more_dispersed(self):
        calm = naive.walk_dispersion([4, 6, 3, 7, 4], [YEAR] * 5)
        wild = naive.walk_dispersion([1, 12, 0, 15, 2], [YEAR] * 5)
        self.assertGreater(wild, calm)

    def test_bad_series_are_refused(self):
        for counts, days in (([], []), ([1, 2], [YEAR]), ([1], [0]), ([-1], [YEAR])):
            with self.assertRaises(ValueError):
                naive.poisson_mean_rate(counts, days, YEAR)


if __name__ == "__main__":
    unittest.main()

"""Damaged result files: a campaign of random byte flips, run with a fixed seed.

Every flipped file is given to `summary --json` and to `merge`. Neither may crash, hang
(each call has a timeout) or exit with anything but 0 or 2; when one exits 0, what it read
must equal the original: the same JSON, the same merged datasets. The whole-file seal
(engine/hdf5/file_seal.cpp) refuses every flip; the second test removes the seal and
flips bytes inside the Fletcher32-checksummed chunks of every state dataset, which HDF5
must then refuse; the third flips an unsealed copy at random. The counts are printed
(docs/reliability.md quotes them).
"""
import collections
import os
import random
import shutil
import subprocess
import tempfile
import unittest

import h5py
import numpy as np

BIN = os.environ.get("ESCALATE", "build/release/engine/escalate")
SRC = os.environ.get("ESCALATE_SOURCE_DIR", ".")
FLIPS = int(os.environ.get("ESCALATE_FLIPS", "500"))
SEED = 20240607
TIMEOUT = 30
SEAL_BYTES = 80


def datasets(path):
    out = {}
    with h5py.File(path, "r") as f:
        f.visititems(lambda name, obj: out.__setitem__(name, obj[()]) if isinstance(obj, h5py.Dataset) else None)
    return out


def same(a, b):
    if a.keys() != b.keys():
        return False
    for k in a:
        x, y = a[k], b[k]
        if x.shape != y.shape or x.dtype != y.dtype:
            return False
        if x.dtype.kind == "f":
            if not np.array_equal(x, y, equal_nan=True):
                return False
        elif not np.array_equal(x, y):
            return False
    return True


class ByteFlipTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = cls.tmp.name
        cls.original = os.path.join(cls.dir, "original.h5")
        subprocess.run([BIN, "run", os.path.join(SRC, "tests/configs/small.toml"), "-q", "--draws", "3",
                        "--trajectories", "40", "-o", cls.original], check=True)
        with open(cls.original, "rb") as f:
            cls.bytes = f.read()
        cls.summary = cls.summarize(cls.original)
        assert cls.summary.returncode == 0, cls.summary.stderr
        merged = os.path.join(cls.dir, "merged-original.h5")
        subprocess.run([BIN, "merge", cls.original, "-q", "-o", merged], check=True)
        cls.merged = datasets(merged)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def summarize(cls, path):
        return subprocess.run([BIN, "summary", "--json", path], capture_output=True, text=True, errors="replace", timeout=TIMEOUT)

    def judge(self, path, counts, problems, label):
        """Runs summary and merge on a damaged file; records exit codes and any wrong answer."""
        r = self.summarize(path)
        counts["summary", r.returncode] += 1
        if r.returncode not in (0, 2):
            problems.append(f"{label}: summary exit {r.returncode}: {r.stderr[-300:]}")
        elif r.returncode == 0:
            if r.stdout.replace(path, self.original) != self.summary.stdout:
                problems.append(f"{label}: summary exit 0 with different output")
        elif not r.stderr.startswith("escalate: ") or "internal error" in r.stderr:
            problems.append(f"{label}: summary refused without a clear message: {r.stderr[-300:]}")
        out = os.path.join(self.dir, "merged.h5")
        if os.path.exists(out):
            os.unlink(out)
        m = subprocess.run([BIN, "merge", path, "-q", "-o", out], capture_output=True, text=True, errors="replace", timeout=TIMEOUT)
        counts["merge", m.returncode] += 1
        if m.returncode not in (0, 2):
            problems.append(f"{label}: merge exit {m.returncode}: {m.stderr[-300:]}")
        elif m.returncode == 0 and not same(datasets(out), self.merged):
            problems.append(f"{label}: merge exit 0 with different datasets")
        elif m.returncode == 2 and os.path.exists(out):
            problems.append(f"{label}: merge refused but wrote {out}")

    def flip_each(self, original, flips, name):
        """Judges a copy of `original` with one bit flipped, for each (label, byte, bit)."""
        counts, problems = collections.Counter(), []
        path = os.path.join(self.dir, name)
        for label, at, bit in flips:
            data = bytearray(original)
            data[at] ^= 1 << bit
            with open(path, "wb") as f:
                f.write(data)
            self.judge(path, counts, problems, label)
        return counts, problems

    def test_random_flips(self):
        self.campaign(self.bytes, "")

    def test_random_flips_without_the_seal(self):
        # As another tool leaves a file: HDF5's checksums, the string checksums, the
        # global-heap walk and the reader's checks of every value stand alone.
        self.campaign(self.bytes[:-SEAL_BYTES], " without the seal")

    def campaign(self, original, label):
        rng = random.Random(SEED)
        flips = []
        for i in range(FLIPS):
            at = rng.randrange(len(original))
            flips.append((f"flip {i} at byte {at}", at, rng.randrange(8)))
        counts, problems = self.flip_each(original, flips, "flipped.h5")
        print(f"\n{FLIPS} random flips (seed {SEED}) of a {len(original)}-byte result{label}: "
              + ", ".join(f"{cmd} exit {code}: {n}" for (cmd, code), n in sorted(counts.items())))
        self.assertEqual(problems, [])

    def test_flips_in_checksummed_chunks_without_the_seal(self):
        # An unsealed copy (as another tool leaves it), then one flip in each chunk of each
        # chunked dataset the reader uses: Fletcher32 must refuse it.
        self.assertTrue(self.bytes[-SEAL_BYTES:].startswith(b"escalate-seal 1 "))
        unsealed = os.path.join(self.dir, "unsealed.h5")
        with open(unsealed, "wb") as f:
            f.write(self.bytes[:-SEAL_BYTES])
        self.assertEqual(self.summarize(unsealed).stdout.replace(unsealed, self.original), self.summary.stdout)
        targets = []
        with h5py.File(unsealed, "r") as f:
            for name in ["state/" + k for k in f["state"] if isinstance(f["state"][k], h5py.Dataset)] + ["draws/parameters"]:
                d = f[name]
                if d.chunks is None or d.size == 0 or h5py.h5ds.is_scale(d.id):
                    continue  # an axis (state/batch) is not read back
                self.assertTrue(d.fletcher32, name)
                for i in range(d.id.get_num_chunks()):
                    info = d.id.get_chunk_info(i)
                    targets.append((name, info.byte_offset, info.size))
        self.assertGreater(len(targets), 10)
        rng = random.Random(SEED)
        flips = []
        for name, offset, size in targets:
            at = offset + rng.randrange(size - 4)  # the data, not the stored checksum
            flips.append((f"{name} byte {at}", at, rng.randrange(8)))
        with open(unsealed, "rb") as f:
            counts, problems = self.flip_each(f.read(), flips, "chunk-flipped.h5")
        print(f"\n{len(targets)} flips in checksummed chunks (no seal): "
              + ", ".join(f"{cmd} exit {code}: {n}" for (cmd, code), n in sorted(counts.items())))
        self.assertEqual(problems, [])
        self.assertEqual(counts["summary", 0], 0, "every flip in a chunk the reader uses must be refused")


if __name__ == "__main__":
    unittest.main()

"""Atomic HDF5 output: written to a temporary file beside the target, then renamed into
place, so a crash never leaves a half-written file and no input is ever touched."""
import os
import tempfile

import h5py
import numpy as np


from ..outputs import check_target  # noqa: F401 - the one check of an output path


def write_h5(path, datasets, attrs):
    """datasets: {name: (array, dims, long_name)}; a dimension named like a dataset is
    written first as a coordinate. attrs: {name: str | number}."""
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".escalate-", suffix=".h5.tmp", dir=folder)
    os.close(fd)
    try:
        with h5py.File(tmp, "w") as f:
            for name, (data, dims, long_name) in datasets.items():
                data = np.asarray(data)
                if data.dtype.kind in "UO":
                    data = np.asarray([str(x) for x in data.ravel()], dtype=h5py.string_dtype()).reshape(data.shape)
                f.create_dataset(name, data=data)
                f[name].attrs["long_name"] = long_name
            for name, (_, dims, _) in datasets.items():
                for i, dim in enumerate(dims):
                    if dim not in f:
                        raise ValueError(f"dataset {name}: no coordinate {dim}")
                    if not h5py.h5ds.is_scale(f[dim].id):
                        f[dim].make_scale(dim)
                    if dim != name:
                        f[name].dims[i].attach_scale(f[dim])
            for name, value in attrs.items():
                f.attrs[name] = value
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)      # mkstemp made it private; a result is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise

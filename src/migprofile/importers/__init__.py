"""Source-file readers and the import of their files into the store.

    from migprofile.importers.run import import_file
    batch = import_file(store, Path("undesa_ims2024_bilateral_by_sex.csv"))  # format: auto

``base`` holds the contract (``Reader``, ``ImportBatch``, ``ReadOptions``), ``registry``
the list of reader modules, ``run`` the import itself, ``extracts`` the bundled extracts.
"""

from migprofile.importers.base import ImportBatch, Reader, ReadOptions, register
from migprofile.importers.registry import load_readers, reader_names

__all__ = ["ImportBatch", "ReadOptions", "Reader", "load_readers", "reader_names", "register"]

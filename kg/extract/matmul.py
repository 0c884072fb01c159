"""spaCy's matrix products through numpy's BLAS, on one thread.

thinc, spaCy's network library, multiplies matrices with blis
(``NumpyOps.gemm``). blis picks a kernel written for the CPU it finds, and on
a CPU it does not know it runs its generic C kernel: on the 2-core development
machine (AMD EPYC, family 26) that was 1.7 of the 4.2 CPU s spaCy spent on 600
KnowledgeNet documents. numpy's BLAS (OpenBLAS, or Accelerate on macOS) has a
kernel for every x86-64 CPU since Haswell: the same pipeline with thinc's
products through ``numpy.dot`` (``NumpyOps(use_blis=False)``) parses the 600
documents in 3.7 CPU s instead of 5.0, with the same tags, parses and names
on every token (compared token by token; the floating-point sums of the two
libraries may differ in their last bits, which decided nothing on these texts).

numpy's BLAS starts a thread per core for a large product; kg asks it for
one thread for each product (``threadpoolctl``), so a build with ``--n-process
N`` uses N cores, and the rest of the process's numpy work keeps its threads.

Examples
--------
>>> import numpy as np
>>> ops = OneThreadOps()
>>> ops.gemm(np.ones((2, 3), dtype="f"), np.ones((2, 3), dtype="f"), trans2=True).tolist()
[[3.0, 3.0], [3.0, 3.0]]
>>> with matmul_ops():
...     from thinc.api import get_current_ops
...     type(get_current_ops()).__name__
'OneThreadOps'
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from thinc.api import NumpyOps, get_current_ops, set_current_ops


class OneThreadOps(NumpyOps):
    """thinc's CPU operations with matrix products by ``numpy.dot`` on one BLAS thread."""

    name = "kg_numpy"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(use_blis=False, **kwargs)

    def gemm(self, x, y, *, out=None, trans1=False, trans2=False):  # type: ignore[no-untyped-def]
        with _one_blas_thread():
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


@contextmanager
def matmul_ops() -> Iterator[None]:
    """Models made in the block multiply with :class:`OneThreadOps` (thinc's layers keep
    the operations current when they are made), unless the current operations are
    not thinc's plain CPU ones (a GPU's, or another library's)."""
    previous = get_current_ops()
    if type(previous) is not NumpyOps:
        yield
        return
    set_current_ops(OneThreadOps())
    try:
        yield
    finally:
        set_current_ops(previous)


_CONTROLLER: list[Any] = []  # threadpoolctl's view of the BLAS libraries, made at the first product


def _one_blas_thread():  # type: ignore[no-untyped-def]
    """A context in which numpy's BLAS runs on one thread (7 microseconds a product)."""
    if not _CONTROLLER:
        from threadpoolctl import ThreadpoolController

        _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0].limit(limits=1, user_api="blas")

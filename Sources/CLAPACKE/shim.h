// LAPACKE and CBLAS on OpenBLAS (Debian: liblapacke-dev, libopenblas-dev): the forecast layer's dense linear
// algebra (ridge regression), never written by hand.
#include <lapacke.h>
#include <cblas.h>
